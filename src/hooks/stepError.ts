// Shared selectors for the step hooks: the current error, whether the actor is working, and the step's attempt data.
import type { SnapshotFrom } from 'xstate';
import { isAttempt, type SignInAttempt, type SignInError, type signInMachine } from '../../machines/index.ts';

type Snapshot = SnapshotFrom<typeof signInMachine>;

/** The machine's last error (plain data: `code`, `retryable`); undefined when there is none. */
export function selectError(snapshot: Snapshot): SignInError | undefined {
  return snapshot.context.error ?? undefined;
}

/** True while a request of the sign-in is in flight. */
export function selectBusy(snapshot: Snapshot): boolean {
  return snapshot.hasTag('busy');
}

/** The attempt's data while the sign-in is at one of these steps; undefined at any other. */
export function selectAttempt<K extends SignInAttempt['kind']>(
  snapshot: Snapshot,
  ...kinds: readonly K[]
): Extract<SignInAttempt, { kind: K }> | undefined {
  const { attempt } = snapshot.context;
  return isAttempt(attempt, kinds) ? attempt : undefined;
}
