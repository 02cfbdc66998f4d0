// Holds the engine's take-over while an IME composition is under way in the widget: replacing the form then would
// drop the text being composed (a Japanese or Chinese username, say) and leave the IME writing into a dead field.

/** Runs a take-over now, or once the composition in progress has ended. */
export interface CompositionGate {
  readonly run: (takeOver: () => void) => void;
  readonly stop: () => void;
}

/** Watches `root` for composition events (capture phase) until `stop()`. */
export function compositionGate(root: HTMLElement): CompositionGate {
  let composing = false;
  let waiting: (() => void) | null = null;
  const started = (): void => {
    composing = true;
  };
  const ended = (): void => {
    composing = false;
    const next = waiting;
    waiting = null;
    // After the task that committed the text, so the field holds its final value when the form is read.
    if (next !== null) setTimeout(next, 0);
  };
  root.addEventListener('compositionstart', started, true);
  root.addEventListener('compositionend', ended, true);
  return {
    run: (takeOver) => {
      if (composing) waiting = takeOver;
      else takeOver();
    },
    stop: () => {
      root.removeEventListener('compositionstart', started, true);
      root.removeEventListener('compositionend', ended, true);
      waiting = null;
    },
  };
}
