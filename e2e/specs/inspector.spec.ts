// `?inspect`: the Stately inspector's code loads only when asked for, and its window gets the sign-in's events redacted;
// the page's own sinks (console, storage, cookies, DOM, inputs, URLs) are watched for secrets on the way.
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { INSPECTOR_URL, inspectedEventTypes, stringLeaves, tapInspector, watchLeaks } from './leakWatch.ts';

const CHANGED_PASSWORD = 'Ch4nged!passw0rd-inspector';

/** String literals of @statelyai/inspect's browser transport, kept by any bundler: they mark its code. */
const INSPECTOR_MARKERS = ['@statelyai.connected', 'xstateinspector'];

interface Script {
  readonly url: string;
  readonly bytes: number;
  readonly isInspector: boolean;
}

/**
 * Every script the page has loaded so far (its workers' included), and whether it is the inspector's code. The
 * response events give the URLs; the bodies are read again through the context's request client, because Chromium
 * never answers `response.text()` for a module worker's main script (the call hangs until the page closes).
 */
function recordScripts(page: Page): () => Promise<Script[]> {
  const urls = new Set<string>();
  page.on('response', (response: Response) => {
    if (['script', 'worker'].includes(response.request().resourceType())) urls.add(response.url());
  });
  return () =>
    Promise.all(
      [...urls].map(async (url) => {
        const body = await (await page.request.get(url)).text();
        return { url, bytes: body.length, isInspector: INSPECTOR_MARKERS.every((marker) => body.includes(marker)) };
      }),
    );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The snapshot contexts the inspector received. */
function contexts(events: readonly unknown[]): Record<string, unknown>[] {
  return events.flatMap((event) => {
    if (!isRecord(event) || !isRecord(event.snapshot)) return [];
    const context = event.snapshot.context;
    return isRecord(context) ? [context] : [];
  });
}

test('without ?inspect the page never requests the inspector’s code nor opens its window', async ({
  cognito,
  signInPage,
  page,
  context,
}) => {
  const scripts = recordScripts(page);
  const windows: string[] = [];
  context.on('page', (opened) => windows.push(opened.url()));
  await signInPage.open(cognito);
  const loaded = await scripts();
  process.stdout.write(
    `inspector (off): scripts ${String(loaded.length)}, inspector chunks 0 expected, found ${String(loaded.filter((script) => script.isInspector).length)}\n`,
  );
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((script) => script.isInspector)).toEqual([]);
  expect(windows).toEqual([]);
});

test('with ?inspect the inspector loads lazily, opens its window, and receives an SMS sign-in and a password change with every secret redacted', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
  context,
}) => {
  const scripts = recordScripts(page);
  const inspector = await tapInspector(context);
  const watcher = watchLeaks(page, { inspector });
  const user = users.take('sms');
  const typed: string[] = [user.password];

  await test.step('the inspector chunk loads and its window opens at stately.ai (a local stub here)', async () => {
    await signInPage.open(cognito, { inspect: true });
    const window = await inspector.opened;
    expect(window.url()).toBe(INSPECTOR_URL);
    const loaded = await scripts();
    const chunks = loaded.filter((script) => script.isInspector);
    expect(chunks).toHaveLength(1);
    process.stdout.write(
      `inspector (on): scripts ${String(loaded.length)}, inspector chunk ${chunks[0]?.url ?? ''} (${String(chunks[0]?.bytes ?? 0)} bytes)\n`,
    );
    await watcher.capture('credentials shown');
  });

  await test.step('sign in with the SMS code while the inspector listens', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SMS_MFA');
    await watcher.capture('SMS code asked');
    const code = await outbox.waitForCode(user.username, { channel: 'SMS' });
    typed.push(code);
    await signInPage.submitCode(code);
    await signInPage.expectSignedIn();
    await watcher.capture('signed in');
  });

  await test.step('the account screen’s ChangePassword: both passwords are secrets too', async () => {
    const section = page.getByRole('region', { name: 'Change password', exact: true });
    typed.push(CHANGED_PASSWORD);
    await section.getByLabel('Current password', { exact: true }).fill(user.password);
    await section.getByLabel('New password', { exact: true }).fill(CHANGED_PASSWORD);
    await section.getByLabel('Confirm new password', { exact: true }).fill(CHANGED_PASSWORD);
    await section.getByRole('button', { name: 'Change password' }).click();
    await expect(section.getByRole('status')).toHaveText('Your password has been changed.');
    await watcher.capture('password changed');
  });

  await test.step('sign out; the inspector has every event up to it', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await expect
      .poll(async () => inspectedEventTypes(await inspector.events()).includes('signOut'), { intervals: [100, 250] })
      .toBe(true);
    await watcher.capture('signed out');
  });

  await test.step('the events carry the secret fields, each as "[redacted]", and no sink holds a secret', async () => {
    const events = await inspector.events();
    const types = inspectedEventTypes(events);
    expect(types).toEqual(expect.arrayContaining(['credentials.submit', 'code.submit', 'device.remember', 'signOut']));
    // The attempt held the password until PASSWORD_VERIFIER was answered, the Session until tokens came: the
    // inspector saw both fields, and only ever as "[redacted]".
    const seen = contexts(events).flatMap((context) => (isRecord(context.attempt) ? [context.attempt] : []));
    expect(seen.some((context) => context.password === '[redacted]')).toBe(true);
    expect(seen.some((context) => context.session === '[redacted]')).toBe(true);
    expect(seen.filter((context) => typeof context.password === 'string' && context.password !== '[redacted]')).toEqual(
      [],
    );
    expect(stringLeaves(events)).toContain('[redacted]');
    watcher.expectNoLeak('inspector sms', typed);
  });
});
