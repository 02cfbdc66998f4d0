// The redirect machine with its oauth4webapi port against the emulator's managed login: code + PKCE, refusals, refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { createRedirectMachine } from '../../machines/redirect.machine.ts';
import type { RedirectOutput } from '../../machines/redirect.types.ts';
import { secret } from '../../machines/secret.ts';
import { createOAuthRedirect, type OAuthRedirect } from '../../src/adapters/oauthRedirect.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { FormBrowser, forms } from '../emulator/oauth/formBrowser.ts';
import { memoryStorage } from './memoryStorage.ts';
import { lastCode, verifiers } from '../emulator/testHelpers.ts';

const POOL = 'us-east-1_Redirect';
const DOMAIN = 'redirect-test';
const APP = 'http://127.0.0.1:9/app';
const CALLBACK = `${APP}/callback`;
const SIGNED_OUT = `${APP}/signed-out`;
const PASSWORD = 'Passw0rd!';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      Pools: [
        {
          Id: POOL,
          Domain: DOMAIN,
          MfaConfiguration: 'OPTIONAL',
          EnabledMfas: ['SMS_MFA'],
          Clients: [
            {
              ClientId: 'spa',
              AllowedOAuthFlows: ['code'],
              AllowedOAuthFlowsUserPoolClient: true,
              AllowedOAuthScopes: ['openid', 'email', 'profile'],
              CallbackURLs: [CALLBACK],
              LogoutURLs: [SIGNED_OUT],
              SupportedIdentityProviders: ['COGNITO'],
            },
          ],
          Users: [
            {
              Username: 'alice',
              Password: PASSWORD,
              Attributes: { email: 'alice@example.com', email_verified: 'true' },
            },
            {
              Username: 'sam',
              Password: PASSWORD,
              Attributes: { phone_number: '+15555550100', phone_number_verified: 'true' },
              Mfa: { SmsMfa: true },
            },
          ],
        },
      ],
    },
  });
});
afterAll(() => emulator.stop());

interface Harness {
  readonly port: OAuthRedirect;
  readonly storage: ReturnType<typeof memoryStorage>;
  readonly navigations: string[];
}

function harness(scopes?: readonly string[]): Harness {
  const storage = memoryStorage();
  const navigations: string[] = [];
  const port = createOAuthRedirect({
    issuer: `${emulator.url}/${POOL}`,
    clientId: 'spa',
    redirectUri: CALLBACK,
    logoutUri: SIGNED_OUT,
    ...(scopes ? { scopes } : {}),
    storage,
    navigate: (url) => navigations.push(url),
  });
  return { port, storage, navigations };
}

/** Starts a sign-in through the machine; returns the /oauth2/authorize URL it sent the browser to. */
async function start(h: Harness, provider: string | null = null): Promise<string> {
  const actor = createActor(createRedirectMachine(h.port)).start();
  actor.send({ type: 'redirect.start', provider });
  await new Promise<void>((resolve) => {
    actor.subscribe((s) => {
      if (s.matches('leaving') || s.matches('failed')) resolve();
    });
  });
  expect(actor.getSnapshot().value).toBe('leaving');
  actor.stop();
  const url = h.navigations.at(-1);
  if (url === undefined) throw new Error('no navigation');
  return url;
}

/** The callback page: a fresh machine completes the sign-in from the URL the browser landed on. */
function complete(h: Harness, callbackUrl: string) {
  const actor = createActor(createRedirectMachine(h.port)).start();
  actor.send({ type: 'redirect.complete', callbackUrl: secret(callbackUrl) });
  return actor;
}

async function completed(h: Harness, callbackUrl: string): Promise<RedirectOutput> {
  return toPromise(complete(h, callbackUrl));
}

async function failure(h: Harness, callbackUrl: string): Promise<string | undefined> {
  const actor = complete(h, callbackUrl);
  await new Promise<void>((resolve) => {
    actor.subscribe((s) => {
      if (s.matches('failed') || s.status === 'done') resolve();
    });
  });
  return actor.getSnapshot().context.error?.code;
}

