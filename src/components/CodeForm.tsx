// A one-time code step (SMS, email or authenticator app): numeric keypad, one-time-code autofill, masked destination.
import { useId } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { CodeField } from './CodeField.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useCodeField } from './useCodeField.ts';

/** Props of `<CodeForm>`. */
export interface CodeFormProps {
  /** Where the code comes from: a text message, an email or an authenticator app. */
  readonly medium: 'SMS' | 'EMAIL' | 'TOTP';
  /** The masked destination Cognito reports (e.g. `+*******0100`), shown so the user knows where to look. */
  readonly destination?: string | undefined;
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly submit: (code: string) => void;
  readonly cancel?: (() => void) | undefined;
  /** Replaces the medium's title (e.g. sign-up confirmation). */
  readonly title?: string | undefined;
  /** Offers "Send a new code" when the step can send one again. */
  readonly resend?: (() => void) | undefined;
}

/** Asks for a one-time code; the code is cleared from the field once submitted. */
export function CodeForm({ medium, destination, busy, error, submit, cancel, title, resend }: CodeFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const { code, setCode, ref: codeRef, submitCode } = useCodeField(error, submit);
  const mediumTitle =
    medium === 'SMS' ? messages.smsTitle : medium === 'EMAIL' ? messages.emailTitle : messages.totpTitle;
  const intro = medium === 'TOTP' ? messages.totpHint : messages.codeSent(medium, destination);
  return (
    <StepForm
      title={title ?? mediumTitle}
      intro={<p>{intro}</p>}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.verify}
      busyLabel={messages.verifying}
      onCancel={cancel}
      onSubmit={submitCode}
    >
      <CodeField ref={codeRef} value={code} onChange={setCode} errorId={errorId} invalid={error !== undefined} />
      {resend === undefined ? null : (
        <button
          className="cx-button cx-button-link"
          type="button"
          aria-disabled={busy}
          onClick={() => {
            if (!busy) resend();
          }}
        >
          {messages.resendCode}
        </button>
      )}
    </StepForm>
  );
}
