// Tabs of one origin: Web Locks for one refresh at a time, and a BroadcastChannel that says "changed" (never a token).
import type { LockPort, TabChannelPort } from '../../machines/ports.ts';
import { freshMarker, pageStorage, storageShows, type StorageView } from './storageFence.ts';

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
 * Each holder of the lock ends by writing its generation number to localStorage (after whatever the task stored) and
 * holding a shared lock named after it until it writes the next; the lock manager answers every tab in one order,
 * so the next holder learns the newest generation from `locks.query()` and waits until its own copy of localStorage
 * shows it, and with it the tokens written before it.
 */
function fencedLock(locks: LockManager, view: StorageView): LockPort {
  const generationKey = (name: string) => `${name}.generation`;
  const storedGeneration = (name: string) => Number(view.storage.getItem(generationKey(name)) ?? '0') || 0;
  const newestGeneration = async (name: string): Promise<number> => {
    const prefix = `${generationKey(name)}.`;
    const { held = [] } = await locks.query();
    const generations = held.flatMap((lock) =>
      lock.name?.startsWith(prefix) === true ? [Number(lock.name.slice(prefix.length)) || 0] : [],
    );
    return Math.max(0, ...generations);
  };
  /** This tab's hold on the generation it wrote last, per lock name. */
  const holding = new Map<string, () => void>();
  const publish = async (name: string): Promise<void> => {
    const generation = Math.max(storedGeneration(name), await newestGeneration(name)) + 1;
    view.storage.setItem(generationKey(name), String(generation));
    const previous = holding.get(name);
    await new Promise<void>((granted) => {
      void locks.request(`${generationKey(name)}.${String(generation)}`, { mode: 'shared' }, () => {
        granted();
        return new Promise<void>((release) => holding.set(name, release));
      });
    });
    previous?.();
  };
  return {
    run: (name, task) =>
      locks.request(name, { mode: 'exclusive' }, async () => {
        const newest = await newestGeneration(name);
        await storageShows(view, () => storedGeneration(name) >= newest);
        try {
          return await task();
        } finally {
          await publish(name);
        }
      }),
  };
}

/**
 * Web Locks (`navigator.locks`) where the browser has them, so the tabs of an origin refresh one at a time, each
 * seeing what the one before it stored (see storageFence.ts); else a lock inside this page only (the refresh still
 * re-reads the store under it, so a tab seldom sends a stale token).
 */
export function createTabLock(
  locks: LockManager | undefined = webLocks(),
  view: StorageView | undefined = pageStorage(),
): LockPort {
  if (locks === undefined) return { run: realmLock };
  if (view === undefined) return { run: (name, task) => locks.request(name, { mode: 'exclusive' }, task) };
  return fencedLock(locks, view);
}

/**
 * A BroadcastChannel carrying `{ type: 'changed', clientId }`; none (a no-op) where BroadcastChannel is missing. One
 * channel object sends and listens, so a tab never hears its own notices. In a page, the sender first writes a fresh
 * marker to localStorage and a listener is called once its own copy shows a marker it has not acted on, so it reads
 * the tokens the notice is about, not the ones before (see storageFence.ts).
 */
export function createTabChannel(name = CHANNEL, view: StorageView | undefined = pageStorage()): TabChannelPort {
  if (typeof BroadcastChannel === 'undefined') return { notify: () => undefined, subscribe: () => () => undefined };
  let channel: BroadcastChannel | null = null;
  let listeners = 0;
  const open = () => (channel ??= new BroadcastChannel(name));
  const markerKey = (clientId: string) => `${name}.${clientId}.changed`;
  const marker = (clientId: string) => view?.storage.getItem(markerKey(clientId)) ?? null;
  /** The marker this tab wrote last per client: the notice another tab sends is about a newer one. */
  const ownMarkers = new Map<string, string>();
  return {
    notify(clientId) {
      const written = freshMarker();
      ownMarkers.set(clientId, written);
      view?.storage.setItem(markerKey(clientId), written);
      open().postMessage({ type: 'changed', clientId } satisfies ChangedNotice);
    },
    subscribe(clientId, listener) {
      let actedOn = marker(clientId);
      const onMessage = (event: MessageEvent<unknown>) => {
        if (!isChangedNotice(event.data) || event.data.clientId !== clientId) return;
        if (view === undefined) {
          listener();
          return;
        }
        const shown = () => marker(clientId) !== actedOn && marker(clientId) !== ownMarkers.get(clientId);
        void storageShows(view, shown).then(() => {
          actedOn = marker(clientId);
          listener();
        });
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
