// The sign-in machine with its real adapters (HTTP transport, identity-js SRP) against the emulator over loopback;
// what follows its tokens (device, refresh, sign-out) through the session machine that invokes it.
import { createInspector } from '@statelyai/inspect';
import { nodeSignIn } from '../../examples/node-sign-in.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getShortestPaths } from '@xstate/graph';
import { createActor, waitFor, type AnyEventObject, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import { createSessionMachine } from '../../machines/createSessionMachine.ts';
import { createSignInMachine } from '../../machines/createSignInMachine.ts';
import type { DeviceStore, SessionPorts, WebAuthnPort } from '../../machines/ports.ts';
import { CognitoServiceError } from '../../machines/errors.ts';
import type { ChallengeName } from '../../machines/protocol.ts';
import { Secret, secret } from '../../machines/secret.ts';
import type { SessionMachine } from '../../machines/session.machine.ts';
import { assertAttempt } from '../../machines/signIn.attempt.ts';
import { signInMachine, type SignInMachine } from '../../machines/signIn.machine.ts';
import type { SessionEvent, SessionInput } from '../../machines/session.types.ts';
import type { AuthOutcome, SignInContext, SignInEvent, SignInInput, TokenSet } from '../../machines/types.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../../src/adapters/deviceStore.ts';
import { createMemoryTokenStore } from '../../src/adapters/tokenStore.ts';
import { createAuthenticationHelperSrp } from '../../src/adapters/srp.ts';
import { createFastSrp } from '../../src/adapters/srpFast.ts';
import { containsSecret } from './containsSecret.ts';
import type { EmulatorConfig, UserSeed } from '../emulator/config.ts';
import {
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_POOL_ID,
  DEMO_SELECT_TOTP_SECRET,
  DEMO_TEMP_PASSWORD,
  DEMO_TOTP_SECRET,
  demoPool,
} from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { SoftAuthenticator } from '../emulator/softAuthenticator.ts';
import { lastCode, totpCode } from '../emulator/testHelpers.ts';
import { softWebAuthnPort } from './softWebAuthnPort.ts';

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

/** `PASSWORD_VERIFIER.responding`, `done`, `credentials` (and the session's `signedIn.active`). */
function stateKey(value: Snapshot['value'] | SnapshotFrom<SessionMachine>['value']): string {
  if (typeof value === 'string') return value;
  const [[name, child] = ['', '']] = Object.entries(value);
  return child === undefined ? name : `${name}.${stateKey(child as Snapshot['value'])}`;
}

/** What the user does when the machine waits for input, keyed by state. */
type User = Partial<Record<string, (snapshot: Snapshot) => SignInEvent>>;

interface RunOptions {
  readonly username: string;
  readonly password?: string;
  readonly input?: Partial<SessionInput>;
  readonly devices?: DeviceStore;
  readonly user?: User;
  /** What the user answers the session's own questions ("Remember this device?"), keyed by session state. */
  readonly sessionUser?: Partial<Record<string, () => SessionEvent>>;
  readonly fetch?: typeof fetch;
  readonly ports?: Partial<SessionPorts>;
  readonly oracle?: boolean;
}

const secretsSeen = new Set<string>();
const serialised: string[] = [];

/** Starts a machine, records its distinct states, every snapshot and every inspector event (serialised), and the requests. */
function run(options: RunOptions) {
  const inspected: string[] = [];
  const inspector = createInspector({ send: (event) => inspected.push(JSON.stringify(event)) });
  const ports = flowPorts(options);
  const password = options.password ?? DEMO_PASSWORD;
  secretsSeen.add(password);
  const actor = createActor(createSignInMachine(ports), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, deviceTracking: false, ...options.input },
    inspect: inspector.inspect,
  });
  const states: string[] = [];
  const requestsBefore = emulator.requests.length;
  actor.subscribe(answering(options, actor, states));
  actor.start();
  return {
    actor,
    states,
    inspected,
    requests: () => requestsSince(requestsBefore),
    signIn: () => {
      actor.send({ type: 'credentials.submit', username: options.username, password: secret(password) });
    },
  };
}

/**
 * The same through the session machine (what a widget runs): `states` are the session's, `signInStates` its
 * sign-in child's; the user answers either one's waiting states.
 */
function runSession(options: RunOptions) {
  const ports = flowPorts(options);
  const password = options.password ?? DEMO_PASSWORD;
  secretsSeen.add(password);
  const actor = createActor(createSessionMachine(ports), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, deviceTracking: false, ...options.input },
  });
  const states: string[] = [];
  const signInStates: string[] = [];
  const children = new Set<unknown>();
  const requestsBefore = emulator.requests.length;
  actor.subscribe((snapshot) => {
    const key = stateKey(snapshot.value);
    if (states.at(-1) !== key) states.push(key);
    const answer = options.sessionUser?.[key];
    if (answer && snapshot.hasTag('input') && snapshot.context.error === null) {
      queueMicrotask(() => {
        actor.send(answer());
      });
    }
    const child = snapshot.children.signIn;
    if (child !== undefined && !children.has(child)) {
      children.add(child);
      child.subscribe(answering(options, child, signInStates));
    }
  });
  actor.start();
  return {
    actor,
    states,
    signInStates,
    requests: () => requestsSince(requestsBefore),
    signIn: () => {
      actor.send({ type: 'credentials.submit', username: options.username, password: secret(password) });
    },
  };
}

