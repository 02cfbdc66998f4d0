// Headless UpdateUserAttributes: a changed email or phone number moves on to useVerifyUserAttribute's code step.
import type { SignInError, StringMap } from '../../machines/index.ts';
import { useAccountActionState } from './useAccountActor.tsx';
import { useVerifyingAttribute } from './useVerifyUserAttribute.ts';

/** What `useUpdateUserAttributes()` returns. */
export interface UpdateUserAttributes {
  readonly busy: boolean;
  readonly blocked: boolean;
  /** e.g. AliasExistsException, InvalidParameterException. */
  readonly error: SignInError | undefined;
  /** Saved with nothing left to verify, or every changed email / phone verified. */
  readonly updated: boolean;
  /** UpdateUserAttributes with these name → value pairs (e.g. `{ email: 'new@example.com' }`). */
  readonly update: (attributes: StringMap) => void;
}

/** UpdateUserAttributes; needs an AccountProvider above. */
export function useUpdateUserAttributes(): UpdateUserAttributes {
  const { busy, blocked, error, lastResult, send } = useAccountActionState('attributes');
  const verifying = useVerifyingAttribute();
  return {
    busy: busy && !verifying,
    blocked,
    error: verifying ? undefined : error,
    updated: lastResult === 'attributesUpdated' || lastResult === 'attributeVerified',
    update: (attributes) => {
      send({ type: 'attributes.update', attributes });
    },
  };
}
