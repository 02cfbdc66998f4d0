// Waiting until this tab's copy of localStorage shows what another tab wrote, before acting on it.
//
// Browsers give each tab's process its own copy of an origin's localStorage and bring it up to date asynchronously
// (the HTML standard's storage mutex was never implemented). A tab that another tab has just told "the tokens changed"
// over a BroadcastChannel, or that has just been granted the Web Lock another tab held while it rotated the refresh
// token, may still read the old values: seen in Chromium as a rotated-out refresh token sent by the second tab. The
// writer's updates reach each other tab in the order they were made, so a marker written after the tokens and seen by
// the reader proves the tokens are there too.

/** An origin's localStorage and where its `storage` events (other tabs' writes) arrive. */
export interface StorageView {
  readonly storage: Storage;
  readonly events: EventTarget;
}

/** The page's localStorage and window; undefined in Node, workers, and where storage is blocked. */
export function pageStorage(): StorageView | undefined {
  const page = globalThis as { window?: Window & typeof globalThis };
  try {
    const storage = page.window?.localStorage;
    return storage === undefined || page.window === undefined ? undefined : { storage, events: page.window };
  } catch {
    // Opaque origins and some privacy settings throw on the getter.
    return undefined;
  }
}

/**
 * How long a tab waits for another's writes before going on with what it has: storage cleared under it, or a device
 * asleep in the few ms of the wait (its timers wake before the storage update arrives).
 */
const FENCE_TIMEOUT_MS = 2000;

/** Resolves once `shows()` is true, checked now and on each `storage` event, or after `timeoutMs`. */
export function storageShows(view: StorageView, shows: () => boolean, timeoutMs = FENCE_TIMEOUT_MS): Promise<void> {
  if (shows()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      view.events.removeEventListener('storage', onStorage);
      clearTimeout(timer);
      resolve();
    };
    const onStorage = () => {
      if (shows()) finish();
    };
    view.events.addEventListener('storage', onStorage);
    const timer = setTimeout(finish, timeoutMs);
  });
}

/** A value no other write of this marker has had: a tab's writes are told apart by it. */
export function freshMarker(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
