// Headless SELECT_MFA_TYPE step: the methods the user may pick, and the pick.
import { useShallowEqualSelector } from './useShallowEqualSelector.ts';
import type { MfaType, SignInError } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectAttempt, selectError } from './stepError.ts';
import { selectStep } from './useSignInStep.ts';

/** What `useSelectMfaStep()` returns. */
export interface SelectMfaStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** `MFAS_CAN_CHOOSE`, parsed. */
  readonly options: readonly MfaType[];
  /** Asks Cognito for the chosen method's challenge. */
  readonly select: (mfaType: MfaType) => void;
  readonly cancel: () => void;
}

/** The SELECT_MFA_TYPE step. */
export function useSelectMfaStep(): SelectMfaStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => selectStep(snapshot) === 'SELECT_MFA_TYPE');
  const busy = SignInContext.useSelector((snapshot) => snapshot.matches({ SELECT_MFA_TYPE: 'responding' }));
  const error = SignInContext.useSelector((snapshot) =>
    snapshot.matches('SELECT_MFA_TYPE') ? selectError(snapshot) : undefined,
  );
  const options = useShallowEqualSelector((snapshot) => selectAttempt(snapshot, 'SELECT_MFA_TYPE')?.mfaTypes ?? NONE);
  return {
    active,
    busy,
    error,
    options,
    select: (mfaType) => {
      actorRef.send({ type: 'mfaType.select', mfaType });
    },
    cancel: () => {
      actorRef.send({ type: 'signIn.cancel' });
    },
  };
}

const NONE: readonly never[] = [];
