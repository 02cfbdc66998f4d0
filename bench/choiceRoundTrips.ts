// Round-trip rows for choice-based sign-in (SELECT_CHALLENGE, each factor), passkeys, rotating refresh and the OAuth code flow.
import { createActor, toPromise, waitFor } from 'xstate';
import type { ClientConfig, PoolConfig } from '../e2e/emulator/config.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, demoPool } from '../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../e2e/emulator/index.ts';
import { FormBrowser, forms } from '../e2e/emulator/oauth/formBrowser.ts';
import { memoryStorage } from '../e2e/specs/memoryStorage.ts';
import { softWebAuthnPort } from '../e2e/specs/softWebAuthnPort.ts';
import { SoftAuthenticator } from '../e2e/emulator/softAuthenticator.ts';
import { secret, type CognitoPort } from '../machines/index.ts';
import { createSessionMachine } from '../machines/createSessionMachine.ts';
import { createRedirectMachine } from '../machines/redirect.machine.ts';
import { createCognitoHttp } from '../src/adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../src/adapters/deviceStore.ts';
import { createFastSrp } from '../src/adapters/srpFast.ts';
import { createMemoryTokenStore } from '../src/adapters/tokenStore.ts';
import { createOAuthRedirect, type OAuthRedirect } from '../src/adapters/oauthRedirect.ts';
import { errorText, type BenchContext } from './context.ts';
import { roundTripRow } from './roundTrips.ts';
import { driveSignIn } from './signInDriver.ts';
import { failed, value, type Row } from './table.ts';

const ROTATING_CLIENT = 'benchrotatingclient000001';
const OAUTH_CLIENT = 'benchoauthclient000000001';
const CALLBACK = 'http://127.0.0.1:9/callback';
/** The demo user with a verified email and phone and no MFA: every first factor is open to it. */
const CHOOSER = 'passwordless-user';
/** The origin our software authenticator reports; the demo pool's RP id is localhost. */
const ORIGIN = 'http://localhost:5173';

/** The demo pool plus a client that rotates refresh tokens and a managed-login (code + PKCE) client. */
function benchPool(): PoolConfig {
  const pool = demoPool();
  const rotating: ClientConfig = {
    ClientId: ROTATING_CLIENT,
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    RefreshTokenRotation: { Feature: 'ENABLED' },
  };
  const oauth: ClientConfig = {
    ClientId: OAUTH_CLIENT,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [CALLBACK],
    SupportedIdentityProviders: ['COGNITO'],
  };
  return { ...pool, Clients: [...(pool.Clients ?? []), rotating, oauth] };
}

interface Env {
  readonly emulator: Emulator;
  readonly port: CognitoPort;
  readonly passkey: SoftAuthenticator;
}

type Factor = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** The sign-in machine with USER_AUTH: no preference (SELECT_CHALLENGE, the user picks `factor`) or a preferred one. */
async function machineSignIn(env: Env, factor: Factor, preferred: Factor | null): Promise<void> {
  const signedIn = await driveSignIn(
    { username: CHOOSER, password: DEMO_PASSWORD, factor },
    {
      emulatorUrl: env.emulator.url,
      userPoolId: DEMO_POOL_ID,
      clientId: DEMO_CLIENT_ID,
      authFlow: 'USER_AUTH',
      preferredChallenge: preferred,
      webAuthn: softWebAuthnPort(env.passkey).port,
    },
  );
  signedIn.stop();
}

