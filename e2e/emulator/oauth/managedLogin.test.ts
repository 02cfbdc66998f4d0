// Managed login end to end: openid-client (a certified relying party) against the emulator's OAuth endpoints.
/* eslint-disable @typescript-eslint/no-deprecated -- allowInsecureRequests: the emulator speaks plain HTTP on loopback. */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../index.ts';
import { lastCode, totpCode, verifiers } from '../testHelpers.ts';
import { FormBrowser, forms, type Visit } from './formBrowser.ts';

const POOL = 'us-east-1_ManagedLogin';
const DOMAIN = 'managed-login-test';
const APP = 'http://127.0.0.1:9/app';
const CALLBACK = `${APP}/callback`;
const SIGNED_OUT = `${APP}/signed-out`;
const PASSWORD = 'Passw0rd!';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let emulator: Emulator;
let config: oidc.Configuration;

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      Pools: [
        {
          Id: POOL,
          Domain: DOMAIN,
          MfaConfiguration: 'OPTIONAL',
          EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
          ResourceServers: [
            {
              Identifier: 'https://api.example.com',
              Name: 'API',
              Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }],
            },
          ],
          Clients: [
            {
              ClientId: 'spa',
              ClientName: 'Example SPA',
              AllowedOAuthFlows: ['code'],
              AllowedOAuthFlowsUserPoolClient: true,
              AllowedOAuthScopes: ['openid', 'email', 'profile'],
              CallbackURLs: [CALLBACK],
              LogoutURLs: [SIGNED_OUT],
              SupportedIdentityProviders: ['COGNITO'],
            },
            {
              ClientId: 'web',
              ClientSecret: 'web-secret',
              AllowedOAuthFlows: ['code'],
              AllowedOAuthFlowsUserPoolClient: true,
              AllowedOAuthScopes: ['openid', 'email'],
              CallbackURLs: [CALLBACK],
            },
            {
              ClientId: 'm2m',
              ClientSecret: 'm2m-secret',
              AllowedOAuthFlows: ['client_credentials'],
              AllowedOAuthFlowsUserPoolClient: true,
              AllowedOAuthScopes: ['https://api.example.com/read'],
            },
          ],
          Users: [
            {
              Username: 'alice',
              Password: PASSWORD,
              Attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice' },
            },
            {
              Username: 'sam',
              Password: PASSWORD,
              Attributes: { phone_number: '+15555550100', phone_number_verified: 'true' },
              Mfa: { SmsMfa: true },
            },
            { Username: 'tess', Password: PASSWORD, Mfa: { TotpSecret: TOTP_SECRET } },
            { Username: 'eve', Password: PASSWORD, Attributes: { email: 'eve@example.com' }, Mfa: { EmailMfa: true } },
            {
              Username: 'sel',
              Password: PASSWORD,
              Attributes: { phone_number: '+15555550101', phone_number_verified: 'true' },
              Mfa: { SmsMfa: true, TotpSecret: TOTP_SECRET },
            },
            { Username: 'newbie', TemporaryPassword: PASSWORD },
          ],
        },
      ],
    },
  });
  config = await oidc.discovery(new URL(`${emulator.url}/${POOL}`), 'spa', undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
});
afterAll(() => emulator.stop());

interface Started {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

async function start(parameters: Record<string, string> = {}, cfg = config): Promise<Started> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(cfg, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...parameters,
  });
  return { url, verifier, state, nonce };
}

/** Signs in on the managed login page: username and password, then a code if the page asks for one. */
async function signInOnPage(browser: FormBrowser, url: URL, username: string): Promise<Visit> {
  const page = await browser.get(url.toString());
  expect(page.html).toContain('<h1>Sign in</h1>');
  const [form] = forms(page);
  if (!form) throw new Error('no sign-in form');
  return browser.submit(form, { username, password: PASSWORD });
}

function exchange(callback: string, started: Started, cfg = config): ReturnType<typeof oidc.authorizationCodeGrant> {
  return oidc.authorizationCodeGrant(cfg, new URL(callback), {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
    expectedNonce: started.nonce,
  });
}

async function tokenRequest(
  body: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/${DOMAIN}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('discovery', () => {
  it('publishes the issuer of the tokens, the JWKS and the domain endpoints', () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(`${emulator.url}/${POOL}`);
    expect(metadata.authorization_endpoint).toBe(`${emulator.url}/${DOMAIN}/oauth2/authorize`);
    expect(metadata.token_endpoint).toBe(`${emulator.url}/${DOMAIN}/oauth2/token`);
    expect(metadata.userinfo_endpoint).toBe(`${emulator.url}/${DOMAIN}/oauth2/userInfo`);
    expect(metadata.end_session_endpoint).toBe(`${emulator.url}/${DOMAIN}/logout`);
    expect(metadata.jwks_uri).toBe(`${emulator.url}/${POOL}/.well-known/jwks.json`);
  });
});

