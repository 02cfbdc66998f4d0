// The user's first move on the page (a key, a pointer, a filled field): work the first paint does not need waits for it.

/** What counts as a first move: typing, pointing, or a password manager filling a field (a focus set by the page is not one). */
export const firstMoves = ['keydown', 'pointerdown', 'input'] as const;

/** Calls `then` once, on the first of `events` anywhere in the document (capture phase); returns the unsubscribe. */
export function onFirstMove(then: () => void, events: readonly string[] = firstMoves): () => void {
  const stop = (): void => {
    for (const type of events) document.removeEventListener(type, moved, true);
  };
  function moved(): void {
    stop();
    then();
  }
  for (const type of events) document.addEventListener(type, moved, true);
  return stop;
}
