// Headless SetUserMFAPreference: which MFA method Cognito asks for first, or MFA off.
import type { MfaPreference as MfaPreferenceSettings } from '../../machines/accountTypes.ts';
import type { SignInError } from '../../machines/index.ts';
import { useAccountActionState } from './useAccountActor.tsx';

/** What `useMfaPreference()` returns. */
export interface MfaPreference {
  readonly busy: boolean;
  readonly blocked: boolean;
  /** e.g. InvalidParameterException when the method is not set up (no phone, no authenticator app). */
  readonly error: SignInError | undefined;
  /** SetUserMFAPreference succeeded. */
  readonly saved: boolean;
  /** Only the methods named change, e.g. `{ SOFTWARE_TOKEN_MFA: 'preferred' }` or `{ SMS_MFA: 'disabled' }`. */
  readonly setPreference: (preference: MfaPreferenceSettings) => void;
}

/** SetUserMFAPreference; needs an AccountProvider above. */
export function useMfaPreference(): MfaPreference {
  const { busy, blocked, error, lastResult, send } = useAccountActionState('mfaPreference');
  return {
    busy,
    blocked,
    error,
    saved: lastResult === 'mfaPreferenceSet',
    setPreference: (preference) => {
      send({ type: 'mfaPreference.set', preference });
    },
  };
}
