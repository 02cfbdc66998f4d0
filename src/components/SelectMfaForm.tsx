// SELECT_MFA_TYPE: one button per method the user has enabled; choosing one asks Cognito to send that challenge.
import { useId, useRef } from 'react';
import type { MfaMethod } from '../messages.ts';
import type { StepErrorView } from './ErrorRegion.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

/** Props of `<SelectMfaForm>`. */
export interface SelectMfaFormProps {
  readonly options: readonly MfaMethod[];
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly select: (method: MfaMethod) => void;
  readonly cancel?: (() => void) | undefined;
}

/** The methods as a group of buttons, so one keypress picks one. */
export function SelectMfaForm({ options, busy, error, select, cancel }: SelectMfaFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const groupId = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  useFocusOnMount(firstRef);
  return (
    <StepForm
      title={messages.selectMfaTitle}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.continue}
      onSubmit={() => undefined}
      onCancel={cancel}
      hideSubmit
    >
      <div className="cx-choices" role="group" aria-labelledby={groupId}>
        <span id={groupId} className="cx-visually-hidden">
          {messages.selectMfaTitle}
        </span>
        {options.map((method, index) => (
          <button
            key={method}
            ref={index === 0 ? firstRef : undefined}
            className="cx-button cx-choice"
            type="button"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) select(method);
            }}
          >
            {messages.mfaMethods[method]}
          </button>
        ))}
      </div>
    </StepForm>
  );
}
