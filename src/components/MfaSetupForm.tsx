// MFA_SETUP (TOTP): the QR code, the key for manual entry and the otpauth:// link, then the first code to verify.
import { useId } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { CodeField } from './CodeField.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useCodeField } from './useCodeField.ts';

/** Props of `<MfaSetupForm>`. */
export interface MfaSetupFormProps {
  /** The base32 key, for people who type it into their app. Undefined until AssociateSoftwareToken answers. */
  readonly secretCode: string | undefined;
  /** `otpauth://totp/...`; on a phone, following it opens the authenticator app. */
  readonly uri: string | undefined;
  /** The QR code of `uri` as a data URL image. */
  readonly qrDataUrl: string | undefined;
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly submit: (code: string) => void;
  readonly cancel?: (() => void) | undefined;
}

/** Shows how to add the account to an authenticator app and asks for the first code it generates. */
export function MfaSetupForm({ secretCode, uri, qrDataUrl, busy, error, submit, cancel }: MfaSetupFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const { code, setCode, ref: codeRef, submitCode } = useCodeField(error, submit);
  return (
    <StepForm
      title={messages.mfaSetupTitle}
      intro={<p>{messages.mfaSetupScan}</p>}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.verify}
      busyLabel={messages.verifying}
      onCancel={cancel}
      onSubmit={submitCode}
    >
      {secretCode === undefined ? (
        <p className="cx-hint">{messages.mfaSetupLoading}</p>
      ) : (
        <div className="cx-totp-setup">
          {qrDataUrl === undefined ? null : (
            <img className="cx-qr" src={qrDataUrl} alt={messages.mfaSetupQrAlt} width={180} height={180} />
          )}
          <p className="cx-hint">{messages.mfaSetupManual}</p>
          <code className="cx-secret">{secretCode.replace(/(.{4})(?=.)/g, '$1 ')}</code>
          {uri === undefined ? null : (
            <p>
              <a className="cx-link" href={uri}>
                {messages.mfaSetupOpenApp}
              </a>
            </p>
          )}
        </div>
      )}
      <CodeField ref={codeRef} value={code} onChange={setCode} errorId={errorId} invalid={error !== undefined} />
    </StepForm>
  );
}