/** Registers the software passkey for the chooser (setup, not counted): password sign-in, then the two registration calls. */
async function registerPasskey(emulator: Emulator, port: CognitoPort, passkey: SoftAuthenticator): Promise<void> {
  const signedIn = await port.call('InitiateAuth', {
    AuthFlow: 'USER_AUTH',
    ClientId: DEMO_CLIENT_ID,
    AuthParameters: { USERNAME: CHOOSER, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: DEMO_PASSWORD },
  });
  const accessToken = signedIn.AuthenticationResult?.AccessToken;
  if (accessToken === undefined) throw new Error('no access token to register a passkey with');
  // The registration operations are not in the CognitoPort's table (sign-in never calls them): plain AWS JSON.
  const call = async (operation: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${operation}: ${JSON.stringify(json)}`);
    return json;
  };
  const started = await call('StartWebAuthnRegistration', { AccessToken: accessToken });
  const options = started.CredentialCreationOptions as { challenge: string; rp: { id?: string } };
  await call('CompleteWebAuthnRegistration', { AccessToken: accessToken, Credential: passkey.create(options) });
}

interface Counted {
  readonly count: number;
  readonly targets: string[];
}

/** The AWS requests the emulator logged while `run` ran. */
async function countAws(emulator: Emulator, run: () => Promise<void>): Promise<Counted> {
  const before = emulator.requests.length;
  await run();
  const targets = emulator.requests.slice(before).map((entry) => entry.target.replace(/^.*\./, ''));
  return { count: targets.length, targets };
}

/** Refresh on a rotating client: the session machine (refresh: 'rotation') signs srp-user in, then refreshes once. */
async function rotatingRefresh(env: Env): Promise<Counted> {
  const actor = createActor(
    createSessionMachine({
      cognito: createCognitoHttp({ endpoint: env.emulator.url, clientId: ROTATING_CLIENT }),
      srp: createFastSrp(),
      tokens: createMemoryTokenStore(),
      devices: createMemoryDeviceStore(),
    }),
    {
      input: {
        userPoolId: DEMO_POOL_ID,
        clientId: ROTATING_CLIENT,
        authFlow: 'USER_SRP_AUTH',
        deviceTracking: false,
        refresh: 'rotation',
      },
    },
  ).start();
  try {
    const signedOut = await waitFor(actor, (s) => s.matches('signedOut'), { timeout: 20_000 });
    const child = signedOut.children.signIn;
    if (child === undefined) throw new Error('the session has no sign-in child');
    child.send({ type: 'credentials.submit', username: 'srp-user', password: secret(DEMO_PASSWORD) });
    await waitFor(actor, (s) => s.matches({ signedIn: 'active' }), { timeout: 20_000 });
    return await countAws(env.emulator, async () => {
      actor.send({ type: 'tokens.refresh' });
      await waitFor(actor, (s) => s.matches({ signedIn: 'active' }) && !s.hasTag('busy'), { timeout: 20_000 });
      const error = actor.getSnapshot().context.error;
      if (error !== null) throw new Error(`refresh failed: ${error.code}`);
    });
  } finally {
    actor.stop();
  }
}

/** Every request to the emulator's origin while `run` ran, counted at fetch (the OAuth endpoints are not AWS calls). */
async function countFetches(origin: string, run: () => Promise<void>): Promise<Counted> {
  const original = globalThis.fetch;
  const targets: string[] = [];
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (url.startsWith(origin))
      targets.push(`${init?.method ?? 'GET'} ${new URL(url).pathname.replace(/^\/[^/]+/, '')}`);
    return original(input, init);
  };
  try {
    await run();
  } finally {
    globalThis.fetch = original;
  }
  return { count: targets.length, targets };
}

/**
 * Authorization code + PKCE through managed login with a password, as the widget does it: our redirect machine over
 * our oauth4webapi port (discovery, authorize), a form browser as the user, then a fresh port for the callback page.
 */
async function oauthCodeFlow(env: Env): Promise<Counted> {
  const storage = memoryStorage();
  const navigations: string[] = [];
  const portFor = (): OAuthRedirect =>
    createOAuthRedirect({
      issuer: `${env.emulator.url}/${DEMO_POOL_ID}`,
      clientId: OAUTH_CLIENT,
      redirectUri: CALLBACK,
      scopes: ['openid', 'email'],
      storage,
      navigate: (url) => navigations.push(url),
    });
  return countFetches(env.emulator.url, async () => {
    const leaving = createActor(createRedirectMachine(portFor())).start();
    leaving.send({ type: 'redirect.start', provider: null });
    await waitFor(leaving, (s) => s.matches('leaving') || s.matches('failed'), { timeout: 20_000 });
    leaving.stop();
    const authorize = navigations.at(-1);
    if (authorize === undefined) throw new Error('the redirect machine did not leave for /oauth2/authorize');
    const browser = new FormBrowser(CALLBACK);
    const page = await browser.get(authorize);
    const [form] = forms(page);
    if (form === undefined) throw new Error('no sign-in form on the managed login page');
    const back = await browser.submit(form, { username: 'srp-user', password: DEMO_PASSWORD });
    if (!back.url.startsWith(CALLBACK)) throw new Error(`not sent back to the app: ${back.url}`);
    const landed = createActor(createRedirectMachine(portFor())).start();
    landed.send({ type: 'redirect.complete', callbackUrl: secret(back.url) });
    const { claims } = await toPromise(landed);
    if (claims.username !== 'srp-user') throw new Error(`signed in as ${claims.username}`);
  });
}

interface ChoiceCase {
  readonly path: string;
  /** Protocol minimum (docs/protocol.md §11). */
  readonly minimum: number;
  readonly run: (env: Env) => Promise<void>;
}

const selectCase = (factor: Factor, minimum: number): ChoiceCase => ({
  path: `SELECT_CHALLENGE → ${factor}`,
  minimum,
  run: (env) => machineSignIn(env, factor, null),
});

const cases: readonly ChoiceCase[] = [
  selectCase('PASSWORD', 2),
  selectCase('PASSWORD_SRP', 3),
  selectCase('EMAIL_OTP', 3),
  selectCase('SMS_OTP', 3),
  selectCase('WEB_AUTHN', 3),
  {
    path: 'USER_AUTH + WEB_AUTHN preferred (passkey)',
    minimum: 2,
    run: (env) => machineSignIn(env, 'WEB_AUTHN', 'WEB_AUTHN'),
  },
];

export async function measureChoiceRoundTrips(ctx: BenchContext): Promise<Row[]> {
  const emulator = await startEmulator({ config: { Pools: [benchPool()] } });
  const port = createCognitoHttp({ endpoint: emulator.url, clientId: DEMO_CLIENT_ID });
  const env: Env = { emulator, port, passkey: new SoftAuthenticator({ origin: ORIGIN }) };
  const rows: Row[] = [];
  const measure = async (path: string, minimum: number, counting: () => Promise<Counted>): Promise<void> => {
    ctx.log(`round trips: ${path}`);
    try {
      const counted = await counting();
      rows.push(roundTripRow(path, minimum, value(counted.count), `${counted.targets.join(' → ')}.`));
    } catch (error) {
      rows.push(roundTripRow(path, minimum, failed(`failed: ${errorText(error)}`), ''));
    }
  };
  try {
    await registerPasskey(emulator, port, env.passkey);
    for (const c of cases) await measure(c.path, c.minimum, () => countAws(emulator, () => c.run(env)));
    await measure('Refresh with rotation, GetTokensFromRefreshToken (session machine)', 1, () => rotatingRefresh(env));
    await measure('OAuth code flow + PKCE, managed login with a password (redirect machine)', 5, () =>
      oauthCodeFlow(env),
    );
  } finally {
    await emulator.stop();
  }
  const first = rows[0];
  if (first !== undefined) {
    rows[0] = {
      ...first,
      note: `Choice-based rows: the demo pool in-process, user ${CHOOSER} (verified email and phone, a software passkey registered first), requests from the emulator's log. Minimums: SELECT_CHALLENGE IA → SELECT_CHALLENGE, R(ANSWER [+ PASSWORD or SRP_A]) → tokens or the factor's challenge, one R per further answer; OAuth: discovery (once per sign-in: the callback page reuses it) → GET /oauth2/authorize → GET /login → POST /login → POST /oauth2/token, counted at fetch. ${first.note}`,
    };
  }
  return rows;
}
