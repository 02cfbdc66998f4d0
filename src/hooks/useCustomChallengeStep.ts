// Headless CUSTOM_CHALLENGE step: the trigger's public parameters in, the answer out.
import { secret, type SignInError } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectAttempt, selectError } from './stepError.ts';
import { useShallowEqualSelector } from './useShallowEqualSelector.ts';

/** What `useCustomChallengeStep()` returns. */
export interface CustomChallengeStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** The CreateAuthChallenge trigger's `publicChallengeParameters` (plus `USERNAME`). */
  readonly parameters: Readonly<Record<string, string>>;
  /** `parameters.question`, the convention the demo pool's trigger uses. */
  readonly question: string | undefined;
  /** Sends the answer (wrapped in a Secret); clear your field right after. */
  readonly submit: (answer: string) => void;
  readonly cancel: () => void;
}

/** The CUSTOM_CHALLENGE step. */
export function useCustomChallengeStep(): CustomChallengeStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => snapshot.matches('CUSTOM_CHALLENGE'));
  const busy = SignInContext.useSelector((snapshot) => snapshot.matches({ CUSTOM_CHALLENGE: 'responding' }));
  const error = SignInContext.useSelector((snapshot) =>
    snapshot.matches('CUSTOM_CHALLENGE') ? selectError(snapshot) : undefined,
  );
  const parameters = useShallowEqualSelector(
    (snapshot) => selectAttempt(snapshot, 'CUSTOM_CHALLENGE')?.challengeParameters ?? EMPTY,
  );
  return {
    active,
    busy,
    error,
    parameters,
    question: parameters.question,
    submit: (answer) => {
      actorRef.send({ type: 'customChallenge.submit', answer: secret(answer) });
    },
    cancel: () => {
      actorRef.send({ type: 'signIn.cancel' });
    },
  };
}

const EMPTY: Readonly<Record<string, string>> = {};