/** Signs in on the managed login page (and answers the SMS code if asked); returns the callback URL. */
async function signInOnPage(browser: FormBrowser, authorize: string, username: string): Promise<string> {
  const page = await browser.get(authorize);
  const [form] = forms(page);
  if (!form) throw new Error('no sign-in form');
  let visit = await browser.submit(form, { username, password: PASSWORD });
  if (!visit.url.startsWith(CALLBACK)) {
    const [codeForm] = forms(visit);
    if (!codeForm) throw new Error(`no code form at ${visit.url}`);
    visit = await browser.submit(codeForm, { code: lastCode(emulator, username) });
  }
  expect(visit.url.startsWith(CALLBACK)).toBe(true);
  return visit.url;
}

describe('redirect sign-in through the managed login page', () => {
  it('a password user: PKCE S256 in the authorize URL, the verifier never; verified tokens; storage emptied', async () => {
    const h = harness();
    const authorize = new URL(await start(h));
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const kept = JSON.parse([...h.storage.entries.values()][0] ?? '{}') as { verifier: string; nonce: string };
    expect(authorize.toString()).not.toContain(kept.verifier);
    expect(authorize.searchParams.get('nonce')).toBe(kept.nonce);

    const callback = await signInOnPage(new FormBrowser(CALLBACK), authorize.toString(), 'alice');
    expect(callback).not.toContain(kept.verifier);
    const { tokens, claims } = await completed(h, callback);
    expect(claims.username).toBe('alice');
    expect(claims.email).toBe('alice@example.com');
    const { id } = verifiers(emulator, POOL, 'spa');
    expect(await id.verify(tokens.idToken.reveal())).toMatchObject({ nonce: kept.nonce });
    expect(JSON.stringify(tokens)).not.toContain(tokens.idToken.reveal());
    expect(h.storage.length).toBe(0);
  });

  it('the callback page, a fresh page load, sends only the token request: no second discovery', async () => {
    const h = harness();
    const callback = await signInOnPage(new FormBrowser(CALLBACK), await start(h), 'alice');
    // The page the browser lands on builds its own port over the same sessionStorage.
    const landed = {
      ...h,
      port: createOAuthRedirect({
        issuer: `${emulator.url}/${POOL}`,
        clientId: 'spa',
        redirectUri: CALLBACK,
        storage: h.storage,
      }),
    };
    const requested: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      requested.push(new URL(input instanceof Request ? input.url : input.toString()).pathname);
      return realFetch(input, init);
    };
    try {
      expect((await completed(landed, callback)).claims.username).toBe('alice');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(requested).toEqual([expect.stringMatching(/\/oauth2\/token$/)]);
  });

  it('an SMS-MFA user answers the texted code on the page and is signed in', async () => {
    const h = harness();
    const callback = await signInOnPage(new FormBrowser(CALLBACK), await start(h), 'sam');
    expect((await completed(h, callback)).claims.username).toBe('sam');
  });

  it('refresh: the refresh_token grant gives a new access token and keeps the refresh token', async () => {
    const h = harness();
    const callback = await signInOnPage(new FormBrowser(CALLBACK), await start(h), 'alice');
    const { tokens } = await completed(h, callback);
    const refreshToken = tokens.refreshToken;
    if (refreshToken === null) throw new Error('no refresh token');
    const refreshed = await h.port.refresh(refreshToken);
    expect(refreshed.claims.username).toBe('alice');
    expect(refreshed.tokens.refreshToken?.reveal()).toBe(refreshToken.reveal());
    await expect(
      verifiers(emulator, POOL, 'spa').access.verify(refreshed.tokens.accessToken.reveal()),
    ).resolves.toBeTruthy();
  });

  it('sign-out goes to /logout with the client and the registered logout_uri, which ends the hosted session', async () => {
    const h = harness();
    const browser = new FormBrowser(CALLBACK);
    await signInOnPage(browser, await start(h), 'alice');
    // A second authorize goes straight back: the login domain's session cookie remembers alice.
    expect((await browser.get(await start(h))).url.startsWith(CALLBACK)).toBe(true);
    await h.port.signOut();
    const logout = new URL(h.navigations.at(-1) ?? '');
    expect(logout.pathname).toBe(`/${DOMAIN}/logout`);
    expect(logout.searchParams.get('logout_uri')).toBe(SIGNED_OUT);
    const signedOut = new FormBrowser(SIGNED_OUT);
    for (const [k, v] of browser.cookies) signedOut.cookies.set(k, v);
    expect((await signedOut.get(logout.toString())).url).toBe(SIGNED_OUT);
    const again = new FormBrowser(CALLBACK);
    for (const [k, v] of signedOut.cookies) again.cookies.set(k, v);
    expect((await again.get(await start(h))).html).toContain('<h1>Sign in</h1>');
  });
});

