// The session machine with real adapters against the emulator: refresh modes, tabs sharing one store, reload, skew, offline.
import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getShortestPaths } from '@xstate/graph';
import { createActor, waitFor, type Actor, type AnyEventObject, type AnyStateMachine } from 'xstate';
import { readClaims } from '../../machines/claims.ts';
import { CognitoServiceError } from '../../machines/errors.ts';
import { createSessionMachine } from '../../machines/createSessionMachine.ts';
import { memoryStorage } from './memoryStorage.ts';
import type { SessionPorts } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { sessionMachine, sessionStatus } from '../../machines/session.machine.ts';
import type { SessionContext, SessionInput } from '../../machines/session.types.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../../src/adapters/deviceStore.ts';
import { createFastSrp } from '../../src/adapters/srpFast.ts';
import { createTabChannel, createTabLock } from '../../src/adapters/tabSync.ts';
import { createWebStorageTokenStore } from '../../src/adapters/tokenStore.ts';
import { createClock } from '../emulator/clock.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { createClient, createPool, createUser, PASSWORD } from '../emulator/settings.testkit.ts';
import { rejection, sdkClient } from '../emulator/testHelpers.ts';
import { containsSecret } from './containsSecret.ts';

const HOUR = 3_600_000;
/** The server's clock minus the local one; the emulator runs on it, the machines on the local clock. */
let serverSkewMs = 0;
let emulator: Emulator;
let sdk: CognitoIdentityProviderClient;
let poolId: string;
let rotationClientId: string;
let plainClientId: string;
let userCount = 0;

beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [] }, clock: createClock(() => Date.now() + serverSkewMs) });
  sdk = sdkClient(emulator.url);
  poolId = await createPool(sdk);
  rotationClientId = (
    await createClient(sdk, poolId, {
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    })
  ).ClientId;
  plainClientId = (await createClient(sdk, poolId)).ClientId;
});
afterAll(async () => {
  sdk.destroy();
  await emulator.stop();
});

const running: Actor<ReturnType<typeof createSessionMachine>>[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
  serverSkewMs = 0;
});

interface Tab {
  readonly actor: Actor<ReturnType<typeof createSessionMachine>>;
  /** Operations this tab sent, in order. */
  readonly calls: string[];
  offline: boolean;
}

interface TabOptions {
  readonly storage: Storage;
  readonly clientId?: string;
  readonly input?: Partial<SessionInput>;
  readonly channel?: string;
  /** Answers GetTokensFromRefreshToken as a back end that does not know it would. */
  readonly noRotationOperation?: boolean;
  /** Runs just before this tab's request of `operation` leaves (another tab acting in between). */
  readonly beforeCall?: (operation: string) => Promise<void>;
}

/** One browser tab: its own machine and transport, the origin's storage, lock and channel. */
function openTab(options: TabOptions): Tab {
  const tab: Tab = { actor: undefined as never, calls: [], offline: false };
  const fetchThroughTab: typeof fetch = (url, init) => {
    const headers = new Headers(init?.headers);
    const operation = (headers.get('X-Amz-Target') ?? '').split('.').pop() ?? '';
    if (tab.offline) return Promise.reject(new TypeError('Failed to fetch'));
    tab.calls.push(operation);
    if (options.beforeCall !== undefined)
      return options.beforeCall(operation).then(() => sendThroughTab(operation, url, init));
    return sendThroughTab(operation, url, init);
  };
  const sendThroughTab = (operation: string, url: Parameters<typeof fetch>[0], init: Parameters<typeof fetch>[1]) => {
    if (options.noRotationOperation === true && operation === 'GetTokensFromRefreshToken')
      return Promise.resolve(
        new Response(JSON.stringify({ __type: 'UnknownOperationException' }), {
          status: 400,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
        }),
      );
    return fetch(url, init);
  };
  const ports: SessionPorts = {
    cognito: createCognitoHttp({ endpoint: emulator.url, fetch: fetchThroughTab }),
    srp: createFastSrp(),
    tokens: createWebStorageTokenStore(options.storage),
    devices: createMemoryDeviceStore(),
    locks: createTabLock(),
    tabs: createTabChannel(options.channel ?? `session-test-${String(userCount)}`),
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  };
  const actor = createActor(createSessionMachine(ports), {
    input: {
      userPoolId: poolId,
      clientId: options.clientId ?? rotationClientId,
      authFlow: 'USER_PASSWORD_AUTH',
      deviceTracking: false,
      refreshMarginSeconds: 60,
      ...options.input,
    },
  });
  Object.assign(tab, { actor });
  running.push(actor);
  actor.start();
  return tab;
}

