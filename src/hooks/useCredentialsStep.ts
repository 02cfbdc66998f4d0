// Headless credentials step: username + password (or, passwordless, the username alone) in, busy and error out.
import { secret, type Secret, type SignInError } from '../../machines/index.ts';
import { SessionContext, SignInContext } from './SignInProvider.tsx';
import { selectError } from './stepError.ts';
import { selectSessionStep, selectStep } from './useSignInStep.ts';

/** What `useCredentialsStep()` returns. */
export interface CredentialsStep {
  /** True while this step's form should be shown (including while SRP runs after submit). */
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** The username typed last time (kept across restarts). */
  readonly username: string;
  /**
   * Set when sign-in is USER_AUTH with this PREFERRED_CHALLENGE, or `choice` without one (Cognito then offers the
   * factors): ask for the username only.
   */
  readonly passwordless: 'SMS_OTP' | 'EMAIL_OTP' | 'choice' | undefined;
  /** Starts sign-in; the password is wrapped in a Secret here, so clear your field right after (passwordless: send ''). */
  readonly submit: (username: string, password: string) => void;
  /** Stops a sign-in in flight (InitiateAuth, the SRP and device steps) and shows the form again, username kept. */
  readonly cancel: () => void;
}

type SignInActorRef = ReturnType<typeof SignInContext.useActorRef>;

/**
 * The one place that starts a sign-in: `credentials.submit`. The credentials form and the sign-up hand-off (sign in
 * with the password just chosen) both use it.
 */
export function submitCredentials(actorRef: SignInActorRef, username: string, password: Secret<string>): void {
  actorRef.send({ type: 'credentials.submit', username, password });
}

/** The credentials step. */
export function useCredentialsStep(): CredentialsStep {
  const actorRef = SignInContext.useActorRef();
  // While the session restores (or holds tokens) there is no sign-in child to take a submit: not this step yet.
  const signedOut = SessionContext.useSelector((snapshot) => selectSessionStep(snapshot) === null);
  const onStep = SignInContext.useSelector((snapshot) => selectStep(snapshot) === 'credentials');
  const active = signedOut && onStep;
  const busy = SignInContext.useSelector((snapshot) => snapshot.hasTag('busy')) && active;
  const error = SignInContext.useSelector((snapshot) =>
    selectStep(snapshot) === 'credentials' ? selectError(snapshot) : undefined,
  );
  const username = SignInContext.useSelector((snapshot) => snapshot.context.username);
  const passwordless = SignInContext.useSelector(({ context }) =>
    context.authFlow !== 'USER_AUTH'
      ? undefined
      : context.preferredChallenge === null
        ? 'choice'
        : context.preferredChallenge === 'SMS_OTP' || context.preferredChallenge === 'EMAIL_OTP'
          ? context.preferredChallenge
          : undefined,
  );
  const submit = (typedUsername: string, password: string) => {
    submitCredentials(actorRef, typedUsername, secret(password));
  };
  const cancel = () => {
    actorRef.send({ type: 'signIn.cancel' });
  };
  return { active, busy, error, username, passwordless, submit, cancel };
}
