// The frame each account section shares: a heading, a real <form>, the error and status live regions, one submit.
import { useId, useRef, type ReactNode, type SubmitEvent } from 'react';
import { ErrorRegion, type StepErrorView } from './ErrorRegion.tsx';
import { useFocusWhen } from './useFocusOnMount.ts';

export interface AccountSectionProps {
  readonly title: string;
  readonly intro?: string | undefined;
  readonly busy: boolean;
  /** Another account action is running; the submit waits. */
  readonly blocked?: boolean | undefined;
  readonly error: StepErrorView | undefined;
  readonly localError?: string | undefined;
  /** Shown (and focused) once the action succeeded, e.g. "Your password has been changed." */
  readonly done?: string | undefined;
  readonly busyLabel: string;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  /** The error region's id, for fields' aria-describedby. */
  readonly errorId: string;
  readonly children?: ReactNode;
  /** Rendered after the form (e.g. a code step that follows it). */
  readonly after?: ReactNode;
}

/** One account action as a form; while busy or blocked its submit is aria-disabled, so focus stays put. */
export function AccountSection({
  title,
  intro,
  busy,
  blocked = false,
  error,
  localError,
  done,
  busyLabel,
  submitLabel,
  onSubmit,
  errorId,
  children,
  after,
}: AccountSectionProps) {
  const titleId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The form's own button does not go away, but a screen reader user should still hear and land on the outcome.
  useFocusWhen(statusRef, done);
  const waiting = busy || blocked;
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!waiting) onSubmit();
  };
  return (
    <section className="cx-account-section" aria-labelledby={titleId}>
      <h3 className="cx-subtitle" id={titleId}>
        {title}
      </h3>
      <form className="cx-step" onSubmit={handleSubmit} aria-busy={busy}>
        {intro === undefined ? null : <p className="cx-intro">{intro}</p>}
        {children}
        <ErrorRegion id={errorId} error={error} localError={localError} />
        <p className="cx-status" role="status" ref={statusRef} tabIndex={-1}>
          {busy ? busyLabel : (done ?? null)}
        </p>
        <div className="cx-actions">
          <button className="cx-button cx-button-primary" type="submit" aria-disabled={waiting}>
            {busy ? busyLabel : submitLabel}
          </button>
        </div>
      </form>
      {after}
    </section>
  );
}