async function newUser(): Promise<string> {
  userCount += 1;
  const username = `tab-user-${String(userCount)}`;
  await createUser(sdk, poolId, username);
  return username;
}

async function signIn(tab: Tab, username: string): Promise<void> {
  const signedOut = await waitFor(tab.actor, (s) => s.matches('signedOut'));
  const child = signedOut.children.signIn;
  if (child === undefined) throw new Error('no sign-in child');
  child.send({ type: 'credentials.submit', username, password: secret(PASSWORD) });
  await waitFor(tab.actor, (s) => s.matches({ signedIn: 'active' }));
}

function storedRefreshToken(storage: Storage, clientId: string, username: string): string | null {
  return storage.getItem(`CognitoIdentityServiceProvider.${clientId}.${username}.refreshToken`);
}

const refreshWith = (ClientId: string, RefreshToken: string) =>
  sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken }));

describe('refresh modes', () => {
  it('rotation: one GetTokensFromRefreshToken round trip; the rotated token replaces the old in the store', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const tab = openTab({ storage });
    await signIn(tab, username);
    const before = storedRefreshToken(storage, rotationClientId, username);
    tab.calls.length = 0;
    tab.actor.send({ type: 'tokens.refresh' });
    const after = await waitFor(tab.actor, (s) => s.matches({ signedIn: 'active' }) && s.context.refreshCall !== null);
    expect(tab.calls).toEqual(['GetTokensFromRefreshToken']);
    expect(after.context.refreshCall).toBe('rotation');
    const rotated = storedRefreshToken(storage, rotationClientId, username);
    expect(rotated).not.toBeNull();
    expect(rotated).not.toBe(before);
    expect(after.context.tokens?.refreshToken?.reveal()).toBe(rotated);
  });

  it('auto falls back to REFRESH_TOKEN_AUTH where GetTokensFromRefreshToken is unknown, and remembers it', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const tab = openTab({ storage, clientId: plainClientId, noRotationOperation: true });
    await signIn(tab, username);
    tab.calls.length = 0;
    tab.actor.send({ type: 'tokens.refresh' });
    await waitFor(tab.actor, (s) => s.matches({ signedIn: 'active' }) && s.context.refreshCall === 'legacy');
    expect(tab.calls).toEqual(['GetTokensFromRefreshToken', 'InitiateAuth']);
    tab.calls.length = 0;
    tab.actor.send({ type: 'tokens.refresh' });
    await waitFor(tab.actor, () => tab.calls.length === 1);
    await waitFor(tab.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(tab.calls).toEqual(['InitiateAuth']);
  });

  it('a refresh refused because a lock-less tab rotated the token meanwhile takes that tab’s session, not a sign-out', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    let otherTabRotates = false;
    const tab = openTab({
      storage,
      beforeCall: async (operation) => {
        if (!otherTabRotates || operation !== 'GetTokensFromRefreshToken') return;
        otherTabRotates = false;
        // Another tab (without Web Locks) rotates the same refresh token first and stores what it got.
        const sent = storedRefreshToken(storage, rotationClientId, username) ?? '';
        const result = (await refreshWith(rotationClientId, sent)).AuthenticationResult;
        if (result?.IdToken === undefined || result.AccessToken === undefined) throw new Error('no tokens');
        createWebStorageTokenStore(storage).save(rotationClientId, {
          username,
          idToken: secret(result.IdToken),
          accessToken: secret(result.AccessToken),
          refreshToken: secret(result.RefreshToken ?? sent),
          expiresAt: Date.now() + HOUR,
        });
      },
    });
    await signIn(tab, username);
    otherTabRotates = true;
    tab.calls.length = 0;
    tab.actor.send({ type: 'tokens.refresh' });
    const after = await waitFor(tab.actor, (s) => !s.matches({ signedIn: 'refreshing' }));
    expect(tab.calls).toEqual(['GetTokensFromRefreshToken']);
    expect(after.matches({ signedIn: 'active' })).toBe(true);
    expect(after.context.error).toBeNull();
    const theirs = storedRefreshToken(storage, rotationClientId, username);
    expect(theirs).not.toBeNull();
    expect(after.context.tokens?.refreshToken?.reveal()).toBe(theirs);
  });

  it('legacy on a rotation client signs out with the error Cognito gave, the store cleared', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const tab = openTab({ storage, input: { refresh: 'legacy' } });
    await signIn(tab, username);
    tab.actor.send({ type: 'tokens.refresh' });
    const out = await waitFor(tab.actor, (s) => s.matches('signedOut'));
    expect(out.context.error?.code).toBe('InvalidParameterException');
    expect(storedRefreshToken(storage, rotationClientId, username)).toBeNull();
  });
});

