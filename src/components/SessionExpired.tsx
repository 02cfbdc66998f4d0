// Shown when Cognito's sign-in Session ran out mid-flow: explain, and offer to start again.
import { useId, useRef } from 'react';
import { useMessages } from './MessagesContext.ts';
import { useFocusOnMount } from './useFocusOnMount.ts';

/** Props of `<SessionExpired>`. */
export interface SessionExpiredProps {
  readonly restart: () => void;
}

/** A short explanation and a "Start again" button, focused so keyboard users can go straight on. */
export function SessionExpired({ restart }: SessionExpiredProps) {
  const messages = useMessages();
  const titleId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  useFocusOnMount(buttonRef);
  return (
    <section className="cx-step" aria-labelledby={titleId}>
      <h2 className="cx-title" id={titleId}>
        {messages.sessionExpiredTitle}
      </h2>
      <p className="cx-intro" role="alert">
        {messages.sessionExpiredIntro}
      </p>
      <div className="cx-actions">
        <button ref={buttonRef} className="cx-button cx-button-primary" type="button" onClick={restart}>
          {messages.startAgain}
        </button>
      </div>
    </section>
  );
}
