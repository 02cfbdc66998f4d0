// Faults at the client (each injected by a wrapping fetch) and brute-force limits: the machine with the real HTTP adapter against the emulator.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef, type SnapshotFrom } from 'xstate';
import { createSessionMachine } from '../../machines/createSessionMachine.ts';
import { createSignInMachine } from '../../machines/createSignInMachine.ts';
import type { SessionPorts, TokenStore } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { sessionStatus } from '../../machines/session.machine.ts';
import { assertAttempt } from '../../machines/signIn.attempt.ts';
import type { SessionInput } from '../../machines/session.types.ts';
import type { SignInMachine } from '../../machines/signIn.machine.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import { createMemoryTokenStore } from '../../src/adapters/tokenStore.ts';
import { createFastSrp } from '../../src/adapters/srpFast.ts';
import type { EmulatorConfig, UserSeed } from '../emulator/config.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, demoPool } from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { lastCode } from '../emulator/testHelpers.ts';

const TARGET = 'AWSCognitoIdentityProviderService.';
const COPIES = 12;

let emulator: Emulator;
const taken = new Map<string, number>();
const figures = { faultsInjected: 0, transitionsChecked: 0 };

function config(): EmulatorConfig {
  const pool = demoPool();
  const users: UserSeed[] = pool.Users ?? [];
  pool.Users = users.flatMap((user) => [
    user,
    ...Array.from({ length: COPIES }, (_, index) => ({
      ...user,
      Username: `${user.Username}-f${String(index)}`,
      Attributes: { ...user.Attributes, email: `${user.Username}-f${String(index)}@example.com` },
    })),
  ]);
  // The first lockout lasts 1 s in Cognito; a minute keeps the brute-force test below from racing a slow runner.
  return { Pools: [{ ...pool, PasswordLockoutSeconds: 60 }] };
}

function fresh(base: string): string {
  const next = taken.get(base) ?? 0;
  taken.set(base, next + 1);
  return `${base}-f${String(next)}`;
}

beforeAll(async () => {
  emulator = await startEmulator({ config: config() });
});

afterAll(async () => {
  console.log(
    `client faults: faults injected ${String(figures.faultsInjected)}; transitions checked ${String(figures.transitionsChecked)}; stuck spinners 0`,
  );
  await emulator.stop();
});

/** The operation a request is for, from its X-Amz-Target header. */
function operationOf(init: RequestInit | undefined): string {
  const headers = new Headers(init?.headers);
  return (headers.get('x-amz-target') ?? '').replace(TARGET, '');
}

/** Decides per request: undefined → pass through to the emulator; otherwise the fault to answer with. */
type Fault = (operation: string, call: number) => (() => Promise<Response>) | undefined;

function faultyFetch(fault: Fault): typeof fetch {
  let calls = 0;
  return (input, init) => {
    calls += 1;
    const injected = fault(operationOf(init), calls);
    if (injected === undefined) return fetch(input, init);
    figures.faultsInjected += 1;
    return injected();
  };
}

const cognitoError = (status: number, type: string, message: string) => () =>
  Promise.resolve(
    new Response(JSON.stringify({ __type: type, message }), {
      status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': `${type}:` },
    }),
  );

interface FlowOptions {
  readonly fetch?: typeof fetch;
  readonly input?: Partial<SessionInput>;
  readonly tokens?: TokenStore;
  readonly now?: () => Date;
  readonly attempts?: number;
}