/** A session signed in (or back at credentials with an error). */
async function sessionSignedIn(flow: ReturnType<typeof runSession>) {
  await waitFor(flow.actor, (s) => !s.matches('restoring'));
  flow.signIn();
  return waitFor(
    flow.actor,
    (s) =>
      s.matches({ signedIn: 'active' }) ||
      s.matches({ signedIn: 'rememberDevice' }) ||
      (s.children.signIn?.getSnapshot().matches('credentials') === true &&
        s.children.signIn.getSnapshot().context.error !== null),
  );
}

function requestsSince(before: number): string[] {
  return emulator.requests.slice(before).map((entry) => entry.target.replace('AWSCognitoIdentityProviderService.', ''));
}

/** Records a sign-in actor's distinct states, snapshots and secrets; answers its waiting states as the user would. */
function answering(options: RunOptions, actor: { send(event: SignInEvent): void }, states: string[]) {
  return (snapshot: Snapshot) => {
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
  };
}

function flowPorts(options: RunOptions): SessionPorts {
  return {
    cognito: createCognitoHttp({ endpoint: emulator.url, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    // The acceptance paths use identity-js's AuthenticationHelper (the reference); the rest the fast engine.
    srp: options.oracle === true ? createAuthenticationHelperSrp() : createFastSrp(),
    devices: options.devices ?? createMemoryDeviceStore(),
    retry: { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 },
    now: () => new Date(emulator.clock.now()),
    ...options.ports,
  };
}

/** Every secret value a snapshot holds, so the leak test knows what to look for. */
function collectSecrets(snapshot: Snapshot) {
  const { attempt, device } = snapshot.context;
  const held: unknown[] = [device?.devicePassword];
  if ('session' in attempt) held.push(attempt.session);
  if ('password' in attempt) held.push(attempt.password);
  if ('credential' in attempt) held.push(attempt.credential);
  if (attempt.kind === 'MFA_SETUP') held.push(attempt.totpSetup?.secretCode);
  if (attempt.kind === 'signedIn') {
    held.push(attempt.tokens.idToken, attempt.tokens.accessToken, attempt.tokens.refreshToken);
  }
  for (const value of held) if (value instanceof Secret) secretsSeen.add(String(value.reveal()));
}

const code = (value: string): SignInEvent => ({ type: 'code.submit', code: secret(value) });

async function signedIn(flow: ReturnType<typeof run>) {
  flow.signIn();
  return waitFor(flow.actor, (s) => s.status === 'done' || (s.matches('credentials') && s.context.error !== null));
}

describe('sign-in paths against the emulator', () => {
  it('SRP: IA → PASSWORD_VERIFIER → tokens in 2 requests', async () => {
    const flow = run({ oracle: true, username: fresh('srp-user') });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(flow.states).toEqual(['credentials', 'initiatingAuth', 'PASSWORD_VERIFIER.responding', 'done']);
    expect(flow.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(done.output?.claims.username).toMatch(/^srp-user-/);
  });

  it('SRP + SMS_MFA: the code from the outbox signs in, 3 requests', async () => {
    const username = fresh('sms-user');
    const flow = run({
      oracle: true,
      username,
      user: { 'SMS_MFA.awaitingInput': () => code(lastCode(emulator, username)) },
    });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(flow.states).toEqual([
      'credentials',
      'initiatingAuth',
      'PASSWORD_VERIFIER.responding',
      'SMS_MFA.awaitingInput',
      'SMS_MFA.responding',
      'done',
    ]);
    expect(flow.requests()).toHaveLength(3);
  });

  it('SRP + SOFTWARE_TOKEN_MFA: an authenticator code signs in, 3 requests', async () => {
    const flow = run({
      oracle: true,
      username: fresh('totp-user'),
      user: { 'SOFTWARE_TOKEN_MFA.awaitingInput': () => code(totpCode(DEMO_TOTP_SECRET, emulator)) },
    });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(flow.states).toEqual([
      'credentials',
      'initiatingAuth',
      'PASSWORD_VERIFIER.responding',
      'SOFTWARE_TOKEN_MFA.awaitingInput',
      'SOFTWARE_TOKEN_MFA.responding',
      'done',
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
          required = assertAttempt(snapshot.context.attempt, 'NEW_PASSWORD_REQUIRED').requiredAttributes;
          secretsSeen.add(NEW_PASSWORD);
          return { type: 'newPassword.submit', password: secret(NEW_PASSWORD), attributes: { name: 'New Person' } };
        },
      },
    });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(required).toEqual(['name']);
    expect(flow.states.slice(2)).toEqual([
      'PASSWORD_VERIFIER.responding',
      'NEW_PASSWORD_REQUIRED.awaitingInput',
      'NEW_PASSWORD_REQUIRED.responding',
      'done',
    ]);
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
    expect(done.matches('done')).toBe(true);
    expect(flow.states.slice(2)).toEqual([
      'PASSWORD_VERIFIER.responding',
      'SELECT_MFA_TYPE.awaitingInput',
      'SELECT_MFA_TYPE.responding',
      `${choice}.awaitingInput`,
      `${choice}.responding`,
      'done',
    ]);
    expect(flow.requests()).toHaveLength(4);
  });

  it('SRP + MFA_SETUP: TOTP enrolment with the associated secret, 5 requests', async () => {
    const flow = run({
      oracle: true,
      username: fresh('setup-user'),
      user: {
        'MFA_SETUP.awaitingInput': (snapshot) => {
          const setup = assertAttempt(snapshot.context.attempt, 'MFA_SETUP').totpSetup;
          if (setup === null) throw new Error('no TOTP secret');
          return code(totpCode(setup.secretCode.reveal(), emulator));
        },
      },
    });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(flow.states.slice(2)).toEqual([
      'PASSWORD_VERIFIER.responding',
      'MFA_SETUP.associating.calling',
      'MFA_SETUP.awaitingInput',
      'MFA_SETUP.verifying',
      'MFA_SETUP.responding',
      'done',
    ]);
    expect(flow.requests()).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
    ]);
  });

  it('SRP + EMAIL_OTP: the emailed code signs in, 3 requests', async () => {
    const username = fresh('email-user');
    const flow = run({
      oracle: true,
      username,
      user: { 'EMAIL_OTP.awaitingInput': () => code(lastCode(emulator, username)) },
    });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(flow.states.slice(2)).toEqual([
      'PASSWORD_VERIFIER.responding',
      'EMAIL_OTP.awaitingInput',
      'EMAIL_OTP.responding',
      'done',
    ]);
    expect(flow.requests()).toHaveLength(3);
  });

  it.each([
    [
      'CUSTOM_AUTH',
      ['credentials', 'initiatingAuth', 'CUSTOM_CHALLENGE.awaitingInput', 'CUSTOM_CHALLENGE.responding', 'done'],
      2,
    ],
    [
      'CUSTOM_AUTH_SRP',
      [
        'credentials',
        'initiatingAuth',
        'PASSWORD_VERIFIER.responding',
        'CUSTOM_CHALLENGE.awaitingInput',
        'CUSTOM_CHALLENGE.responding',
        'done',
      ],
      3,
    ],
  ] as const)('%s: the trigger asks "What is 6 × 7?" and 42 signs in', async (authFlow, states, count) => {
    let question: string | undefined;
    const flow = run({
      oracle: true,
      username: fresh('custom-user'),
      input: { authFlow },
      user: {
        'CUSTOM_CHALLENGE.awaitingInput': (snapshot) => {
          question = assertAttempt(snapshot.context.attempt, 'CUSTOM_CHALLENGE').challengeParameters.question;
          return { type: 'customChallenge.submit', answer: secret('42') };
        },
      },
    });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(question).toBe('What is 6 × 7?');
    expect(flow.states).toEqual(states);
    expect(flow.requests()).toHaveLength(count);
  });

  it('USER_PASSWORD_AUTH: one request', async () => {
    const flow = run({ oracle: true, username: fresh('srp-user'), input: { authFlow: 'USER_PASSWORD_AUTH' } });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(flow.states).toEqual(['credentials', 'initiatingAuth', 'done']);
    expect(flow.requests()).toEqual(['InitiateAuth']);
  });

  it('a remembered device answers DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER instead of MFA, 4 requests', async () => {
    const username = fresh('totp-user');
    const devices = createMemoryDeviceStore();
    const first = runSession({
      oracle: true,
      username,
      devices,
      input: { deviceTracking: true },
      user: { 'SOFTWARE_TOKEN_MFA.awaitingInput': () => code(totpCode(DEMO_TOTP_SECRET, emulator)) },
      sessionUser: { 'signedIn.rememberDevice': () => ({ type: 'device.remember', remember: true }) },
    });
    await sessionSignedIn(first);
    await waitFor(first.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(first.signInStates.at(-1)).toBe('done');
    expect(first.states.slice(-4)).toEqual([
      'signedIn.confirmingDevice',
      'signedIn.rememberDevice',
      'signedIn.updatingDeviceStatus',
      'signedIn.active',
    ]);
    expect(first.requests()).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'RespondToAuthChallenge',
      'ConfirmDevice',
      'UpdateDeviceStatus',
    ]);

    const second = run({ oracle: true, username, devices, input: { deviceTracking: true } });
    const done = await signedIn(second);
    expect(done.matches('done')).toBe(true);
    expect(second.states).toEqual([
      'credentials',
      'initiatingAuth',
      'PASSWORD_VERIFIER.responding',
      'DEVICE_SRP_AUTH.responding',
      'DEVICE_PASSWORD_VERIFIER.responding',
      'done',
    ]);
    expect(second.requests()).toHaveLength(4);
  });

  it('refresh: REFRESH_TOKEN_AUTH in one request keeps the session signed in', async () => {
    const flow = runSession({ oracle: true, username: fresh('srp-user'), input: { refresh: 'legacy' } });
    await sessionSignedIn(flow);
    const before = flow.requests().length;
    flow.actor.send({ type: 'tokens.refresh' });
    const done = await waitFor(flow.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(flow.states.slice(-2)).toEqual(['signedIn.refreshing', 'signedIn.active']);
    expect(flow.requests().slice(before)).toEqual(['InitiateAuth']);
    expect(done.context.tokens?.refreshToken).not.toBeNull();
    expect(done.context.error).toBeNull();
  });

  it.each([
    ['revoke', ['RevokeToken']],
    ['global', ['GlobalSignOut']],
    ['local', []],
  ] as const)('sign-out (%s) drops the tokens', async (scope, requests) => {
    const flow = runSession({ oracle: true, username: fresh('srp-user') });
    await sessionSignedIn(flow);
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
    await waitFor(flow.actor, (s) => s.matches('done'));
  });

  it('an expired Session (emulator clock) leads to sessionExpired; restart keeps the username', async () => {
    const username = fresh('sms-user');
    const flow = run({ username });
    flow.signIn();
    await waitFor(flow.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    emulator.clock.advance(16 * 60);
    flow.actor.send(code(lastCode(emulator, username)));
    const expired = await waitFor(flow.actor, (s) => s.matches('sessionExpired'));
    expect(expired.context.attempt).toEqual({ kind: 'none' });
    flow.actor.send({ type: 'signIn.restart' });
    expect(flow.actor.getSnapshot().matches('credentials')).toBe(true);
    expect(flow.actor.getSnapshot().context.username).toBe(username);
  });

  it('a wrong password returns to credentials with NotAuthorizedException', async () => {
    const flow = run({ username: fresh('srp-user'), password: 'Wrong!Passw0rd' });
    const back = await signedIn(flow);
    expect(back.matches('credentials')).toBe(true);
    expect(back.context.error?.code).toBe('NotAuthorizedException');
    expect(back.context.attempt).toEqual({ kind: 'none' });
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
    expect(done.matches('done')).toBe(true);
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
    const surfaced = await waitFor(
      flow.actor,
      (s) => s.matches({ SMS_MFA: 'awaitingInput' }) && s.context.error !== null,
    );
    expect(surfaced.context.error).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(failed).toBe(3);
    down = false;
    flow.actor.send(code(lastCode(emulator, username)));
    await waitFor(flow.actor, (s) => s.matches('done'));
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
    await waitFor(flow.actor, (s) => s.matches('done'));
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
  ] as const)(
    'cancel in %s returns to credentials, drops the Session and a new sign-in works',
    async (state, base, input) => {
      const flow = run({
        username: fresh(base),
        input,
        password: base === 'newpass-user' ? DEMO_TEMP_PASSWORD : DEMO_PASSWORD,
      });
      flow.signIn();
      await waitFor(flow.actor, (s) => s.matches({ [state]: 'awaitingInput' }));
      flow.actor.send({ type: 'signIn.cancel' });
      const snapshot = flow.actor.getSnapshot();
      expect(snapshot.matches('credentials')).toBe(true);
      // No Session and no TOTP secret are left.
      expect(snapshot.context.attempt).toEqual({ kind: 'none' });
      flow.signIn();
      await waitFor(flow.actor, (s) => s.matches({ [state]: 'awaitingInput' }));
    },
  );

  it('a stale device is dropped and PASSWORD_VERIFIER is answered again without it', async () => {
    const username = fresh('srp-user');
    const devices = createMemoryDeviceStore();
    const stale = {
      deviceKey: 'us-east-1_00000000-0000-4000-8000-000000000000',
      deviceGroupKey: 'stale',
      devicePassword: secret('stale-device-password'),
    };
    secretsSeen.add('stale-device-password');
    devices.set(DEMO_CLIENT_ID, username, stale);
    const flow = run({ username, devices });
    const done = await signedIn(flow);
    expect(done.matches('done')).toBe(true);
    expect(done.context.device).toBeNull();
    expect(flow.requests()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
  });
});

describe('redaction', () => {
  it('no snapshot or inspector event of any path above contains a password, Session, token, code or secret', async () => {
    const flow = run({
      username: fresh('totp-user'),
      user: { 'SOFTWARE_TOKEN_MFA.awaitingInput': () => code(totpCode(DEMO_TOTP_SECRET, emulator)) },
    });
    await signedIn(flow);
    await vi.waitFor(() => {
      expect(flow.inspected.some((event) => event.includes('"done"'))).toBe(true);
    });
    const texts = [...serialised, ...flow.inspected];
    expect(texts.length).toBeGreaterThan(50);
    const values = [...secretsSeen, DEMO_TOTP_SECRET].filter((value) => value.length >= 6);
    expect(values.length).toBeGreaterThan(10);
    for (const text of texts)
      for (const value of values) expect(containsSecret(text, value), `leaked ${value.slice(0, 4)}…`).toBe(false);
    expect(texts.some((text) => text.includes('[redacted]'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Model-based: @xstate/graph walks the machine itself, with an oracle standing in for the server's answers (what the
// emulator does for each demo user). Every stable state is reached by a shortest path, and each path is then replayed
// with real adapters against the emulator, which must walk the very same states.

/** Abstract users of the model → the demo user the emulator seeds (device-user = totp-user with a remembered device). */
const MODEL_USERS = [
  'srp-user',
  'sms-user',
  'totp-user',
  'newpass-user',
  'setup-user',
  'select-user',
  'email-user',
  'custom-user',
  'device-user',
] as const;
type ModelUser = (typeof MODEL_USERS)[number];

function isModelUser(value: string): value is ModelUser {
  return (MODEL_USERS as readonly string[]).includes(value);
}

const fakeTokens = (): TokenSet => ({
  idToken: secret('id'),
  accessToken: secret('access'),
  refreshToken: secret('refresh'),
  expiresAt: Date.now() + 3_600_000,
});
const fakeClaims = {
  sub: null,
  username: null,
  email: null,
  phoneNumber: null,
  groups: [],
  authTime: null,
  expiresAt: null,
};
const tokensOutcome = (newDevice: boolean): AuthOutcome => ({
  step: {
    kind: 'tokens',
    tokens: fakeTokens(),
    claims: fakeClaims,
    newDevice: newDevice ? { deviceKey: 'k', deviceGroupKey: 'g' } : null,
  },
  srp: null,
});
const challengeOutcome = (
  challengeName: ChallengeName,
  challengeParameters: Record<string, string> = {},
): AuthOutcome => ({
  step: { kind: 'challenge', challengeName, challengeParameters, session: secret('s'), availableChallenges: [] },
  srp:
    challengeName === 'PASSWORD_VERIFIER' || challengeName === 'DEVICE_PASSWORD_VERIFIER'
      ? { srpA: 'a', a: secret('a') }
      : null,
});
const fakeDevice = { deviceKey: 'k', deviceGroupKey: 'g', devicePassword: secret('d') };

/** What PASSWORD_VERIFIER leads to for each demo user. */
const AFTER_PASSWORD: Record<ModelUser, (tracking: boolean) => AuthOutcome> = {
  'srp-user': (tracking) => tokensOutcome(tracking),
  'sms-user': () => challengeOutcome('SMS_MFA'),
  'totp-user': () => challengeOutcome('SOFTWARE_TOKEN_MFA'),
  'newpass-user': () => challengeOutcome('NEW_PASSWORD_REQUIRED', { requiredAttributes: '["userAttributes.name"]' }),
  'setup-user': () => challengeOutcome('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }),
  'select-user': () => challengeOutcome('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }),
  'email-user': () => challengeOutcome('EMAIL_OTP'),
  'custom-user': () => challengeOutcome('CUSTOM_CHALLENGE'),
  'device-user': () => challengeOutcome('DEVICE_SRP_AUTH'),
};

type ModelSnapshot = SnapshotFrom<AnyStateMachine>;
const done = (id: string, output: unknown): AnyEventObject => ({ type: `xstate.done.actor.${id}`, output });
const failed = (id: string, error: unknown): AnyEventObject => ({ type: `xstate.error.actor.${id}`, error });
const expiredSession = new CognitoServiceError({
  code: 'NotAuthorizedException',
  retryable: false,
  detail: 'Invalid session for the user, session is expired.',
});

/** The input a running request was invoked with (what the user picked or typed reaches only the request). */
function runningInput(snapshot: ModelSnapshot, id: string): Record<string, unknown> {
  const children: unknown = snapshot.children;
  const child: unknown = isRecord(children) ? children[id] : undefined;
  // Every request the sign-in machine invokes is a promise actor, whose snapshot keeps its input.
  const running = hasSnapshot(child) ? child.getSnapshot() : undefined;
  return isRecord(running) && isRecord(running.input) ? running.input : {};
}

function hasSnapshot(value: unknown): value is { getSnapshot(): unknown } {
  return isRecord(value) && typeof value.getSnapshot === 'function';
}

/** The code or answer a running request sends, revealed so the model tells a right code from a late one. */
function typedAnswer(snapshot: ModelSnapshot, id: string): string | undefined {
  const { answer, code } = runningInput(snapshot, id);
  const sent = answer ?? code;
  return sent instanceof Secret ? String(sent.reveal()) : undefined;
}

/** The server as the model sees it: one answer per running actor, from the user and the context. */
function serverAnswers(snapshot: ModelSnapshot): AnyEventObject[] {
  const context = snapshot.context as SignInContext;
  const user = isModelUser(context.username) ? context.username : 'srp-user';
  const answers: AnyEventObject[] = [];
  const running: unknown = snapshot.children;
  for (const id of Object.keys(isRecord(running) ? running : {})) {
    switch (id) {
      case 'initiateAuth':
        if (context.authFlow === 'USER_PASSWORD_AUTH') answers.push(done(id, tokensOutcome(false)));
        else if (context.authFlow === 'CUSTOM_AUTH') answers.push(done(id, challengeOutcome('CUSTOM_CHALLENGE')));
        else if (context.authFlow === 'USER_AUTH' && context.preferredChallenge === 'SMS_OTP')
          answers.push(done(id, challengeOutcome('SMS_OTP')));
        else if (context.authFlow === 'USER_AUTH' && context.preferredChallenge === null)
          answers.push(
            done(id, {
              ...challengeOutcome('SELECT_CHALLENGE'),
              step: {
                ...challengeOutcome('SELECT_CHALLENGE').step,
                availableChallenges: ['PASSWORD_SRP', 'WEB_AUTHN'],
              },
            }),
          );
        else
          answers.push(
            done(id, { ...challengeOutcome('PASSWORD_VERIFIER'), device: user === 'device-user' ? fakeDevice : null }),
          );
        break;
      case 'respondToPasswordVerifier':
        answers.push(done(id, AFTER_PASSWORD[user](context.deviceTracking)));
        break;
      case 'respondToSelectChallenge':
        answers.push(
          done(
            id,
            runningInput(snapshot, id).challenge === 'WEB_AUTHN'
              ? {
                  ...challengeOutcome('WEB_AUTHN'),
                  step: { ...challengeOutcome('WEB_AUTHN').step, credentialRequestOptions: secret('{}') },
                }
              : challengeOutcome('PASSWORD_VERIFIER'),
          ),
        );
        break;
      case 'getWebAuthnCredential':
        // The user lets the passkey sign, or closes the dialog.
        answers.push(done(id, secret('assertion')));
        answers.push(failed(id, Object.assign(new Error('closed'), { name: 'NotAllowedError' })));
        break;
      case 'respondToSelectMfaType':
        answers.push(
          done(
            id,
            challengeOutcome(
              runningInput(snapshot, id).mfaType === 'SOFTWARE_TOKEN_MFA' ? 'SOFTWARE_TOKEN_MFA' : 'SMS_MFA',
            ),
          ),
        );
        break;
      case 'associateSoftwareToken':
        answers.push(done(id, { secretCode: secret('x'), session: secret('s') }));
        break;
      case 'verifySoftwareToken':
        answers.push(
          typedAnswer(snapshot, id) === 'late' ? failed(id, expiredSession) : done(id, { session: secret('s') }),
        );
        break;
      case 'respondToDeviceSrpAuth':
        answers.push(done(id, challengeOutcome('DEVICE_PASSWORD_VERIFIER')));
        break;
      default:
        // A code answered after the Session expired dies; any other answer signs in.
        answers.push(
          typedAnswer(snapshot, id) === 'late'
            ? failed(id, expiredSession)
            : done(id, tokensOutcome(context.deviceTracking)),
        );
    }
  }
  return answers;
}

/** What the modelled user can do (events that do not apply in a state are simply no transition). */
function userEvents(snapshot: ModelSnapshot): AnyEventObject[] {
  const context = snapshot.context as SignInContext;
  const users: readonly ModelUser[] =
    context.authFlow === 'CUSTOM_AUTH'
      ? ['custom-user']
      : context.authFlow === 'USER_SRP_AUTH'
        ? MODEL_USERS
        : context.authFlow === 'USER_AUTH' && context.preferredChallenge === 'SMS_OTP'
          ? ['sms-user']
          : // USER_PASSWORD_AUTH signs srp-user in at once; choice-based sign-in offers srp-user a passkey.
            ['srp-user'];
  return [
    ...users.map((username) => ({ type: 'credentials.submit', username, password: secret('model') })),
    { type: 'code.submit', code: secret('right') },
    { type: 'code.submit', code: secret('late') },
    { type: 'challenge.select', challenge: 'WEB_AUTHN' },
    { type: 'webAuthn.retry' },
    { type: 'mfaType.select', mfaType: 'SMS_MFA' },
    { type: 'mfaType.select', mfaType: 'SOFTWARE_TOKEN_MFA' },
    { type: 'newPassword.submit', password: secret('new'), attributes: { name: 'Model' } },
    { type: 'customChallenge.submit', answer: secret('42') },
    { type: 'signIn.restart' },
  ];
}

const MODEL_INPUTS: readonly Partial<SignInInput>[] = [
  { authFlow: 'USER_SRP_AUTH', deviceTracking: false },
  { authFlow: 'USER_SRP_AUTH', deviceTracking: true },
  { authFlow: 'USER_PASSWORD_AUTH' },
  { authFlow: 'CUSTOM_AUTH' },
  { authFlow: 'USER_AUTH', preferredChallenge: 'SMS_OTP' },
  // Choice-based sign-in: SELECT_CHALLENGE, then a passkey (the replay registers one first).
  { authFlow: 'USER_AUTH', preferredChallenge: null },
];

interface ModelPath {
  readonly input: Partial<SignInInput>;
  readonly states: readonly string[];
  /** Each event with the state the model was in when it happened. */
  readonly events: readonly { readonly from: string; readonly event: AnyEventObject }[];
}

/** The state plus the context that decides what happens next, so each user's walk is explored. */
function modelKey(snapshot: ModelSnapshot): string {
  const context = snapshot.context as SignInContext;
  return [
    stateKey(snapshot.value as Snapshot['value']),
    context.username,
    // What the user chose or typed travels in the running request's input, not in context.
    ...Object.keys(isRecord(snapshot.children) ? snapshot.children : {}).map((id) => {
      const input = runningInput(snapshot, id);
      return [input.challenge, input.mfaType, typedAnswer(snapshot, id)]
        .map((part) => (typeof part === 'string' ? part : ''))
        .join(',');
    }),
  ].join('|');
}

function modelPaths(): ModelPath[] {
  const logic: AnyStateMachine = signInMachine;
  const byState = new Map<string, ModelPath>();
  for (const input of MODEL_INPUTS) {
    const paths = getShortestPaths(logic, {
      input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, deviceTracking: false, ...input },
      serializeState: modelKey,
      // Secrets print as [redacted]; the model must still tell a right code from a late one.
      serializeEvent: (event: unknown) =>
        JSON.stringify(
          Object.entries(isRecord(event) ? event : {}).map(([key, value]) => [
            key,
            value instanceof Secret ? String(value.reveal()) : value,
          ]),
        ),
      events: (snapshot) => [...serverAnswers(snapshot), ...userEvents(snapshot)],
    });
    for (const path of paths) {
      const states: string[] = [];
      const events: { from: string; event: AnyEventObject }[] = [];
      for (const step of path.steps) {
        const from = states.at(-1) ?? '';
        const event: unknown = step.event;
        if (!isEventObject(event)) throw new Error('a path step without an event');
        events.push({ from, event });
        const key = stateKey(step.state.value as Snapshot['value']);
        if (from !== key) states.push(key);
      }
      const target = states.at(-1) ?? '';
      const known = byState.get(target);
      if (
        !known ||
        known.states.length > states.length ||
        (known.states.length === states.length && known.events.length > events.length)
      ) {
        byState.set(target, { input, states, events });
      }
    }
  }
  return [...byState.values()];
}

/** Every state the machine can rest in (leaves, minus the eventless routing states). */
function stableStates(node: AnyStateMachine['root'], prefix = ''): string[] {
  const children = Object.values(node.states);
  if (children.length === 0) return [prefix];
  return children.flatMap((child) => {
    const path = prefix === '' ? child.key : `${prefix}.${child.key}`;
    if (child.always !== undefined && child.always.length > 0) return [];
    return stableStates(child, path);
  });
}

const paths = modelPaths();

describe('model-based paths (@xstate/graph) replayed against the emulator', () => {
  it('reach every state of the machine', () => {
    const reached = new Set(paths.flatMap((path) => path.states));
    const logic: AnyStateMachine = signInMachine;
    const missing = stableStates(logic.root).filter((state) => !reached.has(state));
    expect(missing).toEqual([]);
  });

  it.each(paths.map((path) => [path.states.at(-1) ?? '', path] as const))(
    'reaches %s on the emulator along the modelled states',
    async (_target, path) => {
      const model = path.events.find(({ event }) => event.type === 'credentials.submit')?.event;
      const modelUser =
        typeof model?.username === 'string' && isModelUser(model.username) ? model.username : 'srp-user';
      const username = fresh(modelUser === 'device-user' ? 'totp-user' : modelUser);
      const devices = createMemoryDeviceStore();
      if (modelUser === 'device-user') {
        // The precondition the model takes as given: a device remembered at an earlier visit (the session's job).
        const earlier = runSession({
          username,
          devices,
          input: { deviceTracking: true },
          user: { 'SOFTWARE_TOKEN_MFA.awaitingInput': () => code(totpCode(DEMO_TOTP_SECRET, emulator)) },
          sessionUser: { 'signedIn.rememberDevice': () => ({ type: 'device.remember', remember: true }) },
        });
        await sessionSignedIn(earlier);
        await waitFor(earlier.actor, (s) => s.matches({ signedIn: 'active' }));
        earlier.actor.stop();
      }
      const password = modelUser === 'newpass-user' ? DEMO_TEMP_PASSWORD : DEMO_PASSWORD;
      const webAuthn =
        path.input.preferredChallenge === null
          ? await passkeyPort(username, path.states.includes('WEB_AUTHN.awaitingRetry'))
          : undefined;
      const flow = run({
        username,
        password,
        devices,
        input: path.input,
        ports: webAuthn === undefined ? {} : { webAuthn },
      });
      for (const { from, event } of path.events) {
        if (isServerAnswer(event) || event.type === 'xstate.init') continue;
        // The user acts only once the real machine waits where the modelled one did.
        const ready = await waitFor(flow.actor, (s) => stateKey(s.value) === from, { timeout: 5000 });
        const concrete = await concreteEvent(event, username, ready);
        if (concrete !== null) flow.actor.send(concrete);
      }
      await waitFor(flow.actor, () => flow.states.length >= path.states.length, { timeout: 5000 });
      // Busy targets are passed through, so the real walk may go on: the modelled states are its prefix.
      expect(flow.states.slice(0, path.states.length)).toEqual(path.states);
      // Only the expired-Session walk ends in a Cognito error; every other one went through without a failed request…
      const endedWith = flow.actor.getSnapshot().context.error?.code ?? null;
      // …and the walk that ends where the user closed the passkey dialog, which waits with NotAllowedError.
      const expected = path.states.includes('sessionExpired')
        ? 'NotAuthorizedException'
        : path.states.at(-1) === 'WEB_AUTHN.awaitingRetry'
          ? 'NotAllowedError'
          : null;
      expect(endedWith).toBe(expected);
      flow.actor.stop();
    },
  );
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isEventObject(value: unknown): value is AnyEventObject {
  return isRecord(value) && typeof value.type === 'string';
}

function isServerAnswer(event: AnyEventObject): boolean {
  return event.type.startsWith('xstate.done.actor.') || event.type.startsWith('xstate.error.actor.');
}

/** Registers a software passkey for `username` (signed in by SRP first); its port can refuse the first dialog. */
async function passkeyPort(username: string, refuseFirst: boolean): Promise<WebAuthnPort> {
  const earlier = run({ username });
  const done = await signedIn(earlier);
  earlier.actor.stop();
  const accessToken = done.output?.tokens.accessToken.reveal() ?? '';
  const cognito = createCognitoHttp({ endpoint: emulator.url });
  const authenticator = new SoftAuthenticator({ origin: 'http://localhost:5173' });
  const started = await cognito.call('StartWebAuthnRegistration', { AccessToken: accessToken });
  await cognito.call('CompleteWebAuthnRegistration', {
    AccessToken: accessToken,
    Credential: authenticator.create(started.CredentialCreationOptions as { challenge: string; rp: { id?: string } }),
  });
  return softWebAuthnPort(authenticator, { refuse: refuseFirst }).port;
}

/** The real event for a modelled user event (server answers come from the emulator: null). */
async function concreteEvent(event: AnyEventObject, username: string, snapshot: Snapshot): Promise<SignInEvent | null> {
  switch (event.type) {
    case 'credentials.submit':
      return {
        type: 'credentials.submit',
        username,
        password: secret(username.startsWith('newpass-user') ? DEMO_TEMP_PASSWORD : DEMO_PASSWORD),
      };
    case 'code.submit': {
      const late = event.code instanceof Secret && event.code.reveal() === 'late';
      if (late) emulator.clock.advance(16 * 60);
      return code(await realCode(username, snapshot));
    }
    case 'challenge.select':
      return { type: 'challenge.select', challenge: 'WEB_AUTHN' };
    case 'webAuthn.retry':
      return { type: 'webAuthn.retry' };
    case 'mfaType.select':
      return { type: 'mfaType.select', mfaType: event.mfaType === 'SMS_MFA' ? 'SMS_MFA' : 'SOFTWARE_TOKEN_MFA' };
    case 'newPassword.submit':
      return { type: 'newPassword.submit', password: secret(NEW_PASSWORD), attributes: { name: 'Model' } };
    case 'customChallenge.submit':
      return { type: 'customChallenge.submit', answer: secret('42') };
    case 'signIn.restart':
      return { type: event.type };
    default:
      return null;
  }
}

/** The code the user would type in the step the machine is waiting in. */
function realCode(username: string, snapshot: Snapshot): Promise<string> {
  if (snapshot.matches('MFA_SETUP')) {
    const setup = assertAttempt(snapshot.context.attempt, 'MFA_SETUP').totpSetup;
    if (setup === null) throw new Error('no TOTP secret');
    return Promise.resolve(totpCode(setup.secretCode.reveal(), emulator));
  }
  if (snapshot.matches('SOFTWARE_TOKEN_MFA')) {
    return Promise.resolve(
      totpCode(username.startsWith('select-user') ? DEMO_SELECT_TOTP_SECRET : DEMO_TOTP_SECRET, emulator),
    );
  }
  return Promise.resolve(lastCode(emulator, username));
}

describe('examples/node-sign-in.ts', () => {
  it('signs an SMS user in from a scripted terminal, asking for the code it was sent', async () => {
    const username = fresh('sms-user');
    const asked: string[] = [];
    const answers: Record<string, () => string> = {
      'username: ': () => username,
      'password: ': () => DEMO_PASSWORD,
    };
    const said: string[] = [];
    const ok = await nodeSignIn({
      endpoint: emulator.url,
      input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID },
      terminal: {
        ask: (question) => {
          asked.push(question);
          return Promise.resolve(answers[question]?.() ?? lastCode(emulator, username));
        },
        say: (line) => said.push(line),
      },
    });
    expect(ok).toBe(true);
    expect(asked).toEqual(['username: ', 'password: ', 'code sent to +*******0100: ']);
    expect(said).toEqual([`signed in as ${username}`]);
  });
});

describe('after sign-out', () => {
  it.each(['revoke', 'global'] as const)('a refresh token killed by %s sign-out no longer refreshes', async (scope) => {
    const tokens = createMemoryTokenStore();
    const flow = runSession({ username: fresh('srp-user'), ports: { tokens } });
    await sessionSignedIn(flow);
    const stored = tokens.load(DEMO_CLIENT_ID);
    flow.actor.send({ type: 'signOut', scope });
    await waitFor(flow.actor, (s) => s.matches('signedOut'));
    expect(tokens.load(DEMO_CLIENT_ID)).toBeNull();
    if (stored === null) throw new Error('tokens were not stored');
    // A second visit restores the old tokens (as if copied before sign-out): the refresh must fail.
    tokens.save(DEMO_CLIENT_ID, { ...stored, expiresAt: 0 });
    const again = runSession({ username: stored.username, ports: { tokens } });
    const out = await waitFor(again.actor, (s) => s.matches('signedOut'));
    expect(out.context.error?.code).toBe('NotAuthorizedException');
    // The stored tokens have expired: the session refreshes at once, and the refused refresh signs it out.
    expect(again.states).toEqual(['restoring', 'signedIn.refreshing', 'signedOut']);
  });
});
