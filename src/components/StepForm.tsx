// The frame every sign-in step shares: heading, a real <form>, the error and busy live regions, submit and cancel.
import type { ReactNode, SubmitEvent } from 'react';
import { ErrorRegion, type StepErrorView } from './ErrorRegion.tsx';
import { useMessages } from './MessagesContext.ts';

export interface StepFormProps {
  readonly title: string;
  readonly intro?: ReactNode;
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly localError?: string | undefined;
  /** Id for the error region, so fields can point at it with aria-describedby. */
  readonly errorId: string;
  readonly submitLabel: string;
  readonly busyLabel?: string;
  readonly onSubmit: () => void;
  readonly onCancel?: (() => void) | undefined;
  readonly children?: ReactNode;
  /** Set when the step offers its choices as buttons of its own instead of one submit button. */
  readonly hideSubmit?: boolean;
}

/** A sign-in step's form. While busy the submit button is aria-disabled (not disabled, so focus stays put). */
export function StepForm({
  title,
  intro,
  busy,
  error,
  localError,
  errorId,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
  children,
  hideSubmit = false,
}: StepFormProps) {
  const messages = useMessages();
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form className="cx-step" onSubmit={handleSubmit} aria-busy={busy} noValidate={false}>
      <h2 className="cx-title">{title}</h2>
      {intro === undefined ? null : <div className="cx-intro">{intro}</div>}
      {children}
      <ErrorRegion id={errorId} error={error} localError={localError} />
      <p className="cx-status" role="status">
        {busy ? (busyLabel ?? messages.working) : null}
      </p>
      <div className="cx-actions">
        {hideSubmit ? null : (
          <button className="cx-button cx-button-primary" type="submit" aria-disabled={busy}>
            {busy ? (busyLabel ?? submitLabel) : submitLabel}
          </button>
        )}
        {onCancel === undefined ? null : (
          <button className="cx-button cx-button-secondary" type="button" onClick={onCancel}>
            {messages.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
