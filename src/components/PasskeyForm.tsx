// WEB_AUTHN: the browser's passkey dialog is open; after the user closes it, "Try again" reopens it.
import { useId } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';

/** Props of `<PasskeyForm>`. */
export interface PasskeyFormProps {
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  /** True once the dialog was closed: the submit button reopens it with the same challenge. */
  readonly canRetry: boolean;
  readonly retry: () => void;
  readonly cancel?: (() => void) | undefined;
}

/** Says what the browser is asking for; offers a retry once the dialog was closed. */
export function PasskeyForm({ busy, error, canRetry, retry, cancel }: PasskeyFormProps) {
  const messages = useMessages();
  const errorId = useId();
  return (
    <StepForm
      title={messages.passkeyTitle}
      intro={<p>{messages.passkeyWaiting}</p>}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.passkeyRetry}
      onSubmit={retry}
      onCancel={cancel}
      hideSubmit={!canRetry}
    />
  );
}
