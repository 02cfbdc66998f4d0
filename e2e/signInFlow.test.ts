// The sign-in machine with its real adapters (HTTP transport, identity-js SRP) against the emulator over loopback.
import { createInspector } from '@statelyai/inspect';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type SnapshotFrom } from 'xstate';
import { createSignInMachine } from '../machines/createSignInMachine.ts';
import type { DeviceStore, SignInPorts } from '../machines/ports.ts';
import { secret } from '../machines/secret.ts';
import type { SignInMachine } from '../machines/signIn.machine.ts';
import type { SignInEvent, SignInInput } from '../machines/types.ts';
import { createCognitoHttp } from '../src/adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../src/adapters/deviceStore.ts';
import { createAuthenticationHelperSrp } from '../src/adapters/srp.ts';
import { createFastSrp } from '../src/adapters/srpFast.ts';
import type { EmulatorConfig, UserSeed } from './emulator/config.ts';
import {
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_POOL_ID,
  DEMO_SELECT_TOTP_SECRET,
  DEMO_TEMP_PASSWORD,
  DEMO_TOTP_SECRET,
  demoPool,
} from './emulator/demo.ts';
import { startEmulator, type Emulator } from './emulator/index.ts';
import { lastCode, totpCode } from './emulator/testHelpers.ts';

/** Each demo user is seeded this many extra times (`sms-user-3`), so every test signs in a user nobody else touched. */
const COPIES = 40;
const NEW_PASSWORD = 'N3w!Passw0rd-flow';

function config(): EmulatorConfig {
  const pool = demoPool();
  const users: UserSeed[] = pool.Users ?? [];
  pool.Users = users.flatMap((user) => [
    user,
    ...Array.from({ length: COPIES }, (_, index) => ({
      ...user,
      Username: `${user.Username}-${String(index)}`,
      Attributes: { ...user.Attributes, email: `${user.Username}-${String(index)}@example.com` },
    })),
  ]);
  return { Pools: [pool] };
}

let emulator: Emulator;
const taken = new Map<string, number>();

/** A fresh copy of a demo user. */
function fresh(base: string): string {
  const next = taken.get(base) ?? 0;
  taken.set(base, next + 1);
  return `${base}-${String(next)}`;
}

beforeAll(async () => {
  emulator = await startEmulator({ config: config() });
});

afterAll(async () => {
  await emulator.stop();
});

type Snapshot = SnapshotFrom<SignInMachine>;

/** `PASSWORD_VERIFIER.responding`, `signedIn.active`, `credentials`. */
function stateKey(value: Snapshot['value']): string {
  if (typeof value === 'string') return value;
  const [[name, child] = ['', '']] = Object.entries(value);
  return child === undefined ? name : `${name}.${stateKey(child as Snapshot['value'])}`;
}

/** What the user does when the machine waits for input, keyed by state. */
type User = Partial<Record<string, (snapshot: Snapshot) => SignInEvent>>;

interface RunOptions {
  readonly username: string;
  readonly password?: string;
  readonly input?: Partial<SignInInput>;
  readonly devices?: DeviceStore;
  readonly user?: User;
  readonly fetch?: typeof fetch;
  readonly ports?: Partial<SignInPorts>;
  readonly oracle?: boolean;
}

const secretsSeen = new Set<string>();
const serialised: string[] = [];

/** Starts a machine, records its distinct states, every snapshot and every inspector event (serialised), and the requests. */
function run(options: RunOptions) {
  const inspected: string[] = [];
  const inspector = createInspector({ send: (event) => inspected.push(JSON.stringify(event)) });
  const ports: SignInPorts = {
    cognito: createCognitoHttp({ endpoint: emulator.url, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    // The acceptance paths use identity-js's AuthenticationHelper (the reference); the rest the fast engine.
    srp: options.oracle === true ? createAuthenticationHelperSrp() : createFastSrp(),
    devices: options.devices ?? createMemoryDeviceStore(),
    retry: { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 },
    now: () => new Date(emulator.clock.now()),
    ...options.ports,
  };
  const password = options.password ?? DEMO_PASSWORD;
  secretsSeen.add(password);
  const actor = createActor(createSignInMachine(ports), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, restoreSession: false, deviceTracking: false, ...options.input },
    inspect: inspector.inspect,
  });
  const states: string[] = [];
  const requestsBefore = emulator.requests.length;
  actor.subscribe((snapshot) => {
    serialised.push(JSON.stringify(snapshot));
    collectSecrets(snapshot);
    const key = stateKey(snapshot.value);
    if (states.at(-1) !== key) states.push(key);
    const answer = options.user?.[key];
    if (answer && snapshot.hasTag('input') && snapshot.context.error === null) {
      queueMicrotask(() => {
        const event = answer(snapshot);
        if ('code' in event) secretsSeen.add(event.code.reveal());
        actor.send(event);
      });
    }
  });
  actor.start();
  return {
    actor,
    states,
    inspected,
    requests: () => emulator.requests.slice(requestsBefore).map((entry) => entry.target.replace('AWSCognitoIdentityProviderService.', '')),
    signIn: () => {
      actor.send({ type: 'credentials.submit', username: options.username, password: secret(password) });
    },
  };
}

