// The drop-in <LoginWidget> paints its credentials form before its engine (xstate, the machines) has loaded: what the
// user types or submits meanwhile survives the take-over, and a stored session shows "Please wait…", never the form.
import type { Page, Route } from '@playwright/test';
import { DEMO_IDP } from '../emulator/demo.ts';
import type { WidgetTarget } from '../kit/index.ts';
import { expectNoViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { CALLBACK, loginDomain } from './managedLoginPage.ts';

const HARNESS = '/e2e/specs/widgetHarness/index.html';

/** The harness page for `target`'s pool, with extra settings (`store: 'local'`, `signInFlow: 'choice'`). */
function harnessUrl(target: WidgetTarget, extra: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams({ userPoolId: target.userPoolId, clientId: target.clientId, ...extra });
  if (target.endpoint !== undefined) query.set('endpoint', target.endpoint);
  return `${HARNESS}?${query.toString()}`;
}

/** Holds the engine's chunk until `release()`, so the widget runs on its first screen alone meanwhile. */
async function holdEngine(page: Page) {
  const held: Route[] = [];
  let released = false;
  let asked: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => {
    asked = resolve;
  });
  await page.route('**/LoginWidgetEngine-*.js', async (route) => {
    if (released) {
      await route.continue();
      return;
    }
    held.push(route);
    asked();
  });
  return {
    /** Resolves when the widget asks for its engine. */
    requested,
    async release(): Promise<void> {
      released = true;
      for (const route of held) await route.continue();
    },
  };
}

test('what the user typed before the engine loaded survives its take-over: values, focus and caret', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  const engine = await holdEngine(page);
  await signInPage.open(cognito, { path: HARNESS });
  const first = await signInPage.password.elementHandle();

  await test.step('type on the first screen: the username, then the password but its first character, caret home', async () => {
    await expect(signInPage.username).toBeFocused();
    // The first screen alone (no engine yet) is as accessible as the engine's form.
    await expectNoViolations(page, 'widget');
    await page.keyboard.type(user.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password.slice(1));
    await page.keyboard.press('Home');
    // Typing asked for the engine, which is held: the form on screen is still the first screen's.
    await engine.requested;
    expect(await first.evaluate((field) => field.isConnected)).toBe(true);
  });

  await test.step('the engine takes over: same values, focus and caret in its form', async () => {
    await engine.release();
    await expect.poll(() => first.evaluate((field) => field.isConnected)).toBe(false);
    await expect(signInPage.username).toHaveValue(user.username);
    await expect(signInPage.password).toHaveValue(user.password.slice(1));
    await expect(signInPage.password).toBeFocused();
    expect(await signInPage.password.evaluate((field: HTMLInputElement) => field.selectionStart)).toBe(0);
  });

  await test.step('the first character goes where the caret was, and the password signs in', async () => {
    await page.keyboard.type(user.password.slice(0, 1));
    await page.keyboard.press('Enter');
    await signInPage.expectSignedIn();
  });
});

test('a sign-in submitted before the engine loaded goes through once it has', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  const engine = await holdEngine(page);
  await signInPage.open(cognito, { path: HARNESS });
  await signInPage.submitCredentials(user.username, user.password);
  await engine.requested;
  // Kept, shown as under way, and the password field cleared as after any submit.
  await expect(signInPage.button(signInPage.messages.signingIn)).toBeVisible();
  await expect(signInPage.password).toHaveValue('');
  await engine.release();
  await signInPage.expectSignedIn();
});

