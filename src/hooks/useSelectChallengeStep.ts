// Headless SELECT_CHALLENGE step: the first factors Cognito offers this user, and the pick (with the password for PASSWORD).
import { useShallowEqualSelector } from './useShallowEqualSelector.ts';
import { secret, type PreferredChallenge, type SignInError } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectError } from './stepError.ts';
import { selectStep } from './useSignInStep.ts';

const FACTORS: readonly PreferredChallenge[] = ['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP', 'PASSWORD_SRP', 'PASSWORD'];

/** What `useSelectChallengeStep()` returns. */
export interface SelectChallengeStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** `AvailableChallenges`: passkey first, then codes, then the password. */
  readonly options: readonly PreferredChallenge[];
  /** Whether a password answer is offered (PASSWORD_SRP preferred over PASSWORD when both are). */
  readonly passwordChallenge: 'PASSWORD_SRP' | 'PASSWORD' | null;
  /** Picks a factor without a password: WEB_AUTHN, EMAIL_OTP or SMS_OTP. */
  readonly select: (challenge: 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP') => void;
  /** Answers with the password (SRP when offered, so the password never leaves the browser). */
  readonly submitPassword: (password: string) => void;
  readonly cancel: () => void;
}

/** The SELECT_CHALLENGE step of choice-based sign-in (USER_AUTH without a preferred challenge). */
export function useSelectChallengeStep(): SelectChallengeStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => selectStep(snapshot) === 'SELECT_CHALLENGE');
  const busy = SignInContext.useSelector((snapshot) => snapshot.matches({ SELECT_CHALLENGE: 'responding' }));
  const error = SignInContext.useSelector((snapshot) =>
    snapshot.matches('SELECT_CHALLENGE') ? selectError(snapshot) : undefined,
  );
  const options = useShallowEqualSelector((snapshot) =>
    FACTORS.filter((factor) => snapshot.context.availableChallenges.includes(factor)),
  );
  const passwordChallenge = options.includes('PASSWORD_SRP')
    ? 'PASSWORD_SRP'
    : options.includes('PASSWORD')
      ? 'PASSWORD'
      : null;
  return {
    active,
    busy,
    error,
    options,
    passwordChallenge,
    select: (challenge) => {
      actorRef.send({ type: 'challenge.select', challenge });
    },
    submitPassword: (password) => {
      if (passwordChallenge === null) return;
      actorRef.send({ type: 'challenge.select', challenge: passwordChallenge, password: secret(password) });
    },
    cancel: () => {
      actorRef.send({ type: 'signIn.cancel' });
    },
  };
}