describe('many tabs', () => {
  it('two tabs × 20 refreshes at random moments: no NotAuthorizedException, one live refresh token at the end', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const tabs = [openTab({ storage }), openTab({ storage })];
    const [first, second] = tabs as [Tab, Tab];
    await signIn(first, username);
    await waitFor(second.actor, (s) => s.matches({ signedIn: 'active' }));
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const tab of tabs)
      tab.actor.subscribe((s) => {
        const token = s.context.tokens?.refreshToken?.reveal();
        if (token !== undefined) seen.add(token);
        if (s.context.error !== null) errors.push(s.context.error.code);
      });
    await Promise.all(
      tabs.map(async (tab) => {
        for (let cycle = 0; cycle < 20; cycle += 1) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
          tab.actor.send({ type: 'tokens.refresh' });
          await waitFor(tab.actor, (s) => !s.matches({ signedIn: 'refreshing' }));
        }
      }),
    );
    await waitFor(second.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(errors).toEqual([]);
    expect(first.actor.getSnapshot().matches('signedIn')).toBe(true);
    const live = storedRefreshToken(storage, rotationClientId, username) ?? '';
    expect(seen.size).toBeGreaterThan(20);
    // Grace period 0: every rotated-out token is refused, only the stored one still works.
    for (const token of [...seen].filter((token) => token !== live))
      expect((await rejection(refreshWith(rotationClientId, token))).name).toBe('RefreshTokenReuseException');
    expect((await refreshWith(rotationClientId, live)).AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('sign-out in one tab signs the other out within 1 s; a sign-in in one is seen by the other', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const channel = `fan-out-${String(userCount)}`;
    const listener = new BroadcastChannel(channel);
    const messages: unknown[] = [];
    listener.onmessage = (event: MessageEvent<unknown>) => messages.push(event.data);
    const first = openTab({ storage, channel });
    const second = openTab({ storage, channel });
    await waitFor(second.actor, (s) => s.matches('signedOut'));
    await signIn(first, username);
    await waitFor(second.actor, (s) => s.matches({ signedIn: 'active' }), { timeout: 1000 });
    expect(second.calls).toEqual([]);
    const held = first.actor.getSnapshot().context.tokens;
    const secrets = [held?.idToken.reveal(), held?.accessToken.reveal(), held?.refreshToken?.reveal()];
    const started = performance.now();
    first.actor.send({ type: 'signOut', scope: 'revoke' });
    await waitFor(second.actor, (s) => s.matches('signedOut'), { timeout: 1000 });
    expect(performance.now() - started).toBeLessThan(1000);
    await waitFor(first.actor, (s) => s.matches('signedOut'));
    listener.close();
    // What crosses between tabs: "changed" notices, never a token.
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toEqual({ type: 'changed', clientId: rotationClientId });
    const crossed = JSON.stringify(messages) + JSON.stringify(second.actor.getSnapshot());
    for (const value of secrets) expect(containsSecret(crossed, value ?? 'missing token')).toBe(false);
    expect(secrets.every((value) => value !== undefined)).toBe(true);
  });
});

describe('reload', () => {
  it('restores with no request while the access token is valid, with exactly one refresh once it expired', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const before = openTab({ storage });
    await signIn(before, username);
    before.actor.stop();
    const reloaded = openTab({ storage });
    await waitFor(reloaded.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(reloaded.calls).toEqual([]);
    reloaded.actor.stop();
    // An hour later by every clock: the stored access token has expired.
    const key = `CognitoIdentityServiceProvider.${rotationClientId}.${username}.clockDrift`;
    storage.setItem(key, String(Number(storage.getItem(key)) - 3600));
    const later = openTab({ storage });
    await waitFor(later.actor, (s) => s.matches({ signedIn: 'active' }) && later.calls.length > 0);
    expect(later.calls).toEqual(['GetTokensFromRefreshToken']);
  });
});