test('a user signed in on an earlier visit sees "Please wait…", never the credentials form, then is signed in', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  await page.goto(harnessUrl(cognito, { store: 'local' }));
  await signInPage.expectStep('credentials');
  await signInPage.submitCredentials(user.username, user.password);
  await signInPage.expectSignedIn();

  await test.step('reload: no form appears at any time before the restored session shows', async () => {
    await page.addInitScript(() => {
      const seen = { form: false };
      Object.defineProperty(window, 'formSeen', { get: () => seen.form });
      new MutationObserver(() => {
        if (document.querySelector('form') !== null) seen.form = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const engine = await holdEngine(page);
    await page.reload();
    await engine.requested;
    await expect(page.getByRole('status').filter({ hasText: signInPage.messages.working })).toBeVisible();
    await engine.release();
    await signInPage.expectStep('signedIn');
    expect(await page.evaluate(() => (window as unknown as { formSeen: boolean }).formSeen)).toBe(false);
  });
});

test('choice-based sign-in paints its username-only first screen before the engine loads', async ({
  cognito,
  signInPage,
  page,
}) => {
  await holdEngine(page);
  await page.goto(harnessUrl(cognito, { signInFlow: 'choice' }));
  await signInPage.expectStep('credentials');
  await expect(signInPage.username).toBeFocused();
  await expect(signInPage.password).toHaveCount(0);
  await expect(signInPage.button(signInPage.messages.continue)).toBeVisible();
  await expectNoViolations(page, 'widget');
});

test('with managed login the first screen has its "Continue with …" buttons; one pressed before the engine loaded leaves for that provider', async ({
  cognito,
  signInPage,
  page,
}) => {
  const engine = await holdEngine(page);
  await page.goto(harnessUrl(cognito, { oauth: 'federated' }));
  await signInPage.expectStep('credentials');
  const mockIdp = signInPage.button('Continue with Mock IdP');
  await expect(mockIdp).toBeVisible();
  await expect(signInPage.button(signInPage.messages.signInOnHostedPage)).toBeVisible();
  await expectNoViolations(page, 'widget');
  const authorize = page.waitForRequest(`${loginDomain(cognito)}/oauth2/authorize?**`);
  await mockIdp.click();
  await engine.requested;
  await expect(mockIdp).toBeDisabled();
  await engine.release();
  const url = new URL((await authorize).url());
  expect(url.searchParams.get('identity_provider')).toBe(DEMO_IDP);
  expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
});

test('a hosted-page-only widget paints its one button and no form before the engine loads', async ({
  cognito,
  signInPage,
  page,
}) => {
  const engine = await holdEngine(page);
  await page.goto(harnessUrl(cognito, { oauth: 'hosted' }));
  const hosted = signInPage.button(signInPage.messages.signInOnHostedPage);
  await expect(hosted).toBeVisible();
  await expect(page.locator('form')).toHaveCount(0);
  await expectNoViolations(page, 'widget');
  const authorize = page.waitForRequest(`${loginDomain(cognito)}/oauth2/authorize?**`);
  await hosted.click();
  await engine.release();
  expect(new URL((await authorize).url()).searchParams.get('identity_provider')).toBeNull();
});

test('a username being composed with an IME when the engine arrives is kept whole: the take-over waits for the composition to end', async ({
  cognito,
  signInPage,
  page,
}) => {
  const engine = await holdEngine(page);
  await signInPage.open(cognito, { path: HARNESS });
  const first = await signInPage.username.elementHandle();
  // Chromium's IME, driven over CDP: a composition under way, then committed.
  const ime = await page.context().newCDPSession(page);
  await signInPage.username.focus();
  await ime.send('Input.imeSetComposition', { text: 'やま', selectionStart: 2, selectionEnd: 2 });
  await engine.requested;
  const loaded = page.waitForResponse('**/LoginWidgetEngine-*.js');
  await engine.release();
  await loaded;
  // The engine has loaded, but the first screen's field (and its composition) is still the one on screen.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(await first.evaluate((field) => field.isConnected)).toBe(true);
  await ime.send('Input.insertText', { text: '山田' });
  await expect.poll(() => first.evaluate((field) => field.isConnected)).toBe(false);
  await expect(signInPage.username).toHaveValue('山田');
  await expect(signInPage.username).toBeFocused();
});
