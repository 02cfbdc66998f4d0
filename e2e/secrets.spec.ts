// No secret leaks from the real widget in Chromium: console, web storage, cookies, DOM and request URLs after every step.
import type { Page } from '@playwright/test';
import { expect, test, type DemoPath } from './fixtures.ts';

/** What a step leaves behind, to be searched for secrets. */
interface Sink {
  readonly name: string;
  readonly text: string;
}

/** Device keys are stored on purpose (the integrator's device store), as amazon-cognito-identity-js does. */
const CHOSEN_STORAGE = /^CognitoIdentityServiceProvider\.[^.]+\.[^.]+\.(deviceKey|deviceGroupKey|randomPasswordKey)$/;

/** Records everything observable, and every secret that crossed the wire, while the test runs. */
function watch(page: Page, chosenStorage: RegExp | null = CHOSEN_STORAGE) {
  const secrets = new Set<string>();
  const logs: string[] = [];
  const urls: string[] = [];
  const sinks: Sink[] = [];
  page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
  page.on('request', (request) => urls.push(request.url()));
  page.on('response', async (response) => {
    if (response.request().method() !== 'POST') return;
    const body: unknown = await response.json().catch(() => undefined);
    const seen = (value: unknown): void => {
      if (typeof value === 'string' && value.length >= 6) secrets.add(value);
    };
    if (typeof body !== 'object' || body === null) return;
    const record = body as Record<string, unknown>;
    seen(record.Session);
    seen(record.SecretCode);
    const result = record.AuthenticationResult;
    if (typeof result === 'object' && result !== null) {
      const tokens = result as Record<string, unknown>;
      seen(tokens.AccessToken);
      seen(tokens.IdToken);
      seen(tokens.RefreshToken);
    }
  });
  return {
    secrets,
    /** Snapshot of console, storage, cookies and the DOM (minus the demo's own dev panel, which shows codes on purpose). */
    async capture(step: string): Promise<void> {
      const state = await page.evaluate(() => {
        const read = (storage: Storage) =>
          Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '').map((key) => [key, storage.getItem(key) ?? ''] as const);
        const root = document.documentElement.cloneNode(true);
        if (root instanceof Element) for (const panel of root.querySelectorAll('.demo-aside')) panel.remove();
        return {
          local: read(localStorage),
          session: read(sessionStorage),
          dom: root instanceof Element ? root.outerHTML : '',
          inputs: Array.from(document.querySelectorAll('input')).map((input) => input.value),
        };
      });
      const cookies = await page.context().cookies();
      sinks.push(
        { name: `${step}: console`, text: logs.join('\n') },
        { name: `${step}: localStorage`, text: JSON.stringify(state.local.filter(([key]) => chosenStorage?.test(key) !== true)) },
        { name: `${step}: sessionStorage`, text: JSON.stringify(state.session) },
        { name: `${step}: cookies`, text: JSON.stringify(cookies) },
        { name: `${step}: DOM`, text: state.dom },
        { name: `${step}: inputs`, text: JSON.stringify(state.inputs) },
        { name: `${step}: URLs`, text: urls.join('\n') },
      );
    },
    /** Every sink checked against every secret; prints the figures. */
    expectNoLeak(path: string, extra: readonly string[]): void {
      const all = [...secrets, ...extra.filter((value) => value.length >= 6)];
      const found = sinks.flatMap((sink) => all.filter((value) => sink.text.includes(value)).map((value) => `${sink.name} holds ${value.slice(0, 4)}…`));
      process.stdout.write(`secrets (${path}): sinks checked ${String(sinks.length)}; secret values ${String(all.length)}; secrets found ${String(found.length)}\n`);
      expect(all.length).toBeGreaterThan(2);
      expect(found).toEqual([]);
    },
  };
}

declare global {
  interface Window {
    /** Bound by `observeDevicePasswords` to hand each device password seen on the SRP worker's channel to the test. */
    __observeDevicePassword?: (value: string) => void;
  }
}

/**
 * The random device password is made inside the widget and never crosses the wire (ConfirmDevice sends only its
 * verifier), so the test reads it where it does cross a boundary: the SRP worker's messages (createDeviceVerifier's
 * answer, deviceClaim's request). It goes straight to Node, so the page keeps no copy of its own.
 */
