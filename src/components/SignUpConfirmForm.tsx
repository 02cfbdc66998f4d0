// ConfirmSignUp: the code Cognito sent to a masked destination, with a way to get a new one.
import { useId, useRef, useState } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { Field } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount, useFocusWhen } from './useFocusOnMount.ts';

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
export function SignUpConfirmForm({ medium, destination, busy, error, submit, resend, cancel }: SignUpConfirmFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(codeRef);
  useFocusWhen(codeRef, error);
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
      onSubmit={() => {
        const digits = code.replace(/\s+/g, '');
        if (digits === '') return;
        submit(digits);
        setCode('');
      }}
    >
      <Field ref={codeRef} label={messages.code} name="code" value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" errorId={errorId} invalid={error !== undefined} />
      <button className="cx-button cx-button-link" type="button" onClick={resend} aria-disabled={busy}>
        {messages.resendCode}
      </button>
    </StepForm>
  );
}
