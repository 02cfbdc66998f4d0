// Federated sign-in through the emulator's mock OIDC provider, driven by the kit: linked users, mapped attributes.
/* eslint-disable @typescript-eslint/no-deprecated -- allowInsecureRequests: the emulator speaks plain HTTP on loopback. */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { FormBrowser, forms } from '../emulator/oauth/formBrowser.ts';
import { mockIdentityProvider, type MockIdentityProvider } from './federation.ts';

const POOL = 'us-east-1_Federation';
const DOMAIN = 'federation-test';
const APP = 'http://127.0.0.1:9/app';
const CALLBACK = `${APP}/callback`;

let emulator: Emulator;
let idp: MockIdentityProvider;
let config: oidc.Configuration;

async function aws(target: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      Pools: [
        {
          Id: POOL,
          Domain: DOMAIN,
          LambdaConfig: {
            PreSignUp: (event) => {
              const attributes = event.request.userAttributes as Record<string, string>;
              if (
                event.triggerSource === 'PreSignUp_ExternalProvider' &&
                attributes.email?.endsWith('@blocked.example')
              )
                throw new Error('blocked domain');
              return event;
            },
          },
          Users: [{ Username: 'native', Password: 'Passw0rd!', Attributes: { email: 'native@example.com' } }],
        },
      ],
    },
  });
  idp = mockIdentityProvider(emulator.url);
  expect(
    await aws('CreateIdentityProvider', {
      UserPoolId: POOL,
      ProviderName: 'MockIdP',
      ProviderType: 'OIDC',
      ProviderDetails: idp.providerDetails(),
      AttributeMapping: { email: 'email', name: 'name', email_verified: 'email_verified' },
      IdpIdentifiers: ['example.com'],
    }),
  ).toHaveProperty('IdentityProvider.ProviderName', 'MockIdP');
  await aws('CreateUserPoolClient', {
    UserPoolId: POOL,
    ClientName: 'app',
    AllowedOAuthFlows: ['code'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [CALLBACK],
    SupportedIdentityProviders: ['COGNITO', 'MockIdP'],
  }).then((out) => {
    const client = out.UserPoolClient as { ClientId: string; SupportedIdentityProviders: string[] };
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO', 'MockIdP']);
    return oidc
      .discovery(new URL(`${emulator.url}/${POOL}`), client.ClientId, undefined, oidc.None(), {
        execute: [oidc.allowInsecureRequests],
      })
      .then((c) => (config = c));
  });
});
afterAll(() => emulator.stop());
beforeEach(() => idp.clear());

async function federatedSignIn(browser: FormBrowser, parameters: Record<string, string>): Promise<oidc.IDToken> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...parameters,
  });
  const callback = await browser.get(url.toString());
  expect(callback.url.startsWith(CALLBACK)).toBe(true);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback.url), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return claims;
}

describe('federated sign-in through the mock provider', () => {
  it('creates <ProviderName>_<sub> with mapped attributes and the identities claim, refreshed at each sign-in', async () => {
    await idp.signInNextAs({ sub: 'ada-1', email: 'ada@example.com', email_verified: true, name: 'Ada' });
    const claims = await federatedSignIn(new FormBrowser(APP), { identity_provider: 'MockIdP' });
    expect(claims).toMatchObject({ 'cognito:username': 'MockIdP_ada-1', email: 'ada@example.com', name: 'Ada' });
    expect(claims.identities).toEqual([
      expect.objectContaining({ userId: 'ada-1', providerName: 'MockIdP', providerType: 'OIDC', primary: 'true' }),
    ]);
    const user = await aws('AdminGetUser', { UserPoolId: POOL, Username: 'MockIdP_ada-1' });
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');

    await idp.signInNextAs({ sub: 'ada-1', email: 'ada@new.example', name: 'Ada L.' });
    const again = await federatedSignIn(new FormBrowser(APP), { idp_identifier: 'example.com' });
    expect(again).toMatchObject({ 'cognito:username': 'MockIdP_ada-1', email: 'ada@new.example', name: 'Ada L.' });
    expect(again.sub).toBe(claims.sub);
  });

  it('the provider page lets the user pick who signs in, and the login page links to the provider', async () => {
    await idp.addUser({ sub: 'grace-2', email: 'grace@example.com', name: 'Grace' });
    const browser = new FormBrowser(APP);
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: CALLBACK, scope: 'openid email' });
    const login = await browser.get(url.toString());
    const link = /<a href="([^"]+)">Continue with MockIdP<\/a>/.exec(login.html)?.[1];
    expect(link).toBeDefined();
    const picker = await browser.get(new URL((link ?? '').replace(/&amp;/g, '&'), login.url).toString());
    expect(picker.html).toContain('Continue as Grace');
    const choice = forms(picker).find((f) => f.fields.sub === 'grace-2');
    if (!choice) throw new Error('no button for Grace');
    const callback = await browser.submit(choice);
    expect(new URL(callback.url).searchParams.get('code')).toBeTruthy();
  });

  it('AdminLinkProviderForUser makes the provider identity sign in as the existing user', async () => {
    await aws('AdminLinkProviderForUser', {
      UserPoolId: POOL,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'native' },
      SourceUser: {
        ProviderName: 'MockIdP',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: 'nat-3',
      },
    });
    await idp.signInNextAs({ sub: 'nat-3', email: 'native@example.com' });
    const claims = await federatedSignIn(new FormBrowser(APP), { identity_provider: 'MockIdP' });
    expect(claims['cognito:username']).toBe('native');
    expect(claims.identities).toEqual([expect.objectContaining({ userId: 'nat-3', providerName: 'MockIdP' })]);

    const merged = await aws('AdminLinkProviderForUser', {
      UserPoolId: POOL,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'native' },
      SourceUser: {
        ProviderName: 'MockIdP',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: 'ada-1',
      },
    });
    expect(merged.__type).toBe('InvalidParameterException');
  });

  it('a client without COGNITO gets provider buttons and no password form', async () => {
    const out = await aws('CreateUserPoolClient', {
      UserPoolId: POOL,
      ClientName: 'federated-only',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['MockIdP'],
    });
    const clientId = (out.UserPoolClient as { ClientId: string }).ClientId;
    const url = new URL(`${emulator.url}/${DOMAIN}/login`);
    url.search = new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: CALLBACK }).toString();
    const page = await new FormBrowser(APP).get(url.toString());
    expect(page.html).toContain('Continue with MockIdP');
    expect(page.html).not.toContain('type="password"');
  });

  it('runs PreSignUp_ExternalProvider on first sign-in; its refusal goes back to the app', async () => {
    await idp.signInNextAs({ sub: 'mallory-4', email: 'mallory@blocked.example' });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      identity_provider: 'MockIdP',
    });
    const callback = new URL((await new FormBrowser(APP).get(url.toString())).url);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toBe('PreSignUp failed with error blocked domain.');
    expect(await aws('AdminGetUser', { UserPoolId: POOL, Username: 'MockIdP_mallory-4' })).toHaveProperty(
      '__type',
      'UserNotFoundException',
    );
  });

  it('refuses a provider the client does not support', async () => {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      identity_provider: 'Other',
    });
    const response = await fetch(url, { redirect: 'manual' });
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });
});