describe('clock skew', () => {
  it.each([
    ['server 3 h ahead', 3 * HOUR],
    ['server 3 h behind', -3 * HOUR],
  ])('%s: a restored session refreshes before expiry by server time, not at once', async (_name, skew) => {
    serverSkewMs = skew;
    const storage = memoryStorage();
    const username = await newUser();
    const first = openTab({ storage });
    await signIn(first, username);
    first.actor.stop();
    const reloaded = openTab({ storage });
    const restored = await waitFor(reloaded.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(reloaded.calls).toEqual([]);
    const expiresAt = restored.context.tokens?.expiresAt ?? 0;
    // The local expiry is the server's `exp` moved by the drift: about an hour from now on this machine's clock.
    expect(expiresAt - Date.now()).toBeGreaterThan(HOUR - 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(HOUR + 1000);
    expect(restored.context.clockDrift).toBeCloseTo(-skew / 1000, -1);
  });
});

describe('offline', () => {
  it('keeps the user signed in while Cognito is unreachable, reports offline, and refreshes once back', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const tab = openTab({ storage, input: { maxRetryDelayMs: 100 } });
    await signIn(tab, username);
    tab.offline = true;
    tab.actor.send({ type: 'tokens.refresh' });
    const offline = await waitFor(tab.actor, (s) => s.hasTag('offline'));
    expect(sessionStatus(offline)).toBe('offline');
    expect(offline.context.error?.code).toBe('NetworkError');
    tab.offline = false;
    const back = await waitFor(tab.actor, (s) => s.matches({ signedIn: 'active' }) && s.context.error === null);
    expect(sessionStatus(back)).toBe('signedIn');
    expect(tab.calls).toEqual(['InitiateAuth', 'GetTokensFromRefreshToken']);
  });

  it('signs out cleanly when the tokens expire while offline', async () => {
    const storage = memoryStorage();
    const username = await newUser();
    const first = openTab({ storage });
    await signIn(first, username);
    first.actor.stop();
    // Reload offline with an access token 2 s from expiry.
    const key = `CognitoIdentityServiceProvider.${rotationClientId}.${username}.clockDrift`;
    storage.setItem(key, String(Number(storage.getItem(key)) - 3598));
    const tab = openTab({ storage, input: { maxRetryDelayMs: 200 } });
    tab.offline = true;
    await waitFor(tab.actor, (s) => s.hasTag('offline'));
    const out = await waitFor(tab.actor, (s) => s.matches('signedOut'), { timeout: 5000 });
    expect(sessionStatus(out)).toBe('signedOut');
    expect(out.context.tokens).toBeNull();
    expect(out.context.error?.detail).toMatch(/expired/);
    expect(storedRefreshToken(storage, rotationClientId, username)).toBeNull();
  });
});

describe('redirect sign-in', () => {
  it('adopts the tokens of an OAuth callback (redirect.done): stored, signed in, refreshed and signed out as any session', async () => {
    const username = await newUser();
    const storage = memoryStorage();
    const tab = openTab({ storage });
    await waitFor(tab.actor, (s) => s.matches('signedOut'));
    // What the redirect machine outputs after the code exchange: Cognito's tokens, wrapped, and the ID token's claims.
    const answer = await sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: rotationClientId,
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    );
    const { IdToken, AccessToken, RefreshToken, ExpiresIn } = answer.AuthenticationResult ?? {};
    if (IdToken === undefined || AccessToken === undefined || RefreshToken === undefined)
      throw new Error('InitiateAuth answered without tokens');
    const tokens = {
      idToken: secret(IdToken),
      accessToken: secret(AccessToken),
      refreshToken: secret(RefreshToken),
      expiresAt: Date.now() + (ExpiresIn ?? 3600) * 1000,
    };
    tab.actor.send({ type: 'redirect.done', tokens, claims: readClaims(IdToken) });

    const signedIn = await waitFor(tab.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(sessionStatus(signedIn)).toBe('signedIn');
    expect(signedIn.context.claims?.username).toBe(username);
    expect(storedRefreshToken(storage, rotationClientId, username)).toBe(RefreshToken);

    tab.actor.send({ type: 'tokens.refresh' });
    const refreshed = await waitFor(
      tab.actor,
      (s) => s.matches({ signedIn: 'active' }) && s.context.tokens?.accessToken.reveal() !== AccessToken,
    );
    expect(refreshed.context.error).toBeNull();
    expect(tab.calls).toEqual(['GetTokensFromRefreshToken']);

    tab.actor.send({ type: 'signOut' });
    const out = await waitFor(tab.actor, (s) => s.matches('signedOut'));
    expect(sessionStatus(out)).toBe('signedOut');
    expect(tab.calls).toEqual(['GetTokensFromRefreshToken', 'RevokeToken']);
    expect(storedRefreshToken(storage, rotationClientId, username)).toBeNull();
  });
});

describe('model (@xstate/graph)', () => {
  const tokens = {
    idToken: secret('model-id-token'),
    accessToken: secret('model-access-token'),
    refreshToken: secret('model-refresh-token'),
    expiresAt: Date.now() + HOUR,
  };
  const claims = {
    sub: null,
    username: 'model',
    email: null,
    phoneNumber: null,
    groups: [],
    authTime: null,
    expiresAt: null,
  };
  const session = { username: 'model', tokens, claims, device: null, clockDrift: 0 };
  const device = { deviceKey: 'k', deviceGroupKey: 'g', devicePassword: secret('model-device-password') };
  const done = (id: string, output: unknown): AnyEventObject => ({ type: `xstate.done.actor.${id}`, output });
  const failed = (id: string, code: 'NetworkError' | 'NotAuthorizedException'): AnyEventObject => ({
    type: `xstate.error.actor.${id}`,
    error: new CognitoServiceError({ code, retryable: code === 'NetworkError' }),
  });
  const after = (delay: string, state: string): AnyEventObject => ({ type: `xstate.after.${delay}.session.${state}` });
  /** Every answer the actors can give and everything the user, the timers and the other tabs can do. */
  const events: AnyEventObject[] = [
    done('loadSession', session),
    done('loadSession', { ...session, tokens: { ...tokens, expiresAt: 0 } }),
    done('loadSession', null),
    done('signIn', { username: 'model', tokens, claims, device: null, newDevice: null }),
    done('signIn', {
      username: 'model',
      tokens,
      claims,
      device: null,
      newDevice: { deviceKey: 'k', deviceGroupKey: 'g' },
    }),
    done('confirmDevice', { device, userConfirmationNecessary: true }),
    done('confirmDevice', { device, userConfirmationNecessary: false }),
    done('updateDeviceStatus', null),
    done('forgetDevice', null),
    { type: 'device.remember', remember: true },
    { type: 'device.remember', remember: false },
    { type: 'device.forget' },
    done('refreshSession', { kind: 'refreshed', refreshCall: 'rotation', ...session }),
    done('refreshSession', { kind: 'signedOut' }),
    failed('refreshSession', 'NetworkError'),
    failed('refreshSession', 'NotAuthorizedException'),
    done('revokeToken', null),
    done('globalSignOut', null),
    after('refreshDelay', 'signedIn.active'),
    after('retryDelay', 'signedIn.offline'),
    after('expiryDelay', 'signedIn.offline'),
    { type: 'tokens.refresh' },
    { type: 'tabs.changed' },
    { type: 'signOut', scope: 'global' },
    { type: 'signOut', scope: 'revoke' },
    { type: 'signOut', scope: 'local' },
  ];

  function leaves(node: AnyStateMachine['root'], prefix = ''): string[] {
    const children = Object.values(node.states);
    if (children.length === 0) return [prefix];
    return children.flatMap((child) => leaves(child, prefix === '' ? child.key : `${prefix}.${child.key}`));
  }
  const key = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Object.entries(value as Record<string, unknown>)
          .map(([parent, child]) => `${parent}.${key(child)}`)
          .join();

  it('reaches every state of the session machine, and no snapshot on the way holds a token', () => {
    const logic: AnyStateMachine = sessionMachine;
    const paths = getShortestPaths(logic, {
      input: { userPoolId: 'us-east-1_model', clientId: 'model-client' },
      events,
      // The state and whether tokens and a device are held; retries and expiry times would make the graph endless.
      serializeState: (snapshot) => {
        const context = snapshot.context as SessionContext;
        return `${key(snapshot.value)}|${context.tokens === null ? '' : 'tokens'}|${context.device === null ? '' : 'device'}`;
      },
    });
    const reached = new Set(paths.map((path) => key(path.state.value)));
    expect(leaves(logic.root).filter((state) => !reached.has(state))).toEqual([]);
    for (const path of paths) {
      const text = JSON.stringify(path.state.context);
      for (const value of ['model-id-token', 'model-access-token', 'model-refresh-token'])
        expect(containsSecret(text, value)).toBe(false);
    }
  });
});