describe('authorization code with PKCE through the managed login page', () => {
  it('a password user signs in; the tokens verify against the JWKS; userInfo and refresh work', async () => {
    const browser = new FormBrowser(APP);
    const started = await start();
    const callback = await signInOnPage(browser, started.url, 'alice');
    expect(callback.url.startsWith(CALLBACK)).toBe(true);
    const tokens = await exchange(callback.url, started);
    const { id, access } = verifiers(emulator, POOL, 'spa');
    const idClaims = await id.verify(tokens.id_token ?? '');
    expect(idClaims).toMatchObject({ 'cognito:username': 'alice', email: 'alice@example.com', nonce: started.nonce });
    const accessClaims = await access.verify(tokens.access_token);
    expect(accessClaims.scope).toBe('openid email profile');
    expect(tokens.refresh_token).toBeTruthy();

    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub ?? '');
    expect(info).toMatchObject({
      email: 'alice@example.com',
      email_verified: 'true',
      name: 'Alice',
      username: 'alice',
    });

    const api = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: 'spa',
        AuthParameters: { REFRESH_TOKEN: tokens.refresh_token },
      }),
    });
    const viaApi = (await api.json()) as { AuthenticationResult: { AccessToken: string } };
    expect((await access.verify(viaApi.AuthenticationResult.AccessToken)).scope).toBe('openid email profile');

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect((await id.verify(refreshed.id_token ?? '')).sub).toBe(idClaims.sub);
    expect((await access.verify(refreshed.access_token)).scope).toBe('openid email profile');
  });

  it('an SMS-MFA user enters the texted code on the page, through the same engine as the API', async () => {
    const browser = new FormBrowser(APP);
    const started = await start();
    const mfa = await signInOnPage(browser, started.url, 'sam');
    expect(mfa.html).toContain('Enter the code we texted you');
    const [codeForm] = forms(mfa);
    if (!codeForm) throw new Error('no code form');
    const wrong = await browser.submit(codeForm, {
      code: '000000' === lastCode(emulator, 'sam') ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('role="alert"');
    const [retry] = forms(wrong);
    if (!retry) throw new Error('no retry form');
    const callback = await browser.submit(retry, { code: lastCode(emulator, 'sam') });
    const tokens = await exchange(callback.url, started);
    expect(tokens.claims()?.['cognito:username']).toBe('sam');
  });

  it('TOTP, email OTP, a choice of MFA and a new password each get their page', async () => {
    const submitted = async (browser: FormBrowser, visit: Visit, values: Record<string, string>): Promise<Visit> => {
      const [form] = forms(visit);
      if (!form) throw new Error(`no form on ${visit.html}`);
      return browser.submit(form, values);
    };
    const finish = async (started: Started, visit: Visit, username: string): Promise<void> => {
      expect(visit.url.startsWith(CALLBACK)).toBe(true);
      expect((await exchange(visit.url, started)).claims()?.['cognito:username']).toBe(username);
    };

    let browser = new FormBrowser(APP);
    let started = await start({ prompt: 'login' });
    const totp = await signInOnPage(browser, started.url, 'tess');
    expect(totp.html).toContain('Enter the code from your authenticator app');
    await finish(started, await submitted(browser, totp, { code: totpCode(TOTP_SECRET, emulator) }), 'tess');

    browser = new FormBrowser(APP);
    started = await start();
    const email = await signInOnPage(browser, started.url, 'eve');
    expect(email.html).toContain('Enter the code we emailed you');
    await finish(started, await submitted(browser, email, { code: lastCode(emulator, 'eve') }), 'eve');

    browser = new FormBrowser(APP);
    started = await start();
    const choice = await signInOnPage(browser, started.url, 'sel');
    expect(choice.html).toContain('<legend>Verification method</legend>');
    const app = await submitted(browser, choice, { answer: 'SOFTWARE_TOKEN_MFA' });
    expect(app.html).toContain('Enter the code from your authenticator app');
    await finish(started, await submitted(browser, app, { code: totpCode(TOTP_SECRET, emulator) }), 'sel');

    browser = new FormBrowser(APP);
    started = await start();
    const renew = await signInOnPage(browser, started.url, 'newbie');
    expect(renew.html).toContain('<h1>Set a new password</h1>');
    const weak = await submitted(browser, renew, { new_password: 'short' });
    expect(weak.html).toContain('role="alert"');
    await finish(started, await submitted(browser, weak, { new_password: 'N3w-Passw0rd!' }), 'newbie');
  });

  it('a wrong password shows an alert on the page and no redirect', async () => {
    const browser = new FormBrowser(APP);
    const started = await start();
    const page = await browser.get(started.url.toString());
    const [form] = forms(page);
    if (!form) throw new Error('no form');
    const again = await browser.submit(form, { username: 'alice', password: 'wrong-Passw0rd!' });
    expect(again.status).toBe(400);
    expect(again.html).toContain('<p role="alert" id="form-error">Incorrect username or password.</p>');
    expect(again.html).toContain('aria-describedby="form-error"');
  });
});

