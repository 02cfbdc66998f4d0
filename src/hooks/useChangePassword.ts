// Headless ChangePassword for the signed-in user: the current and the new password, then a confirmation.
import type { SignInError } from '../../machines/index.ts';
import { secret } from '../../machines/secret.ts';
import { useAccountActionState } from './useAccountActor.tsx';

/** What `useChangePassword()` returns. */
export interface ChangePassword {
  readonly busy: boolean;
  /** Another account action is in flight. */
  readonly blocked: boolean;
  /** e.g. NotAuthorizedException (wrong current password), InvalidPasswordException, LimitExceededException. */
  readonly error: SignInError | undefined;
  /** ChangePassword succeeded. */
  readonly changed: boolean;
  /** Both passwords are wrapped in `Secret` here and dropped by the machine once the call ends. */
  readonly changePassword: (previousPassword: string, proposedPassword: string) => void;
}

/** ChangePassword; needs an AccountProvider above. */
export function useChangePassword(): ChangePassword {
  const { busy, blocked, error, lastResult, send } = useAccountActionState('changePassword');
  return {
    busy,
    blocked,
    error,
    changed: lastResult === 'passwordChanged',
    changePassword: (previousPassword, proposedPassword) => {
      send({
        type: 'password.change',
        previousPassword: secret(previousPassword),
        proposedPassword: secret(proposedPassword),
      });
    },
  };
}
