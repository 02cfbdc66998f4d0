// Tabs of one origin: Web Locks for one refresh at a time, and a BroadcastChannel that says "changed" (never a token).
import type { LockPort, TabChannelPort } from '../../machines/ports.ts';

const CHANNEL = 'cognito-xstate.session';

/** The only message tabs exchange: which app client's stored session changed. Re-read the store to learn how. */
interface ChangedNotice {
  readonly type: 'changed';
  readonly clientId: string;
}

function isChangedNotice(data: unknown): data is ChangedNotice {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'changed' &&
    typeof (data as { clientId?: unknown }).clientId === 'string'
  );
}

/** One queue per lock name in this realm: the fallback where Web Locks are missing (it cannot see other tabs). */
const realmQueues = new Map<string, Promise<unknown>>();

function realmLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = realmQueues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  realmQueues.set(name, settled);
  void settled.then(() => {
    if (realmQueues.get(name) === settled) realmQueues.delete(name);
  });
  return run;
}

/** `navigator.locks`, absent outside secure contexts, in older browsers and in Node. */
function webLocks(): LockManager | undefined {
  const platform = globalThis as { navigator?: { locks?: LockManager } };
  return platform.navigator?.locks;
}

/**
 * Web Locks (`navigator.locks`) where the browser has them, so the tabs of an origin refresh one at a time; else a
 * lock inside this page only (the refresh still re-reads the store under it, so a tab seldom sends a stale token).
 */
export function createTabLock(locks: LockManager | undefined = webLocks()): LockPort {
  if (locks === undefined) return { run: realmLock };
  return { run: (name, task) => locks.request(name, { mode: 'exclusive' }, task) };
}

/**
 * A BroadcastChannel carrying `{ type: 'changed', clientId }`; none (a no-op) where BroadcastChannel is missing. One
 * channel object sends and listens, so a tab never hears its own notices.
 */
export function createTabChannel(name = CHANNEL): TabChannelPort {
  if (typeof BroadcastChannel === 'undefined') return { notify: () => undefined, subscribe: () => () => undefined };
  let channel: BroadcastChannel | null = null;
  let listeners = 0;
  const open = () => (channel ??= new BroadcastChannel(name));
  return {
    notify(clientId) {
      open().postMessage({ type: 'changed', clientId } satisfies ChangedNotice);
    },
    subscribe(clientId, listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        if (isChangedNotice(event.data) && event.data.clientId === clientId) listener();
      };
      const current = open();
      current.addEventListener('message', onMessage);
      listeners += 1;
      return () => {
        current.removeEventListener('message', onMessage);
        listeners -= 1;
        // The last listener gone (the session stopped): close, so the page can be collected and Node can exit.
        if (listeners === 0 && channel === current) {
          current.close();
          channel = null;
        }
      };
    },
  };
}