async function observeDevicePasswords(page: Page): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.exposeFunction('__observeDevicePassword', (value: string) => {
    seen.add(value);
  });
  await page.addInitScript(() => {
    const report = (data: unknown): void => {
      if (typeof data !== 'object' || data === null) return;
      for (const part of [('result' in data ? data.result : undefined), ('input' in data ? data.input : undefined)]) {
        if (typeof part === 'object' && part !== null && 'devicePassword' in part && typeof part.devicePassword === 'string') {
          window.__observeDevicePassword?.(part.devicePassword);
        }
      }
    };
    const NativeWorker = window.Worker;
    window.Worker = class ObservedWorker extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<unknown>) => {
          report(event.data);
        });
      }

      override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
        report(message);
        if (Array.isArray(options)) super.postMessage(message, options);
        else super.postMessage(message, options);
      }
    };
  });
  return seen;
}

const SIMPLE: readonly DemoPath[] = ['srp', 'sms', 'totp'];

for (const path of SIMPLE) {
  test(`the ${path} sign-in leaves no password, Session, token or code in the console, storage, cookies, DOM or URLs`, async ({ cognito, signInPage, users, outbox, totp, page }) => {
    const user = users.take(path);
    const watcher = watch(page);
    const typed: string[] = [user.password];
    await signInPage.open(cognito);
    await watcher.capture('credentials shown');

    await test.step('credentials', async () => {
      await signInPage.submitCredentials(user.username, user.password);
      await watcher.capture('credentials submitted');
    });

    if (path === 'sms') {
      await test.step('SMS_MFA', async () => {
        const code = await outbox.waitForCode(user.username);
        typed.push(code);
        await signInPage.submitCode(code);
      });
    }
    if (path === 'totp') {
      await test.step('SOFTWARE_TOKEN_MFA', async () => {
        const code = totp.code(user.totpSecret ?? '');
        typed.push(code, user.totpSecret ?? '');
        await signInPage.submitCode(code);
      });
    }

    await test.step('signed in', async () => {
      await signInPage.expectSignedIn();
      await watcher.capture('signed in');
    });
    await test.step('signed out', async () => {
      await signInPage.signOut();
      await watcher.capture('signed out');
    });
    watcher.expectNoLeak(path, typed);
  });
}

test('MFA setup shows the TOTP secret only while enrolling, and leaks nothing after', async ({ cognito, signInPage, users, totp, page }) => {
  const user = users.take('mfaSetup');
  const watcher = watch(page);
  await signInPage.open(cognito);
  await signInPage.submitCredentials(user.username, user.password);
  const uri = await signInPage.totpSetupUri();
  const secretCode = new URL(uri).searchParams.get('secret') ?? '';
  expect(secretCode.length).toBeGreaterThan(15);
  const code = totp.code(secretCode);
  await signInPage.submitCode(code);
  await signInPage.expectSignedIn();
  await watcher.capture('signed in after MFA setup');
  // The secret was on screen for enrolment (as it must be); once signed in, nothing may keep it.
  watcher.expectNoLeak('mfaSetup', [user.password, code, secretCode]);
});

test('a remembered device signs in again with no MFA step, and its device password, Session, tokens and code leak nowhere', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('sms');
  const devicePasswords = await observeDevicePasswords(page);
  // The demo keeps device keys in memory (browserPorts: createMemoryDeviceStore), so no storage key is exempt.
  const watcher = watch(page, null);
  const typed: string[] = [user.password];
  const sent = () => (cognito.emulator?.outbox ?? []).filter((message) => message.username === user.username).length;
  await signInPage.open(cognito);
  await watcher.capture('credentials shown');

  await test.step('first sign-in: SRP, then SMS_MFA', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SMS_MFA');
    await watcher.capture('SMS code asked');
    const code = await outbox.waitForCode(user.username, { channel: 'SMS' });
    typed.push(code);
    await signInPage.submitCode(code);
  });
  await test.step('remember this device: yes', async () => {
    await signInPage.rememberDevice(true);
    await signInPage.expectStep('signedIn');
    await watcher.capture('signed in, device remembered');
  });
  await test.step('sign out (the device stays remembered)', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await watcher.capture('signed out');
  });
  await test.step('sign in again: DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, no MFA step', async () => {
    const codesBefore = sent();
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('signedIn');
    await expect(signInPage.heading('SMS_MFA')).toHaveCount(0);
    expect(sent()).toBe(codesBefore);
    await watcher.capture('signed in on the remembered device');
  });
  await test.step('sign out again', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await watcher.capture('signed out again');
  });

  // One password, made at ConfirmDevice and proved with at DEVICE_PASSWORD_VERIFIER.
  expect([...devicePasswords]).toHaveLength(1);
  watcher.expectNoLeak('rememberedDevice', [...typed, ...devicePasswords]);
});