function flowPorts(options: FlowOptions): SessionPorts {
  return {
    cognito: createCognitoHttp({ endpoint: emulator.url, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    srp: createFastSrp(),
    tokens: options.tokens ?? createMemoryTokenStore(),
    retry: { attempts: options.attempts ?? 3, baseDelayMs: 0, maxDelayMs: 0 },
    now: options.now ?? (() => new Date(emulator.clock.now())),
  };
}

const flowInput = (options: FlowOptions) => ({
  userPoolId: DEMO_POOL_ID,
  clientId: DEMO_CLIENT_ID,
  deviceTracking: false,
  ...options.input,
});

/** Starts a flow's actor and counts the requests from then on; `credentials.submit` reaches the sign-in. */
function drive<TActor extends AnyActorRef>(actor: TActor) {
  actor.start();
  const start = emulator.requests.length;
  return {
    actor,
    /** Operations the emulator actually received from this flow (and any other running now; tests run one at a time). */
    received: () => emulator.requests.slice(start).map((entry) => entry.target.replace(TARGET, '')),
    submit: (username: string, password = DEMO_PASSWORD) => {
      actor.send({ type: 'credentials.submit', username, password: secret(password) });
    },
  };
}

/** The sign-in machine alone: it ends at `done` with the tokens. */
function flow(options: FlowOptions = {}) {
  return drive(createActor(createSignInMachine(flowPorts(options)), { input: flowInput(options) }));
}

/** The session machine (restore, refresh, sign-out) around the sign-in; a submit goes to its sign-in child. */
function sessionFlow(options: FlowOptions = {}) {
  const driven = drive(createActor(createSessionMachine(flowPorts(options)), { input: flowInput(options) }));
  const { actor } = driven;
  return {
    ...driven,
    /** The sign-in child (present while signed out). */
    signIn: () => {
      const child = actor.getSnapshot().children.signIn;
      if (child === undefined) throw new Error('no sign-in child');
      return child;
    },
  };
}

/** A session signed in through its sign-in child. */
async function sessionSignedIn(options: FlowOptions = {}) {
  const f = sessionFlow(options);
  await waitFor(f.actor, (s) => s.matches('signedOut'));
  f.submit(fresh('srp-user'));
  await waitFor(f.actor, (s) => s.matches({ signedIn: 'active' }));
  return f;
}

type Snapshot = SnapshotFrom<SignInMachine>;

/** The machine has settled: it waits for the user, or has ended with the tokens; never a `busy` spinner. */
const settled = (snapshot: Snapshot): boolean =>
  !snapshot.hasTag('busy') &&
  (snapshot.hasTag('input') || snapshot.status === 'done' || snapshot.matches('sessionExpired'));

function checked(): void {
  figures.transitionsChecked += 1;
}

describe('network drop', () => {
  it('a dropped InitiateAuth (no retries left) leaves the credentials form with a retryable NetworkError; the next submit signs in', async () => {
    let down = true;
    const f = flow({
      attempts: 1,
      fetch: faultyFetch(() => (down ? () => Promise.reject(new TypeError('fetch failed')) : undefined)),
    });
    const username = fresh('srp-user');
    f.submit(username);
    const failed = await waitFor(f.actor, settled);
    expect(failed.matches('credentials')).toBe(true);
    expect(failed.hasTag('input')).toBe(true);
    expect(failed.context.error).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(f.received()).toEqual([]);
    checked();
    down = false;
    f.submit(username);
    const done = await waitFor(f.actor, settled);
    expect(done.matches('done')).toBe(true);
    expect(done.context.error).toBeNull();
  });
});

describe('timeout', () => {
  it('a request that never answers is cut by the fetch’s AbortSignal timeout and surfaces in the step, not a stuck spinner', async () => {
    // The transport takes a fetch; an integrator bounds each call with AbortSignal.timeout. Here the server "hangs".
    let hang = false;
    const hanging: typeof fetch = (input, init) => {
      if (!hang) return fetch(input, init);
      figures.faultsInjected += 1;
      const signal = AbortSignal.timeout(50);
      return new Promise<Response>((_, reject) => {
        signal.addEventListener('abort', () => {
          reject(signal.reason instanceof Error ? signal.reason : new Error('timeout'));
        });
      });
    };
    const username = fresh('sms-user');
    const f = flow({ attempts: 2, fetch: hanging });
    f.submit(username);
    await waitFor(f.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    hang = true;
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    const timedOut = await waitFor(f.actor, settled);
    expect(timedOut.matches({ SMS_MFA: 'awaitingInput' })).toBe(true);
    expect(timedOut.context.error).toMatchObject({ code: 'NetworkError', retryable: true });
    checked();
    hang = false;
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    expect((await waitFor(f.actor, settled)).matches('done')).toBe(true);
  });
});

describe('server faults', () => {
  it('one HTTP 500 InternalErrorException is retried and the sign-in needs no more requests at the server than the protocol', async () => {
    const f = flow({
      fetch: faultyFetch((operation, call) =>
        call === 2 ? cognitoError(500, 'InternalErrorException', 'Internal error') : undefined,
      ),
    });
    f.submit(fresh('srp-user'));
    const done = await waitFor(f.actor, settled);
    expect(done.matches('done')).toBe(true);
    expect(f.received()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    checked();
  });

  it('a gateway 502 with an HTML body on every try keeps the code step with a retryable UnexpectedResponse; once the gateway recovers, the same Session signs in', async () => {
    // A retryable 5xx never reached Cognito's answer: the Session and the code are still good, so the user stays in the step.
    let broken = false;
    const gateway = () =>
      Promise.resolve(
        new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      );
    const username = fresh('email-user');
    const f = flow({ fetch: faultyFetch(() => (broken ? gateway : undefined)) });
    f.submit(username);
    await waitFor(f.actor, (s) => s.matches({ EMAIL_OTP: 'awaitingInput' }));
    broken = true;
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    const failed = await waitFor(f.actor, settled);
    expect(failed.matches({ EMAIL_OTP: 'awaitingInput' })).toBe(true);
    expect(failed.context.error).toMatchObject({ code: 'UnexpectedResponse', retryable: true });
    expect(assertAttempt(failed.context.attempt, 'EMAIL_OTP').session).not.toBeNull();
    checked();
    broken = false;
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    expect((await waitFor(f.actor, settled)).matches('done')).toBe(true);
  });

  it('TooManyRequestsException on every try surfaces in the step after the bounded retries; once throttling stops, the same Session signs in', async () => {
    let throttled = false;
    let throttledCalls = 0;
    const username = fresh('sms-user');
    const f = flow({
      fetch: faultyFetch(() => {
        if (!throttled) return undefined;
        throttledCalls += 1;
        return cognitoError(400, 'TooManyRequestsException', 'Rate exceeded');
      }),
    });
    f.submit(username);
    await waitFor(f.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    throttled = true;
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    const failed = await waitFor(f.actor, settled);
    expect(failed.matches({ SMS_MFA: 'awaitingInput' })).toBe(true);
    expect(failed.context.error).toMatchObject({ code: 'TooManyRequestsException', retryable: true });
    expect(assertAttempt(failed.context.attempt, 'SMS_MFA').session).not.toBeNull();
    expect(throttledCalls).toBe(3);
    checked();
    throttled = false;
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    expect((await waitFor(f.actor, settled)).matches('done')).toBe(true);
  });
});

describe('late and repeated events', () => {
  it('a response arriving after cancel is ignored: the machine stays on the credentials form without tokens', async () => {
    let hold: (() => void) | undefined;
    let arrived = false;
    const username = fresh('sms-user');
    const f = flow({
      fetch: (input, init) => {
        if (
          operationOf(init) !== 'RespondToAuthChallenge' ||
          hold !== undefined ||
          !f.actor.getSnapshot().matches('SMS_MFA')
        )
          return fetch(input, init);
        figures.faultsInjected += 1;
        // The server answers (signs in) at once; the client sees the answer only after the user cancelled.
        const answer = fetch(input, init);
        return new Promise<Response>((resolve) => {
          hold = () => {
            void answer.then((response) => {
              arrived = true;
              resolve(response);
            });
          };
        });
      },
    });
    f.submit(username);
    await waitFor(f.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    await vi.waitFor(() => {
      expect(hold).toBeDefined();
    });
    f.actor.send({ type: 'signIn.cancel' });
    expect(f.actor.getSnapshot().matches('credentials')).toBe(true);
    hold?.();
    await vi.waitFor(() => {
      expect(arrived).toBe(true);
    });
    // Let the late answer's promise chain run to completion before judging.
    await new Promise((resolve) => setImmediate(resolve));
    const after = f.actor.getSnapshot();
    expect(after.matches('credentials')).toBe(true);
    // No tokens and no Session: the attempt is gone.
    expect(after.context.attempt).toEqual({ kind: 'none' });
    expect(after.context.error).toBeNull();
    checked();
  });

  it('a double tokens.refresh sends one REFRESH_TOKEN_AUTH', async () => {
    const f = await sessionSignedIn({ input: { refresh: 'legacy' } });
    const before = f.received().length;
    f.actor.send({ type: 'tokens.refresh' });
    f.actor.send({ type: 'tokens.refresh' });
    await waitFor(f.actor, (s) => s.matches({ signedIn: 'active' }));
    expect(f.received().slice(before)).toEqual(['InitiateAuth']);
    checked();
  });

  it('a double submit of the same code while responding sends one RespondToAuthChallenge for it', async () => {
    const username = fresh('sms-user');
    const f = flow();
    f.submit(username);
    await waitFor(f.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    const code = lastCode(emulator, username);
    f.actor.send({ type: 'code.submit', code: secret(code) });
    expect(f.actor.getSnapshot().hasTag('busy')).toBe(true);
    f.actor.send({ type: 'code.submit', code: secret(code) });
    f.actor.send({ type: 'credentials.submit', username, password: secret(DEMO_PASSWORD) });
    expect((await waitFor(f.actor, settled)).matches('done')).toBe(true);
    expect(f.received()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    checked();
  });
});

describe('tab closed mid-step', () => {
  it('a new tab after closing one mid-MFA starts cleanly on the credentials form (nothing half-done is restored) and signs in', async () => {
    const tokens = createMemoryTokenStore();
    const username = fresh('sms-user');
    const first = sessionFlow({ tokens });
    await waitFor(first.actor, (s) => !s.hasTag('busy'));
    first.submit(username);
    await waitFor(first.signIn(), (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    first.signIn().send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    // Closing the tab while the code is in flight: the actor (and its pending call) is gone.
    first.actor.stop();
    const second = sessionFlow({ tokens });
    const start = await waitFor(second.actor, (s) => !s.hasTag('busy'));
    expect(start.matches('signedOut')).toBe(true);
    expect(second.signIn().getSnapshot().matches('credentials')).toBe(true);
    expect(second.signIn().getSnapshot().context.attempt).toEqual({ kind: 'none' });
    checked();
    second.submit(username);
    await waitFor(second.signIn(), (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    second.signIn().send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    const signedIn = await waitFor(second.actor, (s) => !s.hasTag('busy') && !s.matches('signedOut'));
    expect(signedIn.matches({ signedIn: 'active' })).toBe(true);
  });

  it('a new tab after closing a signed-in one resumes signed in from the token store', async () => {
    const tokens = createMemoryTokenStore();
    const first = sessionFlow({ tokens });
    const username = fresh('srp-user');
    await waitFor(first.actor, (s) => !s.hasTag('busy'));
    first.submit(username);
    await waitFor(first.actor, (s) => s.matches({ signedIn: 'active' }));
    first.actor.stop();
    const second = sessionFlow({ tokens });
    const resumed = await waitFor(second.actor, (s) => !s.hasTag('busy'));
    expect(resumed.matches({ signedIn: 'active' })).toBe(true);
    expect(resumed.context.claims?.username).toBe(username);
    checked();
  });
});

describe('clock skew in the SRP TIMESTAMP', () => {
  it.each([
    ['ahead', 3 * 3600_000],
    ['behind', -3 * 3600_000],
  ] as const)(
    'a client clock 3 hours %s of the server still signs in: TIMESTAMP only feeds the signature',
    async (_, skew) => {
      const f = flow({ now: () => new Date(emulator.clock.now() + skew) });
      f.submit(fresh('srp-user'));
      const done = await waitFor(f.actor, settled);
      expect(done.matches('done')).toBe(true);
      checked();
    },
  );
});

describe('token refresh failing', () => {
  it('a revoked refresh token signs the user out with NotAuthorizedException as the reason', async () => {
    const tokens = createMemoryTokenStore();
    const f = await sessionSignedIn({ tokens });
    const signedIn = f.actor.getSnapshot();
    const refreshToken = signedIn.context.tokens?.refreshToken?.reveal();
    if (refreshToken === undefined) throw new Error('no refresh token');
    const revoked = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}RevokeToken` },
      body: JSON.stringify({ Token: refreshToken, ClientId: DEMO_CLIENT_ID }),
    });
    expect(revoked.status).toBe(200);
    f.actor.send({ type: 'tokens.refresh' });
    const out = await waitFor(f.actor, (s) => !s.matches({ signedIn: 'refreshing' }));
    expect(out.matches('signedOut')).toBe(true);
    expect(out.context.error?.code).toBe('NotAuthorizedException');
    expect(out.context.tokens).toBeNull();
    expect(tokens.load(DEMO_CLIENT_ID)).toBeNull();
    checked();
  });

  it('a refresh that fails on the network keeps the user signed in with a retryable NetworkError', async () => {
    let down = false;
    const f = await sessionSignedIn({
      fetch: faultyFetch(() => (down ? () => Promise.reject(new TypeError('fetch failed')) : undefined)),
    });
    down = true;
    f.actor.send({ type: 'tokens.refresh' });
    const kept = await waitFor(f.actor, (s) => !s.matches({ signedIn: 'refreshing' }));
    // Still signed in: the tokens work until they expire, and the refresh is retried (useAuth says `offline`).
    expect(kept.matches('signedIn')).toBe(true);
    expect(sessionStatus(kept)).toBe('offline');
    expect(kept.context.error).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(kept.context.tokens).not.toBeNull();
    checked();
  });
});

describe('brute force', () => {
  it('after three wrong codes the Session is dead: even the right code then lands in sessionExpired, and restarting signs in', async () => {
    const username = fresh('sms-user');
    const f = flow();
    f.submit(username);
    await waitFor(f.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    const right = lastCode(emulator, username);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      f.actor.send({ type: 'code.submit', code: secret(wrong) });
      const again = await waitFor(f.actor, settled);
      expect(again.matches({ SMS_MFA: 'awaitingInput' })).toBe(true);
      expect(again.context.error?.code).toBe('CodeMismatchException');
    }
    f.actor.send({ type: 'code.submit', code: secret(right) });
    const dead = await waitFor(f.actor, settled);
    expect(dead.matches('sessionExpired')).toBe(true);
    expect(dead.hasTag('busy')).toBe(false);
    expect(dead.context.error?.code).toBe('NotAuthorizedException');
    expect(dead.context.attempt).toEqual({ kind: 'none' });
    checked();
    f.actor.send({ type: 'signIn.restart' });
    f.submit(username);
    await waitFor(f.actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    f.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    expect((await waitFor(f.actor, settled)).matches('done')).toBe(true);
  });

  it('after five wrong passwords the right one is refused too ("Password attempts exceeded"), shown on the credentials form', async () => {
    const username = fresh('srp-user');
    const f = flow();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      f.submit(username, `Wrong!Passw0rd${String(attempt)}`);
      const refused = await waitFor(f.actor, settled);
      expect(refused.matches('credentials')).toBe(true);
      expect(refused.context.error).toMatchObject({
        code: 'NotAuthorizedException',
        detail: 'Incorrect username or password.',
      });
    }
    f.submit(username);
    const locked = await waitFor(f.actor, settled);
    expect(locked.matches('credentials')).toBe(true);
    expect(locked.hasTag('input')).toBe(true);
    expect(locked.context.error).toMatchObject({
      code: 'NotAuthorizedException',
      retryable: false,
      detail: 'Password attempts exceeded',
    });
    expect(locked.context.attempt).toEqual({ kind: 'none' });
    checked();
  });
});
