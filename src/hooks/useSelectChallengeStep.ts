// Headless SELECT_CHALLENGE step: the first factors Cognito offers this user, and the pick (with the password for PASSWORD).
import { useShallowEqualSelector } from './useShallowEqualSelector.ts';
import { secret, type PreferredChallenge, type SignInError } from '../../machines/index.ts';
import { usePasswordAnswer, type PasswordAnswer } from './PasswordAnswerContext.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectAttempt, selectError } from './stepError.ts';
import { selectStep } from './useSignInStep.ts';

const FACTORS: readonly PreferredChallenge[] = ['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP', 'PASSWORD_SRP', 'PASSWORD'];

/** What `useSelectChallengeStep()` returns. */
export interface SelectChallengeStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** `AvailableChallenges`: passkey first, then codes, then the password. */
  readonly options: readonly PreferredChallenge[];
  /** The password answer, if one is offered: the provider's preference when both are (SRP unless the config chose `USER_PASSWORD_AUTH`). */
  readonly passwordChallenge: PasswordAnswer | null;
  /** Picks a factor without a password: WEB_AUTHN, EMAIL_OTP or SMS_OTP. */
  readonly select: (challenge: 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP') => void;
  /** Answers with the password as `passwordChallenge` (SRP by default, so the password never leaves the browser). */
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
    FACTORS.filter((factor) =>
      (selectAttempt(snapshot, 'SELECT_CHALLENGE')?.availableChallenges ?? NONE).includes(factor),
    ),
  );
  const preferred = usePasswordAnswer();
  const passwordChallenge = options.includes(preferred)
    ? preferred
    : options.includes('PASSWORD_SRP')
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

const NONE: readonly never[] = [];
