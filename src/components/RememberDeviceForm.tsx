// After sign-in on a new device: ask whether to remember it (Cognito then skips MFA here next time).
import { useId, useRef } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

/** Props of `<RememberDeviceForm>`. */
export interface RememberDeviceFormProps {
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly remember: (remember: boolean) => void;
}

/** Two buttons: remember this device, or not now. */
export function RememberDeviceForm({ busy, error, remember }: RememberDeviceFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  useFocusOnMount(firstRef);
  return (
    <StepForm
      title={messages.rememberDeviceTitle}
      intro={<p>{messages.rememberDeviceIntro}</p>}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.rememberDevice}
      onSubmit={() => undefined}
      hideSubmit
    >
      <div className="cx-actions">
        <button
          ref={firstRef}
          className="cx-button cx-button-primary"
          type="button"
          aria-disabled={busy}
          onClick={() => {
            if (!busy) remember(true);
          }}
        >
          {messages.rememberDevice}
        </button>
        <button
          className="cx-button cx-button-secondary"
          type="button"
          aria-disabled={busy}
          onClick={() => {
            if (!busy) remember(false);
          }}
        >
          {messages.dontRememberDevice}
        </button>
      </div>
    </StepForm>
  );
}
