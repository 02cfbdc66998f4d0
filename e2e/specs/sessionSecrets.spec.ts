// Issue 21's secrets check across tabs: what one tab tells another (BroadcastChannel) carries no token, and tokens are
// written only to the store the integrator chose (localStorage under its documented keys), in a real Chromium.
import { DEMO_ROTATION_CLIENT_ID } from '../emulator/demo.ts';
import { containsSecret } from './containsSecret.ts';
import { expect, test } from './fixtures.ts';
import { watchLeaks } from './leakWatch.ts';
import { record, recordCognitoAnswers, SessionTab } from './sessionTabs.ts';

/** What a page did that could carry a secret out of the session: a broadcast, a storage write, a cookie, a database. */
interface Outlet {
  readonly kind: 'broadcast' | 'localStorage' | 'sessionStorage' | 'cookie' | 'indexedDB';
  /** The channel name, storage key, cookie string or database name. */
  readonly name: string;
  readonly value: string;
}

declare global {
  interface Window {
    __reportOutlet?: (outlet: Outlet) => void;
  }
}

/** Every token key the integrator chose: amazon-cognito-identity-js's layout for the rotation client. */
const CHOSEN = new RegExp(
  `^CognitoIdentityServiceProvider\\.${DEMO_ROTATION_CLIENT_ID}\\.[^.]+\\.(idToken|accessToken|refreshToken)$`,
);

test('no token crosses between tabs, and tokens are stored only under the keys of the store the integrator chose', async ({
  context,
  cognito,
  users,
}) => {
  const outlets: Outlet[] = [];
  await context.exposeFunction('__reportOutlet', (outlet: Outlet) => outlets.push(outlet));
  // Before any page script: wrap each way out, pass it on unchanged.
  await context.addInitScript(() => {
    const report = (outlet: Outlet) => window.__reportOutlet?.(outlet);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the instance as `this`.
    const post = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
      report({ kind: 'broadcast', name: this.name, value: JSON.stringify(message) });
      post.call(this, message);
    };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the instance as `this`.
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      report({ kind: this === window.localStorage ? 'localStorage' : 'sessionStorage', name: key, value });
      setItem.call(this, key, value);
    };
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(Document.prototype, 'cookie', {
      get(this: Document): unknown {
        return cookie?.get?.call(this);
      },
      set(this: Document, value: string) {
        report({ kind: 'cookie', name: 'document.cookie', value });
        cookie?.set?.call(this, value);
      },
    });
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the instance as `this`.
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      report({ kind: 'indexedDB', name, value: '' });
      return open.call(this, name, version);
    };
  });
  const answers = recordCognitoAnswers(context, cognito.endpoint ?? '');
  const user = users.take('srp');
  const first = await SessionTab.open(context, cognito);
  const second = await SessionTab.open(context, cognito);
  const watchers = [first, second].map((tab) => watchLeaks(tab.page, { chosenStorage: CHOSEN }));

  await test.step('sign in in one tab, refresh in both, sign out in the other', async () => {
    await first.signIn(user);
    await second.expectStatus('signedIn');
    await first.refresh();
    await second.refresh();
    await second.refresh();
    for (const watcher of watchers) await watcher.capture('signed in');
    await second.page.getByRole('button', { name: 'Sign out' }).click();
    await first.expectStatus('signedOut');
    for (const watcher of watchers) await watcher.capture('signed out');
  });

  const secrets = [...new Set((await answers.settled()).flatMap((answer) => answer.secrets))];
  const holdsSecret = (text: string) => secrets.some((value) => containsSecret(text, value));
  const broadcasts = outlets.filter((outlet) => outlet.kind === 'broadcast');
  const tokenWrites = outlets.filter((outlet) => outlet.kind !== 'broadcast' && holdsSecret(outlet.value));
  record(
    'secrets across tabs',
    `secret values ${String(secrets.length)}; broadcasts ${String(broadcasts.length)}; storage writes ${String(outlets.length - broadcasts.length)}, of them holding a token ${String(tokenWrites.length)}`,
  );
  // The session, the sign-in's tokens, and a rotated set per refresh that reached Cognito: a watch that saw nothing
  // would prove nothing.
  expect(secrets.length).toBeGreaterThan(6);

  await test.step('every broadcast is a bare "changed" notice', () => {
    expect(broadcasts.length).toBeGreaterThan(1);
    for (const message of broadcasts) {
      expect(JSON.parse(message.value)).toEqual({ type: 'changed', clientId: DEMO_ROTATION_CLIENT_ID });
      expect(holdsSecret(message.value)).toBe(false);
    }
  });

  await test.step('tokens go only to localStorage under the chosen keys; no cookie, sessionStorage or IndexedDB', async () => {
    expect(tokenWrites.length).toBeGreaterThan(0);
    expect(tokenWrites.filter((write) => write.kind !== 'localStorage' || !CHOSEN.test(write.name))).toEqual([]);
    expect(outlets.filter((outlet) => ['sessionStorage', 'cookie', 'indexedDB'].includes(outlet.kind))).toEqual([]);
    for (const tab of [first, second]) expect(await tab.page.evaluate(() => indexedDB.databases())).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  });

  await test.step('console, DOM, URLs, storage and cookies of each tab hold no secret', () => {
    for (const [index, watcher] of watchers.entries()) {
      for (const value of secrets) watcher.secrets.add(value);
      watcher.expectNoLeak(`tab ${String(index + 1)}`, [user.password]);
    }
  });
});
