// Shared selectors for the step hooks: the current error and whether the actor is working.
import type { SnapshotFrom } from 'xstate';
import type { SignInError, signInMachine } from '../../machines/index.ts';

type Snapshot = SnapshotFrom<typeof signInMachine>;

/** The machine's last error (plain data: `code`, `retryable`); undefined when there is none. */
export function selectError(snapshot: Snapshot): SignInError | undefined {
  return snapshot.context.error ?? undefined;
}

/** True while a request of the sign-in is in flight. */
export function selectBusy(snapshot: Snapshot): boolean {
  return snapshot.hasTag('busy');
}
