// What managed login refuses, as the user sees it: the widget's typed error for a callback it must not trust, the
// login domain's own error page where no redirect is safe. A wrong code_verifier (the verifier never leaves the
// tab, so a browser cannot be made to send another) is refused in Node: e2e/specs/redirectFlow.test.ts, which
// also repeats each case here through the redirect machine, and e2e/emulator/oauth/managedLogin.test.ts.
import type { Page, Request } from '@playwright/test';
import type { Cognito, SignInPage } from '../kit/index.ts';
import { demoUrl } from './demoBuild.ts';
import { expect, test } from './fixtures.ts';
import { CALLBACK, leaveForHostedPage, loginDomain, submitHostedCredentials } from './managedLoginPage.ts';

/** Leaves for the managed login page and waits for the authorize answer's redirect. */
async function startHostedSignIn(signInPage: SignInPage, cognito: Cognito): Promise<URL> {
  const url = await leaveForHostedPage(signInPage, cognito);
  // The authorize answer redirects on (to /login, or straight back while a hosted session lives).
  await signInPage.page.waitForURL((at) => at.href !== url.href && !at.href.startsWith(demoUrl + '/?'));
  return url;
}

/**
 * The login domain's next redirect to the callback arrives as `edit` makes it (a forged or stale callback), once.
 * Playwright does not route the request a redirect leads to, so the login domain's answer is edited instead.
 */
async function tamperWithCallback(
  page: Page,
  cognito: Cognito,
  edit: (url: URL) => void | Promise<void>,
): Promise<void> {
  let done = false;
  await page.route(`${loginDomain(cognito)}/**`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers().location;
    if (done || location?.startsWith(`${CALLBACK}?`) !== true) {
      await route.fulfill({ response });
      return;
    }
    done = true;
    const url = new URL(location);
    await edit(url);
    await route.fulfill({ response, headers: { ...response.headers(), location: url.toString() } });
  });
}

/** Token requests the widget sends: a refused callback must spend nothing. */
function tokenRequests(page: Page, cognito: Cognito): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.url() === `${loginDomain(cognito)}/oauth2/token`) seen.push(request);
  });
  return seen;
}

/** The widget's refusal: one alert naming the typed error; the credentials form still there; nothing kept. */
async function expectRefused(signInPage: SignInPage, code: string): Promise<void> {
  const alert = signInPage.page.locator(`[role="alert"][data-redirect-error="${code}"]`);
  await expect(alert).toHaveText(signInPage.messages.federatedFailed);
  await signInPage.expectStep('credentials');
  expect(signInPage.page.url()).toBe(CALLBACK);
  const kept = await signInPage.page.evaluate(() => Object.keys(sessionStorage));
  expect(kept.filter((key) => key.startsWith('cognito-xstate.redirect.'))).toEqual([]);
}

test('a callback whose state is not the one this tab sent is refused (StateMismatch) and its code not spent', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  const spent = tokenRequests(page, cognito);
  await startHostedSignIn(signInPage, cognito);
  await tamperWithCallback(page, cognito, (url) => {
    url.searchParams.set('state', 'state-of-another-sign-in');
  });
  await submitHostedCredentials(page, user.username, user.password);
  await expectRefused(signInPage, 'StateMismatch');
  expect(spent).toEqual([]);
});

test('an unregistered redirect_uri gets the login domain’s error page, and no redirect happens', async ({
  cognito,
  signInPage,
  page,
}) => {
  const authorize = await startHostedSignIn(signInPage, cognito);
  authorize.searchParams.set('redirect_uri', `${demoUrl}/elsewhere`);
  const redirected: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${demoUrl}/elsewhere`)) redirected.push(request.url());
  });
  const response = await page.goto(authorize.toString());
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('redirect_mismatch');
  expect(page.url()).toBe(authorize.toString());
  expect(redirected).toEqual([]);
});

test('an unknown client gets the login domain’s error page, and no redirect happens', async ({
  cognito,
  signInPage,
  page,
}) => {
  const authorize = await startHostedSignIn(signInPage, cognito);
  authorize.searchParams.set('client_id', 'noSuchClient0000000000000');
  const response = await page.goto(authorize.toString());
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('invalid_request');
  expect(page.url()).toBe(authorize.toString());
});

test('a scope the client may not ask for comes back to the widget as invalid_scope', async ({
  cognito,
  signInPage,
  page,
}) => {
  const spent = tokenRequests(page, cognito);
  const authorize = await startHostedSignIn(signInPage, cognito);
  // The demo client allows openid, email and profile.
  authorize.searchParams.set('scope', 'openid phone');
  await page.goto(authorize.toString());
  await expectRefused(signInPage, 'invalid_scope');
  expect(spent).toEqual([]);
});

test('a code that expired before the exchange is refused (invalid_grant, emulator clock)', async ({
  cognito,
  signInPage,
  users,
  clock,
  page,
}) => {
  const user = users.take('srp');
  await startHostedSignIn(signInPage, cognito);
  // Codes live five minutes: the browser "takes" six to come back.
  await tamperWithCallback(page, cognito, () => clock.advance(6 * 60));
  await submitHostedCredentials(page, user.username, user.password);
  await expectRefused(signInPage, 'invalid_grant');
});

test('a code already redeemed is refused on its second use (invalid_grant)', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  let firstCode = '';
  await test.step('a first sign-in redeems its code', async () => {
    await startHostedSignIn(signInPage, cognito);
    const callback = page.waitForRequest(`${CALLBACK}?**`);
    await submitHostedCredentials(page, user.username, user.password);
    firstCode = new URL((await callback).url()).searchParams.get('code') ?? '';
    await signInPage.expectStep('signedIn');
  });
  await test.step('the next sign-in comes back with the spent code (its own state): refused', async () => {
    await tamperWithCallback(page, cognito, (url) => {
      url.searchParams.set('code', firstCode);
    });
    // The hosted session lets the user straight through, so the tampered callback follows at once.
    await startHostedSignIn(signInPage, cognito);
    await expectRefused(signInPage, 'invalid_grant');
  });
});
