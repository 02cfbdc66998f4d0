// Managed login through the widget in the demo: code + PKCE on the hosted page and through the mock provider,
// refresh and hosted sign-out, and the callbacks the widget or the login domain must refuse.
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from '@playwright/test';
import { DEMO_IDP } from '../emulator/demo.ts';
import { mockIdentityProvider, type Cognito, type SignInPage } from '../kit/index.ts';
import { demoUrl } from './demoBuild.ts';
import { expect, test, uniqueUsername } from './fixtures.ts';
import { CALLBACK, leaveForHostedPage, loginDomain, submitHostedCredentials } from './managedLoginPage.ts';

/** Leaves for the managed login page by the widget's button; the domain then shows its /login page. */
async function toHostedPage(signInPage: SignInPage, cognito: Cognito): Promise<URL> {
  const authorize = await leaveForHostedPage(signInPage, cognito);
  await expect(signInPage.page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  return authorize;
}

/** The demo's ID-token claims panel. */
function claim(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'ID token claims' })
    .locator('div')
    .filter({ has: page.getByRole('term').getByText(name, { exact: true }) })
    .getByRole('definition');
}

test('a password user signs in on the managed login page from the widget (code + PKCE)', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  await test.step('the widget sends the browser to /oauth2/authorize with a PKCE S256 challenge', async () => {
    const authorize = await toHostedPage(signInPage, cognito);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(CALLBACK);
  });
  await test.step('the hosted page takes the password; the callback signs the widget in', async () => {
    await submitHostedCredentials(page, user.username, user.password);
    await page.waitForURL(`${CALLBACK}**`);
    await signInPage.expectStep('signedIn');
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
    await expect(claim(page, 'cognito:username')).toHaveText(user.username);
  });
  await test.step('the callback’s code and state leave the address bar', () => {
    expect(page.url()).toBe(CALLBACK);
  });
});

test('an SMS-MFA user answers the texted code on the managed login page and the widget is signed in', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('sms');
  await toHostedPage(signInPage, cognito);
  await submitHostedCredentials(page, user.username, user.password);
  await test.step('SMS_MFA on the hosted page: the code from the outbox', async () => {
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
    await page.getByLabel('Code').fill(await outbox.waitForCode(user.username, { channel: 'SMS' }));
    await page.getByRole('button', { name: 'Verify' }).click();
  });
  await test.step('back in the widget, signed in', async () => {
    await signInPage.expectStep('signedIn');
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  });
});

test('"Continue with Mock IdP" creates the linked user with the mapped attributes', async ({
  cognito,
  signInPage,
  admin,
  page,
}) => {
  const sub = uniqueUsername('ada');
  const email = `${sub}@example.com`;
  await mockIdentityProvider(cognito.endpoint ?? '').addUser({ sub, email, email_verified: true, name: `Ada ${sub}` });
  await signInPage.open(cognito);
  await test.step('the widget goes straight to the provider (identity_provider), whose page picks the user', async () => {
    await signInPage.button('Continue with Mock IdP').click();
    await expect(page.getByRole('heading', { name: 'Mock IdP' })).toBeVisible();
    await page.getByRole('button', { name: `Continue as Ada ${sub}` }).click();
  });
  await test.step('the widget is signed in as the federated user', async () => {
    await signInPage.expectStep('signedIn');
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
    await expect(claim(page, 'cognito:username')).toHaveText(`${DEMO_IDP}_${sub}`);
  });
  await test.step('AdminGetUser: the user is linked to the provider, its attributes mapped', async () => {
    const user = await admin.client.send(
      new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: `${DEMO_IDP}_${sub}` }),
    );
    const attributes = Object.fromEntries(
      (user.UserAttributes ?? []).map(({ Name, Value }) => [Name ?? '', Value ?? '']),
    );
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
    expect(attributes).toMatchObject({ email, name: `Ada ${sub}` });
    expect(JSON.parse(attributes.identities ?? '[]')).toMatchObject([{ providerName: DEMO_IDP, userId: sub }]);
  });
});

test('a redirect session is refreshed before its tokens expire', async ({
  cognito,
  signInPage,
  users,
  clock,
  page,
}) => {
  const user = users.take('srp');
  // The widget refreshes on the browser's clock, which Playwright can move only once it is installed before load.
  await page.clock.install();
  await toHostedPage(signInPage, cognito);
  await submitHostedCredentials(page, user.username, user.password);
  await signInPage.expectStep('signedIn');
  const expiry = claim(page, 'exp');
  const before = await expiry.textContent();
  await test.step('past the refresh point on both clocks: new tokens, still signed in', async () => {
    await clock.advance(56 * 60);
    await page.clock.fastForward('56:00');
    await expect(expiry).not.toHaveText(before ?? '');
    await signInPage.expectStep('signedIn');
    await expect(claim(page, 'cognito:username')).toHaveText(user.username);
  });
});

test('signing out of a managed-login session ends it at /logout: the hosted page asks for the password again', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  await toHostedPage(signInPage, cognito);
  await submitHostedCredentials(page, user.username, user.password);
  await signInPage.expectStep('signedIn');
  await test.step('while the hosted session lives, a new visit goes through without a password', async () => {
    await signInPage.open(cognito);
    await signInPage.button(signInPage.messages.signInOnHostedPage).click();
    await signInPage.expectStep('signedIn');
  });
  await test.step('the widget’s sign-out visits /logout and comes back to the demo', async () => {
    const logout = page.waitForRequest(`${loginDomain(cognito)}/logout?**`);
    await signInPage.signOut();
    expect(new URL((await logout).url()).searchParams.get('logout_uri')).toBe(`${demoUrl}/`);
    await page.waitForURL(`${demoUrl}/`);
    await signInPage.expectStep('credentials');
  });
  await test.step('the next authorize shows the sign-in page', async () => {
    await signInPage.button(signInPage.messages.signInOnHostedPage).click();
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Password')).toBeVisible();
  });
});
