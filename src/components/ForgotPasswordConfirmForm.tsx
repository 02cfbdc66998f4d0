// ConfirmForgotPassword: the code sent to the masked destination and the new password, under the pool's policy.
import { useId, useRef, useState } from 'react';
import type { PasswordPolicy } from '../hooks/flowData.ts';
import { brokenPasswordRuleText } from './brokenPasswordRule.ts';
import type { StepErrorView } from './ErrorRegion.tsx';
import { CodeField } from './CodeField.tsx';
import { useMessages } from './MessagesContext.ts';
import { NewPasswordField } from './NewPasswordField.tsx';
import { StepForm } from './StepForm.tsx';
import { codeDigits } from './useCodeField.ts';
import { useFocusOnMount, useFocusWhen } from './useFocusOnMount.ts';

export interface ForgotPasswordConfirmFormProps {
  readonly medium: 'SMS' | 'EMAIL' | undefined;
  readonly destination: string | undefined;
  readonly policy: PasswordPolicy;
  readonly busy: boolean;
  readonly error: (StepErrorView & { readonly detail?: string | undefined }) | undefined;
  readonly submit: (code: string, newPassword: string) => void;
  readonly resend: () => void;
  readonly cancel?: (() => void) | undefined;
}

/** Code + new password; both fields are cleared once handed to `submit`. */
export function ForgotPasswordConfirmForm({
  medium,
  destination,
  policy,
  busy,
  error,
  submit,
  resend,
  cancel,
}: ForgotPasswordConfirmFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(codeRef);
  useFocusWhen(error?.code === 'InvalidPasswordException' ? passwordRef : codeRef, error);
  const localError = brokenPasswordRuleText(messages, error, policy);
  return (
    <StepForm
      title={messages.resetPasswordTitle}
      intro={<p>{messages.codeSent(medium ?? 'EMAIL', destination)}</p>}
      busy={busy}
      error={error}
      localError={localError}
      errorId={errorId}
      submitLabel={messages.resetPassword}
      busyLabel={messages.working}
      onCancel={cancel}
      onSubmit={() => {
        const digits = codeDigits(code);
        if (digits === '' || password === '') return;
        submit(digits, password);
        setCode('');
        setPassword('');
      }}
    >
      <CodeField
        ref={codeRef}
        value={code}
        onChange={setCode}
        errorId={errorId}
        invalid={error !== undefined && localError === undefined}
      />
      <NewPasswordField
        ref={passwordRef}
        label={messages.newPassword}
        value={password}
        onChange={setPassword}
        policy={policy}
        errorId={errorId}
        invalid={localError !== undefined}
      />
      <button className="cx-button cx-button-link" type="button" onClick={resend} aria-disabled={busy}>
        {messages.resendCode}
      </button>
    </StepForm>
  );
}
