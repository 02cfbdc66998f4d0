// Managed login: an SMS-MFA user signs in on the emulator's hosted page (code + PKCE), the code read from the outbox.
import { createHash, randomBytes } from 'node:crypto';
import { DEMO_DOMAIN, DEMO_IDP } from '../emulator/demo.ts';
import { mockIdentityProvider } from '../kit/index.ts';
import { verifiers } from '../emulator/testHelpers.ts';
import { expectNoViolations } from './axe.ts';
import { demoUrl } from './demoBuild.ts';
import { expect, test, uniqueUsername } from './fixtures.ts';

async function aws(endpoint: string, target: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  const out = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${target}: ${JSON.stringify(out)}`);
  return out;
}

test('an SMS MFA user signs in on the managed login page with code + PKCE and the texted code', async ({
  cognito,
  users,
  outbox,
  page,
}) => {
  const { emulator, endpoint } = cognito;
  test.skip(emulator === undefined || endpoint === undefined, 'the managed login page under test is the emulator’s');
  if (emulator === undefined || endpoint === undefined) return;
  const user = users.take('sms');
  const callback = `${demoUrl}/oauth-callback`;
  const created = await aws(endpoint, 'CreateUserPoolClient', {
    UserPoolId: cognito.userPoolId,
    ClientName: 'managed-login-spec',
    AllowedOAuthFlows: ['code'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['openid', 'email', 'phone'],
    CallbackURLs: [callback],
  });
  const clientId = (created.UserPoolClient as { ClientId: string }).ClientId;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(`${endpoint}/${DEMO_DOMAIN}/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: callback,
    scope: 'openid email phone',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  await test.step('authorize: the managed login page asks for username and password', async () => {
    await page.goto(authorize.toString());
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await expectNoViolations(page, 'page');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  });

  await test.step('SMS_MFA: the code from the text message', async () => {
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
    await expectNoViolations(page, 'page');
    await page.getByLabel('Code').fill(await outbox.waitForCode(user.username, { channel: 'SMS' }));
    await page.getByRole('button', { name: 'Verify' }).click();
  });

  await test.step('callback: the code and state come back; the code with its verifier buys verified tokens', async () => {
    await page.waitForURL(`${callback}?**`);
    const url = new URL(page.url());
    expect(url.searchParams.get('state')).toBe(state);
    expect(url.search).not.toContain(verifier);
    const response = await fetch(`${endpoint}/${DEMO_DOMAIN}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: url.searchParams.get('code') ?? '',
        redirect_uri: callback,
        code_verifier: verifier,
      }),
    });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { id_token: string; access_token: string };
    const { id, access } = verifiers(emulator, cognito.userPoolId, clientId);
    expect(await id.verify(tokens.id_token)).toMatchObject({ 'cognito:username': user.username });
    expect((await access.verify(tokens.access_token)).scope).toBe('openid email phone');
  });
});

test('a federated user picks themself at the mock provider; /logout ends the hosted session', async ({
  cognito,
  page,
}) => {
  const { emulator, endpoint } = cognito;
  test.skip(emulator === undefined || endpoint === undefined, 'the mock provider is the emulator’s');
  if (emulator === undefined || endpoint === undefined) return;
  const callback = `${demoUrl}/oauth-callback`;
  const signedOut = `${demoUrl}/signed-out`;
  const created = await aws(endpoint, 'CreateUserPoolClient', {
    UserPoolId: cognito.userPoolId,
    ClientName: 'federation-spec',
    AllowedOAuthFlows: ['code'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [callback],
    LogoutURLs: [signedOut],
    SupportedIdentityProviders: ['COGNITO', DEMO_IDP],
  });
  const clientId = (created.UserPoolClient as { ClientId: string }).ClientId;
  const sub = uniqueUsername('ada');
  await mockIdentityProvider(endpoint).addUser({ sub, email: `${sub}@example.com`, name: `Ada ${sub}` });
  const authorize = `${endpoint}/${DEMO_DOMAIN}/oauth2/authorize?${new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: callback,
    scope: 'openid email profile',
  }).toString()}`;

  await test.step('the managed login page offers the provider; its page lets the user pick who signs in', async () => {
    await page.goto(authorize);
    await page.getByRole('link', { name: `Continue with ${DEMO_IDP}` }).click();
    await expect(page.getByRole('heading', { name: 'Mock IdP' })).toBeVisible();
    await page.getByRole('button', { name: `Continue as Ada ${sub}` }).click();
    await page.waitForURL(`${callback}?**`);
  });

  await test.step('the code buys tokens for the federated user, with the mapped attributes', async () => {
    const response = await fetch(`${endpoint}/${DEMO_DOMAIN}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: new URL(page.url()).searchParams.get('code') ?? '',
        redirect_uri: callback,
      }),
    });
    const tokens = (await response.json()) as { id_token: string };
    const claims = await verifiers(emulator, cognito.userPoolId, clientId).id.verify(tokens.id_token);
    expect(claims).toMatchObject({ 'cognito:username': `${DEMO_IDP}_${sub}`, email: `${sub}@example.com` });
  });

  await test.step('a second authorize goes straight back: the hosted session remembers the user', async () => {
    await page.goto(authorize);
    await page.waitForURL(`${callback}?**`);
  });

  await test.step('/logout ends the hosted session: the next authorize shows the sign-in page', async () => {
    await page.goto(
      `${endpoint}/${DEMO_DOMAIN}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: signedOut }).toString()}`,
    );
    await page.waitForURL(signedOut);
    await page.goto(authorize);
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  });
});