describe('refused, each with its typed state', () => {
  it('a state mismatch fails as StateMismatch and spends nothing', async () => {
    const h = harness();
    const callback = new URL(await signInOnPage(new FormBrowser(CALLBACK), await start(h), 'alice'));
    callback.searchParams.set('state', 'forged');
    expect(await failure(h, callback.toString())).toBe('StateMismatch');
  });

  it('a callback with no sign-in started in this tab fails as NoPendingRedirect', async () => {
    const h = harness();
    expect(await failure(h, `${CALLBACK}?code=x&state=y`)).toBe('NoPendingRedirect');
  });

  it('a reused code fails as invalid_grant', async () => {
    const h = harness();
    const callback = await signInOnPage(new FormBrowser(CALLBACK), await start(h), 'alice');
    const kept = [...h.storage.entries];
    await completed(h, callback);
    for (const [k, v] of kept) h.storage.setItem(k, v); // replay the same tab's pending sign-in
    expect(await failure(h, callback)).toBe('invalid_grant');
  });

  it('a wrong code_verifier fails as invalid_grant', async () => {
    const h = harness();
    const callback = await signInOnPage(new FormBrowser(CALLBACK), await start(h), 'alice');
    for (const [k, v] of [...h.storage.entries]) {
      const pending = JSON.parse(v) as Record<string, string>;
      h.storage.setItem(k, JSON.stringify({ ...pending, verifier: 'x'.repeat(43) }));
    }
    expect(await failure(h, callback)).toBe('invalid_grant');
  });

  it('a scope the client may not ask for comes back as invalid_scope', async () => {
    const h = harness(['openid', 'phone']);
    const visit = await new FormBrowser(CALLBACK).get(await start(h));
    expect(visit.url.startsWith(CALLBACK)).toBe(true);
    expect(await failure(h, visit.url)).toBe('invalid_scope');
  });

  it('an unknown client is refused on the login domain, with no redirect', async () => {
    const storage = memoryStorage();
    const navigations: string[] = [];
    const port = createOAuthRedirect({
      issuer: `${emulator.url}/${POOL}`,
      clientId: 'nobody',
      redirectUri: CALLBACK,
      storage,
      navigate: (url) => navigations.push(url),
    });
    await port.begin({ provider: null });
    const visit = await new FormBrowser(CALLBACK).get(navigations[0] ?? '');
    expect(visit.url.startsWith(CALLBACK)).toBe(false);
    expect(visit.status).toBe(400);
  });

  it('an unregistered redirect_uri is refused on the login domain, with no redirect', async () => {
    const storage = memoryStorage();
    const navigations: string[] = [];
    const evil = 'http://127.0.0.1:9/evil';
    const port = createOAuthRedirect({
      issuer: `${emulator.url}/${POOL}`,
      clientId: 'spa',
      redirectUri: evil,
      storage,
      navigate: (url) => navigations.push(url),
    });
    await port.begin({ provider: null });
    const visit = await new FormBrowser(evil).get(navigations[0] ?? '');
    expect(visit.url.startsWith(evil)).toBe(false);
    expect(visit.status).toBe(400);
  });

  it('an expired code (emulator clock) fails as invalid_grant', async () => {
    const h = harness();
    const callback = await signInOnPage(new FormBrowser(CALLBACK), await start(h), 'alice');
    emulator.clock.advance(6 * 60);
    expect(await failure(h, callback)).toBe('invalid_grant');
  });
});
