// The account screen's "Change password": current password, new password twice, the pool's rules shown before submit.
import { useId, useState } from 'react';
import type { PasswordPolicyType } from '../hooks/flowData.ts';
import { toPasswordPolicy } from '../hooks/flowData.ts';
import { useChangePassword } from '../hooks/useChangePassword.ts';
import { AccountSection } from './AccountSection.tsx';
import { Field } from './Field.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';
import { useAccountMessages } from './MessagesContext.ts';

export interface AccountChangePasswordProps {
  /** The pool's password policy, listed under the new password; Cognito's default if omitted. */
  readonly passwordPolicy?: PasswordPolicyType | undefined;
}

/** ChangePassword as a form; both fields are cleared once submitted. */
export function AccountChangePassword({ passwordPolicy }: AccountChangePasswordProps) {
  const messages = useAccountMessages();
  const { busy, blocked, error, changed, changePassword } = useChangePassword();
  const errorId = useId();
  const [current, setCurrent] = useState('');
  const [proposed, setProposed] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const invalid = mismatch || error !== undefined;
  return (
    <AccountSection
      title={messages.changePasswordTitle}
      busy={busy}
      blocked={blocked}
      error={error}
      localError={mismatch ? messages.passwordsDiffer : undefined}
      done={changed ? messages.passwordChanged : undefined}
      busyLabel={messages.changingPassword}
      submitLabel={messages.changePassword}
      errorId={errorId}
      onSubmit={() => {
        if (proposed !== confirmation) {
          setMismatch(true);
          return;
        }
        setMismatch(false);
        changePassword(current, proposed);
        setCurrent('');
        setProposed('');
        setConfirmation('');
      }}
    >
      <Field
        label={messages.currentPassword}
        name="current-password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        errorId={errorId}
        invalid={invalid}
      />
      <NewPasswordField
        label={messages.newPassword}
        value={proposed}
        onChange={setProposed}
        policy={toPasswordPolicy(passwordPolicy)}
        errorId={errorId}
        invalid={invalid}
      />
      <Field
        label={messages.confirmNewPassword}
        name="confirm-password"
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={setConfirmation}
        errorId={errorId}
        invalid={mismatch}
      />
    </AccountSection>
  );
}
