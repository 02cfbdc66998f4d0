// Headless passkeys of the signed-in user: ListWebAuthnCredentials, register (Start → browser → Complete), delete.
import type { Passkey } from '../../machines/accountTypes.ts';
import type { SignInError } from '../../machines/index.ts';
import { AccountActorContext, useAccountActionState } from './useAccountActor.tsx';

/** Where the passkey action stands: in flight, or the last one that succeeded. */
export type PasskeysStatus = 'idle' | 'listing' | 'registering' | 'deleting' | 'listed' | 'registered' | 'deleted';

/** What `usePasskeys()` returns. */
export interface Passkeys {
  readonly status: PasskeysStatus;
  readonly busy: boolean;
  /** Another account action is running or waits for a code: the passkey buttons wait. */
  readonly blocked: boolean;
  /** NotAllowedError when the user closed the browser's dialog; WebAuthn*Exception from Cognito. */
  readonly error: SignInError | undefined;
  /** ListWebAuthnCredentials has answered at least once (a registration or deletion lists again). */
  readonly listed: boolean;
  readonly passkeys: readonly Passkey[];
  readonly list: () => void;
  /** StartWebAuthnRegistration, the browser's passkey dialog, CompleteWebAuthnRegistration, then the list again. */
  readonly register: () => void;
  /** DeleteWebAuthnCredential, then the list again. */
  readonly delete: (credentialId: string) => void;
}

/** The signed-in user's passkeys; needs an AccountProvider (or `<AccountSettings>`) above. */
export function usePasskeys(): Passkeys {
  const { mine, busy, blocked, error, lastResult, send } = useAccountActionState('passkeys');
  const passkeys = AccountActorContext.useSelector((snapshot) => snapshot.context.passkeys);
  const running = AccountActorContext.useSelector((snapshot): PasskeysStatus | null =>
    snapshot.matches('registeringPasskey')
      ? 'registering'
      : snapshot.matches('DeleteWebAuthnCredential')
        ? 'deleting'
        : snapshot.matches('ListWebAuthnCredentials')
          ? 'listing'
          : null,
  );
  const done: PasskeysStatus =
    lastResult === 'passkeyRegistered'
      ? 'registered'
      : lastResult === 'passkeyDeleted'
        ? 'deleted'
        : lastResult === 'passkeysListed'
          ? 'listed'
          : 'idle';
  return {
    // After a registration or deletion the list runs once more: `listing` until it answers.
    status: mine && running !== null ? running : done,
    busy,
    blocked,
    error,
    listed: done !== 'idle',
    passkeys,
    list: () => {
      send({ type: 'passkeys.list' });
    },
    register: () => {
      send({ type: 'passkey.register' });
    },
    delete: (credentialId) => {
      send({ type: 'passkey.delete', credentialId });
    },
  };
}