/** Every secret value a snapshot holds, so the leak test knows what to look for. */
function collectSecrets(snapshot: Snapshot) {
  const { context } = snapshot;
  for (const value of [context.session, context.password, context.answer, context.newPassword, context.totpSetup?.secretCode, context.device?.devicePassword]) {
    if (value) secretsSeen.add(value.reveal());
  }
  if (context.tokens) {
    secretsSeen.add(context.tokens.idToken.reveal());
    secretsSeen.add(context.tokens.accessToken.reveal());
    if (context.tokens.refreshToken) secretsSeen.add(context.tokens.refreshToken.reveal());
  }
}

const code = (value: string): SignInEvent => ({ type: 'code.submit', code: secret(value) });

async function signedIn(flow: ReturnType<typeof run>) {
  flow.signIn();
  return waitFor(flow.actor, (s) => s.matches({ signedIn: 'active' }) || (s.matches('credentials') && s.context.error !== null));
}

describe('sign-in paths against the emulator', () => {
  it('SRP: IA → PASSWORD_VERIFIER → tokens in 2 requests', async () => {
    const flow = run({ oracle: true, username: fresh('srp-user') });
    const done = await signedIn(flow);
    expect(done.matches({ signedIn: 'active' })).toBe(true);
    expect(flow.states).toEqual(['credentials', 'initiatingAuth', 'PASSWORD_VERIFIER.responding', 'signedIn.active']);
    expect(flow.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(done.context.claims?.username).toMatch(/^srp-user-/);
  });

  it('SRP + SMS_MFA: the code from the outbox signs in, 3 requests', async () => {
    const username = fresh('sms-user');
    const flow = run({ oracle: true, username, user: { 'SMS_MFA.awaitingInput': () => code(lastCode(emulator, username)) } });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(flow.states).toEqual(['credentials', 'initiatingAuth', 'PASSWORD_VERIFIER.responding', 'SMS_MFA.awaitingInput', 'SMS_MFA.responding', 'signedIn.active']);
    expect(flow.requests()).toHaveLength(3);
  });

  it('SRP + SOFTWARE_TOKEN_MFA: an authenticator code signs in, 3 requests', async () => {
    const flow = run({ oracle: true, username: fresh('totp-user'), user: { 'SOFTWARE_TOKEN_MFA.awaitingInput': () => code(totpCode(DEMO_TOTP_SECRET, emulator)) } });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(flow.states).toEqual([
      'credentials',
      'initiatingAuth',
      'PASSWORD_VERIFIER.responding',
      'SOFTWARE_TOKEN_MFA.awaitingInput',
      'SOFTWARE_TOKEN_MFA.responding',
      'signedIn.active',
    ]);
    expect(flow.requests()).toHaveLength(3);
  });

  it('SRP + NEW_PASSWORD_REQUIRED: a new password and the required name attribute, 3 requests', async () => {
    let required: readonly string[] = [];
    const flow = run({
      oracle: true,
      username: fresh('newpass-user'),
      password: DEMO_TEMP_PASSWORD,
      user: {
        'NEW_PASSWORD_REQUIRED.awaitingInput': (snapshot) => {
          required = snapshot.context.requiredAttributes;
          secretsSeen.add(NEW_PASSWORD);
          return { type: 'newPassword.submit', password: secret(NEW_PASSWORD), attributes: { name: 'New Person' } };
        },
      },
    });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(required).toEqual(['name']);
    expect(flow.states.slice(2)).toEqual(['PASSWORD_VERIFIER.responding', 'NEW_PASSWORD_REQUIRED.awaitingInput', 'NEW_PASSWORD_REQUIRED.responding', 'signedIn.active']);
    expect(flow.requests()).toHaveLength(3);
  });

  it.each([
    ['SMS_MFA', (username: string) => code(lastCode(emulator, username))],
    ['SOFTWARE_TOKEN_MFA', () => code(totpCode(DEMO_SELECT_TOTP_SECRET, emulator))],
  ] as const)('SRP + SELECT_MFA_TYPE choosing %s, 4 requests', async (choice, answer) => {
    const username = fresh('select-user');
    const flow = run({
      oracle: true,
      username,
      user: {
        'SELECT_MFA_TYPE.awaitingInput': () => ({ type: 'mfaType.select', mfaType: choice }),
        [`${choice}.awaitingInput`]: () => answer(username),
      },
    });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(flow.states.slice(2)).toEqual([
      'PASSWORD_VERIFIER.responding',
      'SELECT_MFA_TYPE.awaitingInput',
      'SELECT_MFA_TYPE.responding',
      `${choice}.awaitingInput`,
      `${choice}.responding`,
      'signedIn.active',
    ]);
    expect(flow.requests()).toHaveLength(4);
  });

  it('SRP + MFA_SETUP: TOTP enrolment with the associated secret, 5 requests', async () => {
    const flow = run({
      oracle: true,
      username: fresh('setup-user'),
      user: {
        'MFA_SETUP.awaitingInput': (snapshot) => {
          const setup = snapshot.context.totpSetup;
          if (setup === null) throw new Error('no TOTP secret');
          return code(totpCode(setup.secretCode.reveal(), emulator));
        },
      },
    });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(flow.states.slice(2)).toEqual([
      'PASSWORD_VERIFIER.responding',
      'MFA_SETUP.associating.calling',
      'MFA_SETUP.awaitingInput',
      'MFA_SETUP.verifying',
      'MFA_SETUP.responding',
      'signedIn.active',
    ]);
    expect(flow.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge']);
  });

  it('SRP + EMAIL_OTP: the emailed code signs in, 3 requests', async () => {
    const username = fresh('email-user');
    const flow = run({ oracle: true, username, user: { 'EMAIL_OTP.awaitingInput': () => code(lastCode(emulator, username)) } });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(flow.states.slice(2)).toEqual(['PASSWORD_VERIFIER.responding', 'EMAIL_OTP.awaitingInput', 'EMAIL_OTP.responding', 'signedIn.active']);
    expect(flow.requests()).toHaveLength(3);
  });

  it.each([
    ['CUSTOM_AUTH', ['credentials', 'initiatingAuth', 'CUSTOM_CHALLENGE.awaitingInput', 'CUSTOM_CHALLENGE.responding', 'signedIn.active'], 2],
    ['CUSTOM_AUTH_SRP', ['credentials', 'initiatingAuth', 'PASSWORD_VERIFIER.responding', 'CUSTOM_CHALLENGE.awaitingInput', 'CUSTOM_CHALLENGE.responding', 'signedIn.active'], 3],
  ] as const)('%s: the trigger asks "What is 6 × 7?" and 42 signs in', async (authFlow, states, count) => {
    let question: string | undefined;
    const flow = run({
      oracle: true,
      username: fresh('custom-user'),
      input: { authFlow },
      user: {
        'CUSTOM_CHALLENGE.awaitingInput': (snapshot) => {
          question = snapshot.context.challengeParameters.question;
          return { type: 'customChallenge.submit', answer: secret('42') };
        },
      },
    });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(question).toBe('What is 6 × 7?');
    expect(flow.states).toEqual(states);
    expect(flow.requests()).toHaveLength(count);
  });

  it('USER_PASSWORD_AUTH: one request', async () => {
    const flow = run({ oracle: true, username: fresh('srp-user'), input: { authFlow: 'USER_PASSWORD_AUTH' } });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(flow.states).toEqual(['credentials', 'initiatingAuth', 'signedIn.active']);
    expect(flow.requests()).toEqual(['InitiateAuth']);
  });

  it('a remembered device answers DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER instead of MFA, 4 requests', async () => {
    const username = fresh('totp-user');
    const devices = createMemoryDeviceStore();
    const first = run({
      oracle: true,
      username,
      devices,
      input: { deviceTracking: true },
      user: {
        'SOFTWARE_TOKEN_MFA.awaitingInput': () => code(totpCode(DEMO_TOTP_SECRET, emulator)),
        'signedIn.rememberDevice': () => ({ type: 'device.remember', remember: true }),
      },
    });
    await signedIn(first);
    expect(first.states.slice(-4)).toEqual(['signedIn.confirmingDevice', 'signedIn.rememberDevice', 'signedIn.updatingDeviceStatus', 'signedIn.active']);
    expect(first.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'ConfirmDevice', 'UpdateDeviceStatus']);

    const second = run({ oracle: true, username, devices, input: { deviceTracking: true } });
    const done = await signedIn(second);
    expect(done.matches({ signedIn: 'active' })).toBe(true);
    expect(second.states).toEqual([
      'credentials',
      'initiatingAuth',
      'PASSWORD_VERIFIER.responding',
      'DEVICE_SRP_AUTH.responding',
      'DEVICE_PASSWORD_VERIFIER.responding',
      'signedIn.active',
    ]);
    expect(second.requests()).toHaveLength(4);
  });

  it('refresh: REFRESH_TOKEN_AUTH in one request keeps the session signed in', async () => {
    const flow = run({ oracle: true, username: fresh('srp-user') });
    await signedIn(flow);
    const before = flow.requests().length;
    flow.actor.send({ type: 'tokens.refresh' });
    const done = await waitFor(flow.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(flow.states.slice(-2)).toEqual(['signedIn.refreshing', 'signedIn.active']);
    expect(flow.requests().slice(before)).toEqual(['InitiateAuth']);
    expect(done.context.tokens?.refreshToken).not.toBeNull();
    expect(done.context.error).toBeNull();
  });

  it.each([['local', []]] as const)('sign-out (%s) drops the tokens', async (scope, requests) => {
    const flow = run({ oracle: true, username: fresh('srp-user') });
    await signedIn(flow);
    const before = flow.requests().length;
    flow.actor.send({ type: 'signOut', scope });
    const out = await waitFor(flow.actor, (s) => s.matches('signedOut'));
    expect(out.context.tokens).toBeNull();
    expect(out.context.error).toBeNull();
    expect(flow.requests().slice(before)).toEqual(requests);
  });
});

describe('faults', () => {
  it('a wrong code stays in SMS_MFA with CodeMismatchException; the right one then signs in', async () => {
    const username = fresh('sms-user');
    const flow = run({ username });
    flow.signIn();
    await waitFor(flow.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    flow.actor.send(code('013579'));
    const wrong = await waitFor(flow.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }) && s.context.error !== null);
    expect(wrong.context.error?.code).toBe('CodeMismatchException');
    flow.actor.send(code(lastCode(emulator, username)));
    await waitFor(flow.actor, (s) => s.matches('signedIn'));
  });

  it('an expired Session (emulator clock) leads to sessionExpired; restart keeps the username', async () => {
    const username = fresh('sms-user');
    const flow = run({ username });
    flow.signIn();
    await waitFor(flow.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    emulator.clock.advance(16 * 60);
    flow.actor.send(code(lastCode(emulator, username)));
    const expired = await waitFor(flow.actor, (s) => s.matches('sessionExpired'));
    expect(expired.context.session).toBeNull();
    flow.actor.send({ type: 'signIn.restart' });
    expect(flow.actor.getSnapshot().matches('credentials')).toBe(true);
    expect(flow.actor.getSnapshot().context.username).toBe(username);
  });

  it('a wrong password returns to credentials with NotAuthorizedException', async () => {
    const flow = run({ username: fresh('srp-user'), password: 'Wrong!Passw0rd' });
    const back = await signedIn(flow);
    expect(back.matches('credentials')).toBe(true);
    expect(back.context.error?.code).toBe('NotAuthorizedException');
    expect(back.context.password).toBeNull();
  });

  it('an unknown user returns to credentials with the same error as a wrong password', async () => {
    const flow = run({ username: 'nobody-here' });
    const back = await signedIn(flow);
    expect(back.matches('credentials')).toBe(true);
    expect(back.context.error?.code).toBe('NotAuthorizedException');
  });

  it('a network drop mid-step is retried and the sign-in completes with the protocol request count', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => {
      calls += 1;
      // The second request (PASSWORD_VERIFIER) fails before reaching the server, as a dropped connection does.
      if (calls === 2) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init);
    };
    const flow = run({ username: fresh('srp-user'), fetch: flaky });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(calls).toBe(3);
    expect(flow.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('a network that stays down surfaces NetworkError in the step after bounded retries', async () => {
    let down = false;
    let failed = 0;
    const cut: typeof fetch = (input, init) => {
      if (down) {
        failed += 1;
        return Promise.reject(new TypeError('fetch failed'));
      }
      return fetch(input, init);
    };
    const username = fresh('sms-user');
    const flow = run({ username, fetch: cut });
    flow.signIn();
    await waitFor(flow.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    down = true;
    flow.actor.send(code(lastCode(emulator, username)));
    const surfaced = await waitFor(flow.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }) && s.context.error !== null);
    expect(surfaced.context.error).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(failed).toBe(3);
    down = false;
    flow.actor.send(code(lastCode(emulator, username)));
    await waitFor(flow.actor, (s) => s.matches('signedIn'));
  });

  it('a double submit sends one request', async () => {
    const username = fresh('email-user');
    const flow = run({ username });
    flow.signIn();
    flow.signIn();
    await waitFor(flow.actor, (s) => s.matches({ EMAIL_OTP: 'awaitingInput' }));
    const otp = lastCode(emulator, username);
    flow.actor.send(code(otp));
    flow.actor.send(code(otp));
    await waitFor(flow.actor, (s) => s.matches('signedIn'));
    expect(flow.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
  });

  it.each([
    ['SMS_MFA', 'sms-user', {}],
    ['SOFTWARE_TOKEN_MFA', 'totp-user', {}],
    ['EMAIL_OTP', 'email-user', {}],
    ['SELECT_MFA_TYPE', 'select-user', {}],
    ['MFA_SETUP', 'setup-user', {}],
    ['NEW_PASSWORD_REQUIRED', 'newpass-user', {}],
    ['CUSTOM_CHALLENGE', 'custom-user', { authFlow: 'CUSTOM_AUTH' }],
  ] as const)('cancel in %s returns to credentials, drops the Session and a new sign-in works', async (state, base, input) => {
    const flow = run({ username: fresh(base), input, password: base === 'newpass-user' ? DEMO_TEMP_PASSWORD : DEMO_PASSWORD });
    flow.signIn();
    await waitFor(flow.actor, (s) => s.matches({ [state]: 'awaitingInput' }));
    flow.actor.send({ type: 'signIn.cancel' });
    const snapshot = flow.actor.getSnapshot();
    expect(snapshot.matches('credentials')).toBe(true);
    expect(snapshot.context.session).toBeNull();
    expect(snapshot.context.totpSetup).toBeNull();
    flow.signIn();
    await waitFor(flow.actor, (s) => s.matches({ [state]: 'awaitingInput' }));
  });

  it('a stale device is dropped and PASSWORD_VERIFIER is answered again without it', async () => {
    const username = fresh('srp-user');
    const devices = createMemoryDeviceStore();
    const stale = { deviceKey: 'us-east-1_00000000-0000-4000-8000-000000000000', deviceGroupKey: 'stale', devicePassword: secret('stale-device-password') };
    secretsSeen.add('stale-device-password');
    devices.set(DEMO_CLIENT_ID, username, stale);
    const flow = run({ username, devices });
    const done = await signedIn(flow);
    expect(done.matches('signedIn')).toBe(true);
    expect(done.context.device).toBeNull();
    expect(flow.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
  });
});

describe('redaction', () => {
  it('no snapshot or inspector event of any path above contains a password, Session, token, code or secret', async () => {
    const flow = run({ username: fresh('totp-user'), user: { 'SOFTWARE_TOKEN_MFA.awaitingInput': () => code(totpCode(DEMO_TOTP_SECRET, emulator)) } });
    await signedIn(flow);
    await vi.waitFor(() => {
      expect(flow.inspected.some((event) => event.includes('"signedIn"'))).toBe(true);
    });
    const texts = [...serialised, ...flow.inspected];
    expect(texts.length).toBeGreaterThan(50);
    const values = [...secretsSeen, DEMO_TOTP_SECRET].filter((value) => value.length >= 6);
    expect(values.length).toBeGreaterThan(10);
    for (const text of texts) for (const value of values) expect(text.includes(value), `leaked ${value.slice(0, 4)}…`).toBe(false);
    expect(texts.some((text) => text.includes('[redacted]'))).toBe(true);
  });
});
