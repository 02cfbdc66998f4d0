// A new password's field with the pool's rules listed under it, ticked off as the user types.
import { useId } from 'react';
import type { PasswordPolicy } from '../hooks/flowData.ts';
import { AccountPasswordRules } from './AccountPasswordRules.tsx';
import { Field, type FieldProps } from './Field.tsx';

export interface NewPasswordFieldProps extends Pick<
  FieldProps,
  'label' | 'value' | 'onChange' | 'errorId' | 'invalid' | 'ref'
> {
  readonly policy: PasswordPolicy;
}

/** The field every form that sets a password shares: sign-up, reset, NEW_PASSWORD_REQUIRED and change password. */
export function NewPasswordField({ policy, ...field }: NewPasswordFieldProps) {
  const rulesId = useId();
  return (
    <>
      <Field {...field} name="new-password" type="password" autoComplete="new-password" />
      <AccountPasswordRules id={rulesId} policy={policy} password={field.value} />
    </>
  );
}
