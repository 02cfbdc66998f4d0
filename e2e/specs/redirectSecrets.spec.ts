// No secret leaks on the redirect path: the code, the PKCE verifier and the tokens stay out of the address bar, the
// history, the console, the DOM and web storage once the callback is handled; the verifier and state are gone.
import type { Page } from '@playwright/test';
import { DEMO_DOMAIN } from '../emulator/demo.ts';
import { demoUrl } from './demoBuild.ts';
import { expect, test } from './fixtures.ts';
import { containsSecret } from './containsSecret.ts';
import { printTotals, watchLeaks } from './leakWatch.ts';
import { CALLBACK } from './managedLoginPage.ts';

test.afterAll(() => {
  printTotals('redirect secrets');
});

/** Every history entry of the tab (Chromium's own list, not only what `history.length` admits). */
async function historyUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return entries.map((entry) => entry.url);
}

test('managed login with SMS MFA: code, verifier and tokens leak nowhere, and the tab keeps no verifier or state', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('sms');
  // The demo keeps tokens in memory: no storage key is the integrator's choice.
  const watcher = watchLeaks(page, { chosenStorage: null, oauthCallback: CALLBACK });
  const typed: string[] = [user.password];
  let state = '';
  // The code and the verifier cross the wire once, in the token request's form body.
  page.on('request', (request) => {
    if (!request.url().endsWith(`/${DEMO_DOMAIN}/oauth2/token`)) return;
    const form = new URLSearchParams(request.postData() ?? '');
    for (const name of ['code', 'code_verifier', 'refresh_token']) {
      const value = form.get(name);
      if (value !== null) watcher.secrets.add(value);
    }
  });

  await signInPage.open(cognito);
  await watcher.capture('credentials shown');
  await test.step('the hosted page: password, then the texted code', async () => {
    const authorize = page.waitForRequest('**/oauth2/authorize?**');
    await signInPage.button(signInPage.messages.signInOnHostedPage).click();
    state = new URL((await authorize).url()).searchParams.get('state') ?? '';
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const code = await outbox.waitForCode(user.username, { channel: 'SMS' });
    typed.push(code);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
  });
  await test.step('after the callback: signed in, the address bar and every history entry clean', async () => {
    await signInPage.expectStep('signedIn');
    await watcher.capture('signed in from the callback');
    expect(page.url()).toBe(CALLBACK);
    const history = await historyUrls(page);
    expect(history.length).toBeGreaterThan(1);
    for (const secret of watcher.secrets)
      expect(history.filter((url) => containsSecret(url, secret)).map((url) => url.slice(0, 60))).toEqual([]);
  });
  await test.step('the verifier and state are gone from sessionStorage', async () => {
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    expect(stored).not.toContain('cognito-xstate.redirect.');
    expect(state.length).toBeGreaterThan(20);
    expect(stored).not.toContain(state);
  });
  await test.step('sign out through /logout, back on the demo', async () => {
    await signInPage.signOut();
    await page.waitForURL(`${demoUrl}/`);
    await signInPage.expectStep('credentials');
    await watcher.capture('signed out of the hosted session');
  });

  // Tokens, code and verifier at least: a watcher that saw none of them proves nothing.
  expect(watcher.secrets.size).toBeGreaterThanOrEqual(5);
  watcher.expectNoLeak('managedLogin', typed);
});
