// ConfirmSignUp: the code Cognito sent to a masked destination, with a way to get a new one.
import { useId } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { Field } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useCodeField } from './useCodeField.ts';

export interface SignUpConfirmFormProps {
  readonly medium: 'SMS' | 'EMAIL' | undefined;
  readonly destination: string | undefined;
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly submit: (code: string) => void;
  readonly resend: () => void;
  readonly cancel?: (() => void) | undefined;
}

/** Asks for the confirmation code; the field is cleared once the code is submitted. */
export function SignUpConfirmForm({
  medium,
  destination,
  busy,
  error,
  submit,
  resend,
  cancel,
}: SignUpConfirmFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const { code, setCode, ref: codeRef, submitCode } = useCodeField(error, submit);
  return (
    <StepForm
      title={messages.confirmSignUpTitle}
      intro={<p>{messages.codeSent(medium ?? 'EMAIL', destination)}</p>}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.verify}
      busyLabel={messages.verifying}
      onCancel={cancel}
      onSubmit={submitCode}
    >
      <Field
        ref={codeRef}
        label={messages.code}
        name="code"
        value={code}
        onChange={setCode}
        autoComplete="one-time-code"
        inputMode="numeric"
        errorId={errorId}
        invalid={error !== undefined}
      />
      <button className="cx-button cx-button-link" type="button" onClick={resend} aria-disabled={busy}>
        {messages.resendCode}
      </button>
    </StepForm>
  );
}
