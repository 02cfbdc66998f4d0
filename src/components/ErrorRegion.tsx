// The step's error, in a live region that is always in the DOM so screen readers announce each new message.
import { errorText } from '../messages.ts';
import { useMessages } from './MessagesContext.ts';

/** What a step reports as its error: a stable code, never Cognito's message. */
export interface StepErrorView {
  readonly code: string;
}

export interface ErrorRegionProps {
  readonly id: string;
  readonly error: StepErrorView | undefined;
  /** A message from the form itself (e.g. passwords that differ), shown instead of the step's error. */
  readonly localError?: string | undefined;
}

/** An assertive live region holding the current error text (empty when there is none). */
export function ErrorRegion({ id, error, localError }: ErrorRegionProps) {
  const messages = useMessages();
  const text = localError ?? (error === undefined ? undefined : errorText(messages, error.code));
  return (
    <div id={id} className="cx-error" role="alert" aria-live="assertive" aria-atomic="true">
      {text}
    </div>
  );
}