describe('the managed login session', () => {
  it('lets a returning user through without a password until /logout ends it', async () => {
    const browser = new FormBrowser(APP);
    const first = await start();
    await exchange((await signInOnPage(browser, first.url, 'alice')).url, first);
    expect(browser.cookies.has('cognito')).toBe(true);

    const second = await start();
    const straight = await browser.get(second.url.toString());
    expect(straight.url.startsWith(CALLBACK)).toBe(true);
    expect((await exchange(straight.url, second)).claims()?.['cognito:username']).toBe('alice');

    const forced = await browser.get((await start({ prompt: 'login' })).url.toString());
    expect(forced.html).toContain('<h1>Sign in</h1>');

    const out = await browser.get(
      `${emulator.url}/${DOMAIN}/logout?${new URLSearchParams({ client_id: 'spa', logout_uri: SIGNED_OUT }).toString()}`,
    );
    expect(out.url).toBe(SIGNED_OUT);
    expect(browser.cookies.has('cognito')).toBe(false);
    const after = await browser.get((await start()).url.toString());
    expect(after.html).toContain('<h1>Sign in</h1>');
  });

  it('prompt=none answers with a code while the session lives, login_required without one', async () => {
    const browser = new FormBrowser(APP);
    const first = await start();
    await signInOnPage(browser, first.url, 'alice');
    const cookie = browser.cookies.get('cognito');
    expect(cookie).toBeTruthy();
    // The cookie's own Max-Age would lapse in a real browser; the server-side session lapses on the emulator clock.
    const page = await fetch((await start({ prompt: 'none' })).url, {
      redirect: 'manual',
      headers: { Cookie: `cognito=${cookie ?? ''}` },
    });
    expect(page.headers.get('location')?.startsWith(CALLBACK)).toBe(true);
    expect(new URL(page.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
    const none = await fetch((await start({ prompt: 'none' })).url, { redirect: 'manual' });
    expect(new URL(none.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
  });

  it('refuses a logout_uri that is not registered, without redirecting', async () => {
    const response = await fetch(
      `${emulator.url}/${DOMAIN}/logout?${new URLSearchParams({ client_id: 'spa', logout_uri: 'https://evil.example/' }).toString()}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_mismatch');
  });
});

describe('refusals', () => {
  it('openid-client refuses a callback whose state does not match', async () => {
    const browser = new FormBrowser(APP);
    const started = await start();
    const callback = await signInOnPage(browser, started.url, 'alice');
    const refused = await oidc
      .authorizationCodeGrant(config, new URL(callback.url), {
        pkceCodeVerifier: started.verifier,
        expectedState: 'another-state',
      })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'OAUTH_INVALID_RESPONSE',
      cause: { message: 'unexpected "state" response parameter value' },
    });
  });

  it('shows an error page instead of redirecting to an unregistered redirect_uri', async () => {
    const started = await start({ redirect_uri: 'https://evil.example/callback' });
    const response = await fetch(started.url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_mismatch');
  });

  it('shows an error page for an unknown client', async () => {
    const url = new URL(`${emulator.url}/${DOMAIN}/oauth2/authorize`);
    url.search = new URLSearchParams({ client_id: 'nobody', redirect_uri: CALLBACK, response_type: 'code' }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect((await tokenRequest({ grant_type: 'authorization_code', client_id: 'nobody', code: 'x' })).body.error).toBe(
      'invalid_client',
    );
  });

  it('sends invalid_scope back to the app for a scope the client is not allowed', async () => {
    const started = await start({ scope: 'openid phone' });
    const response = await fetch(started.url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('state')).toBe(started.state);
  });

  it('refuses a reused code and a wrong code_verifier with invalid_grant', async () => {
    const browser = new FormBrowser(APP);
    const started = await start();
    const callback = new URL((await signInOnPage(browser, started.url, 'alice')).url);
    const code = callback.searchParams.get('code') ?? '';
    const wrong = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: 'spa',
      code,
      redirect_uri: CALLBACK,
      code_verifier: oidc.randomPKCECodeVerifier(),
    });
    expect(wrong).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) as unknown });
    // The failed attempt used the code up: even the right verifier is refused now.
    const reused = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: 'spa',
      code,
      redirect_uri: CALLBACK,
      code_verifier: started.verifier,
    });
    expect(reused.body.error).toBe('invalid_grant');

    const next = await start();
    const good = new URL((await browser.get(next.url.toString())).url).searchParams.get('code') ?? '';
    const redeem = {
      grant_type: 'authorization_code',
      client_id: 'spa',
      code: good,
      redirect_uri: CALLBACK,
      code_verifier: next.verifier,
    };
    expect((await tokenRequest(redeem)).status).toBe(200);
    expect((await tokenRequest(redeem)).body.error).toBe('invalid_grant');
  });

  it('refuses plain PKCE', async () => {
    const started = await start({ code_challenge_method: 'plain' });
    const response = await fetch(started.url, { redirect: 'manual' });
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });
});

describe('confidential clients', () => {
  it('authenticate with client_secret_basic or client_secret_post; a wrong secret is invalid_client', async () => {
    for (const auth of [oidc.ClientSecretBasic('web-secret'), oidc.ClientSecretPost('web-secret')]) {
      const web = await oidc.discovery(new URL(`${emulator.url}/${POOL}`), 'web', undefined, auth, {
        execute: [oidc.allowInsecureRequests],
      });
      const browser = new FormBrowser(APP);
      const started = await start({ scope: 'openid email' }, web);
      const tokens = await exchange((await signInOnPage(browser, started.url, 'alice')).url, started, web);
      expect(tokens.claims()?.aud).toBe('web');
    }
    const basic = `Basic ${Buffer.from('web:wrong').toString('base64')}`;
    const refused = await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'x' }, { Authorization: basic });
    expect(refused).toEqual({ status: 401, body: { error: 'invalid_client' } });
  });

  it('client_credentials returns an access token with the resource-server scope', async () => {
    const m2m = await oidc.discovery(
      new URL(`${emulator.url}/${POOL}`),
      'm2m',
      undefined,
      oidc.ClientSecretBasic('m2m-secret'),
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    const tokens = await oidc.clientCredentialsGrant(m2m, { scope: 'https://api.example.com/read' });
    const claims = await verifiers(emulator, POOL, 'm2m').access.verify(tokens.access_token);
    expect(claims).toMatchObject({ sub: 'm2m', scope: 'https://api.example.com/read', client_id: 'm2m' });
    expect(tokens.id_token).toBeUndefined();
    await expect(oidc.clientCredentialsGrant(m2m, { scope: 'openid' })).rejects.toMatchObject({
      error: 'invalid_scope',
    });
  });

  it('a public client may not use client_credentials', async () => {
    expect((await tokenRequest({ grant_type: 'client_credentials', client_id: 'spa' })).body.error).toBe(
      'unauthorized_client',
    );
  });
});

describe('revocation', () => {
  it('/oauth2/revoke ends the refresh token and the access tokens minted from it', async () => {
    const browser = new FormBrowser(APP);
    const started = await start();
    const tokens = await exchange((await signInOnPage(browser, started.url, 'alice')).url, started);
    const sub = tokens.claims()?.sub ?? '';
    await oidc.tokenRevocation(config, tokens.refresh_token ?? '');
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(oidc.fetchUserInfo(config, tokens.access_token, sub)).rejects.toThrow();
  });
});

// Last: it moves the emulator clock forward.
describe('code lifetime', () => {
  it('refuses a code older than five minutes', async () => {
    const browser = new FormBrowser(APP);
    const started = await start({ prompt: 'login' });
    const code = new URL((await signInOnPage(browser, started.url, 'alice')).url).searchParams.get('code') ?? '';
    emulator.clock.advance(301);
    const late = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: 'spa',
      code,
      redirect_uri: CALLBACK,
      code_verifier: started.verifier,
    });
    expect(late.body.error).toBe('invalid_grant');
  });

  it('a managed login session lapses after an hour', async () => {
    const browser = new FormBrowser(APP);
    const started = await start({ prompt: 'login' });
    await signInOnPage(browser, started.url, 'alice');
    emulator.clock.advance(3601);
    const after = await browser.get((await start()).url.toString());
    expect(after.html).toContain('<h1>Sign in</h1>');
  });
});
