// Headless NEW_PASSWORD_REQUIRED step: the new password plus the attributes the pool requires.
import { secret, type SignInError } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectAttempt, selectError } from './stepError.ts';
import { useShallowEqualSelector } from './useShallowEqualSelector.ts';

/** What `useNewPasswordStep()` returns. */
export interface NewPasswordStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** Attribute names (no `userAttributes.` prefix) the user must supply, e.g. `name`. */
  readonly requiredAttributes: readonly string[];
  /** Sends the new password (wrapped in a Secret) and the attributes; clear your password fields right after. */
  readonly submit: (password: string, attributes: Record<string, string>) => void;
  readonly cancel: () => void;
}

/** The NEW_PASSWORD_REQUIRED step. */
export function useNewPasswordStep(): NewPasswordStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => snapshot.matches('NEW_PASSWORD_REQUIRED'));
  const busy = SignInContext.useSelector((snapshot) => snapshot.matches({ NEW_PASSWORD_REQUIRED: 'responding' }));
  const error = SignInContext.useSelector((snapshot) =>
    snapshot.matches('NEW_PASSWORD_REQUIRED') ? selectError(snapshot) : undefined,
  );
  const requiredAttributes = useShallowEqualSelector(
    (snapshot) => selectAttempt(snapshot, 'NEW_PASSWORD_REQUIRED')?.requiredAttributes ?? NONE,
  );
  return {
    active,
    busy,
    error,
    requiredAttributes,
    submit: (password, attributes) => {
      actorRef.send({ type: 'newPassword.submit', password: secret(password), attributes });
    },
    cancel: () => {
      actorRef.send({ type: 'signIn.cancel' });
    },
  };
}

const NONE: readonly never[] = [];
