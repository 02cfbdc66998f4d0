// Tabs whose copies of localStorage lag behind each other (as Chromium's do): the lock and the channel wait for them.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageView } from './storageFence.ts';
import { createTabChannel, createTabLock } from './tabSync.ts';

/** One origin's localStorage as the tabs see it: each tab's own writes at once, the others' when `deliver()` runs. */
class LaggingOrigin {
  private readonly pending: { from: LaggingTab; key: string; value: string | null }[] = [];
  readonly tabs: LaggingTab[] = [];

  tab(): LaggingTab {
    const tab = new LaggingTab(this);
    this.tabs.push(tab);
    return tab;
  }

  queue(from: LaggingTab, key: string, value: string | null): void {
    this.pending.push({ from, key, value });
  }

  /** Brings every tab's copy up to date, in write order, with a `storage` event for each change. */
  deliver(): void {
    for (const { from, key, value } of this.pending.splice(0))
      for (const tab of this.tabs.filter((other) => other !== from)) tab.apply(key, value);
  }
}

class LaggingTab implements StorageView {
  readonly events = new EventTarget();
  private readonly items = new Map<string, string>();
  readonly storage: Storage;

  constructor(origin: LaggingOrigin) {
    const items = this.items;
    const write = (key: string, value: string | null) => {
      if (value === null) items.delete(key);
      else items.set(key, value);
      origin.queue(this, key, value);
    };
    this.storage = {
      get length() {
        return items.size;
      },
      clear: () => {
        for (const key of [...items.keys()]) write(key, null);
      },
      getItem: (key) => items.get(key) ?? null,
      key: (index) => [...items.keys()][index] ?? null,
      removeItem: (key) => {
        write(key, null);
      },
      setItem: (key, value) => {
        write(key, value);
      },
    };
  }

  apply(key: string, value: string | null): void {
    if (value === null) this.items.delete(key);
    else this.items.set(key, value);
    this.events.dispatchEvent(new Event('storage'));
  }
}

/** Web Locks for one origin: exclusive and shared modes, a queue per name, and `query()` of what is held. */
function fakeLockManager(): LockManager {
  const held: { name: string; mode: LockMode }[] = [];
  const waiting: { name: string; mode: LockMode; grant: () => void }[] = [];
  const grantable = (name: string, mode: LockMode) =>
    held.every((lock) => lock.name !== name || (mode === 'shared' && lock.mode === 'shared'));
  const pump = () => {
    for (const entry of [...waiting])
      if (grantable(entry.name, entry.mode)) {
        waiting.splice(waiting.indexOf(entry), 1);
        entry.grant();
      }
  };
  const request = (name: string, ...args: unknown[]): Promise<unknown> => {
    const [options, callback] = (args.length === 1 ? [{}, args[0]] : args) as [
      LockOptions,
      (lock: Lock | null) => unknown,
    ];
    const mode = options.mode ?? 'exclusive';
    return new Promise((resolve, reject) => {
      const grant = () => {
        const lock = { name, mode };
        held.push(lock);
        void Promise.resolve()
          .then(() => callback(lock as Lock))
          .then(resolve, reject)
          .finally(() => {
            held.splice(held.indexOf(lock), 1);
            pump();
          });
      };
      waiting.push({ name, mode, grant });
      pump();
    });
  };
  return {
    request,
    query: () => Promise.resolve({ held: held.map((lock) => ({ ...lock, clientId: 'tab' })), pending: [] }),
  } as LockManager;
}

describe('tabs whose localStorage copies lag', () => {
  const channels: (() => void)[] = [];
  afterEach(() => {
    for (const close of channels.splice(0)) close();
  });

  it('a tab granted the refresh lock after another stored a rotated token reads that token, not the old one', async () => {
    const origin = new LaggingOrigin();
    const [first, second] = [origin.tab(), origin.tab()];
    const locks = fakeLockManager();
    first.storage.setItem('refreshToken', 'old');
    origin.deliver();
    await createTabLock(locks, first).run('refresh', () => {
      first.storage.setItem('refreshToken', 'rotated');
      return Promise.resolve();
    });
    const read = createTabLock(locks, second).run('refresh', () =>
      Promise.resolve(second.storage.getItem('refreshToken')),
    );
    await sleep(20);
    // Without the fence the second tab would have read 'old' by now, and sent a token rotated out of use.
    origin.deliver();
    expect(await read).toBe('rotated');
  });

  it('a tab told "changed" re-reads only once its copy shows what the sender stored', async () => {
    const origin = new LaggingOrigin();
    const [first, second] = [origin.tab(), origin.tab()];
    const name = `lagging-${String(Date.now())}`;
    const reads: (string | null)[] = [];
    const listening = createTabChannel(name, second).subscribe('client', () => {
      reads.push(second.storage.getItem('idToken'));
    });
    channels.push(listening);
    const sender = createTabChannel(name, first);
    const unsubscribeSender = sender.subscribe('other-client', () => undefined);
    channels.push(unsubscribeSender);
    first.storage.setItem('idToken', 'signed-in');
    sender.notify('client');
    await sleep(20);
    expect(reads).toEqual([]);
    origin.deliver();
    await sleep(5);
    expect(reads).toEqual(['signed-in']);
  });

  it("a tab that sent a notice itself still waits for the next sender's marker (regression: read before the sign-in)", async () => {
    const origin = new LaggingOrigin();
    const [first, second] = [origin.tab(), origin.tab()];
    const name = `own-${String(Date.now())}`;
    const reads: (string | null)[] = [];
    const secondChannel = createTabChannel(name, second);
    channels.push(secondChannel.subscribe('client', () => reads.push(second.storage.getItem('idToken'))));
    const firstChannel = createTabChannel(name, first);
    channels.push(firstChannel.subscribe('client', () => undefined));
    // The second tab signs out and says so; then the first signs in and says so, its writes still on the way.
    second.storage.removeItem('idToken');
    secondChannel.notify('client');
    origin.deliver();
    await sleep(5);
    first.storage.setItem('idToken', 'signed-in');
    firstChannel.notify('client');
    await sleep(20);
    expect(reads).toEqual([]);
    origin.deliver();
    await sleep(5);
    expect(reads).toEqual(['signed-in']);
  });
});
