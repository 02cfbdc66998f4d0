// `?inspect`: loads the Stately inspector on demand and hands it only redacted snapshots and events.
import type { InspectOption } from '../hooks/SignInProvider.tsx';

/**
 * Secret#toJSON prints "[redacted]", so a JSON round trip is exactly the view the inspector may have.
 * Actors without context (promise actors) pass `undefined`, which has no JSON form and is passed through.
 */
export function redacted<T>(value: T): T {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? value : (JSON.parse(json) as T);
}

/** The inspector's callback, or undefined when the page was opened without `?inspect`. */
export async function loadInspector(search: string): Promise<InspectOption | undefined> {
  if (!new URLSearchParams(search).has('inspect')) return undefined;
  const { createBrowserInspector } = await import('@statelyai/inspect');
  const inspector = createBrowserInspector({ sanitizeContext: redacted, sanitizeEvent: redacted });
  return inspector.inspect;
}
