// A user who submits while the session reads its store: the submit is kept, never silently dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor, type SnapshotFrom } from 'xstate';
import { createSessionMachine } from '../../machines/createSessionMachine.ts';
import type { TokenStore } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import type { SessionMachine } from '../../machines/session.machine.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import { createFastSrp } from '../../src/adapters/srpFast.ts';
import { createMemoryTokenStore } from '../../src/adapters/tokenStore.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';

const TARGET = 'AWSCognitoIdentityProviderService.';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.stop();
});

function start(tokens: TokenStore) {
  const ports = {
    cognito: createCognitoHttp({ endpoint: emulator.url }),
    srp: createFastSrp(),
    tokens,
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    now: () => new Date(emulator.clock.now()),
  };
  const actor = createActor(createSessionMachine(ports), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, deviceTracking: false },
  });
  const from = emulator.requests.length;
  actor.start();
  return { actor, received: () => emulator.requests.slice(from).map((entry) => entry.target.replace(TARGET, '')) };
}

/** Signed in, or signed out with the sign-in child waiting for input. */
const settled = (snapshot: SnapshotFrom<SessionMachine>): boolean => {
  if (snapshot.matches({ signedIn: 'active' })) return true;
  const child = snapshot.children.signIn?.getSnapshot();
  return child !== undefined && !child.hasTag('busy') && child.hasTag('input');
};

/** The sign-in child's context (the last one started). */
const signInContext = (snapshot: SnapshotFrom<SessionMachine>) => snapshot.children.signIn?.getSnapshot().context;

describe('credentials.submit while the stored session is restoring', () => {
  it('with nothing stored, the early submit is sent once the store answers and the user signs in', async () => {
    const { actor, received } = start(createMemoryTokenStore());
    expect(actor.getSnapshot().matches('restoring')).toBe(true);
    actor.send({ type: 'credentials.submit', username: 'srp-user', password: secret(DEMO_PASSWORD) });

    const done = await waitFor(actor, settled);
    expect(done.matches({ signedIn: 'active' })).toBe(true);
    expect(done.context.claims?.username).toBe('srp-user');
    expect(done.context.pendingSubmit).toBeNull();
    // The sign-in child ended with the tokens: no context holds the password any more.
    expect(done.children.signIn).toBeUndefined();
    expect(received()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    actor.stop();
  });

  it('when the store cannot be read, the early submit still signs the user in', async () => {
    const broken: TokenStore = {
      load: () => {
        throw new Error('storage disabled');
      },
      save: () => undefined,
      clear: () => undefined,
    };
    const { actor } = start(broken);
    actor.send({ type: 'credentials.submit', username: 'srp-user', password: secret(DEMO_PASSWORD) });
    const done = await waitFor(actor, settled);
    expect(done.matches({ signedIn: 'active' })).toBe(true);
    actor.stop();
  });

  it('with a valid stored session, the user is already signed in: the early submit sends nothing and its password is not kept', async () => {
    const tokens = createMemoryTokenStore();
    const first = start(tokens);
    first.actor.send({ type: 'credentials.submit', username: 'srp-user', password: secret(DEMO_PASSWORD) });
    expect((await waitFor(first.actor, settled)).matches({ signedIn: 'active' })).toBe(true);
    first.actor.stop();
    expect(tokens.load(DEMO_CLIENT_ID)?.username).toBe('srp-user');

    const typed = 'Typed!Meanwhile1';
    const { actor, received } = start(tokens);
    actor.send({ type: 'credentials.submit', username: 'sms-user', password: secret(typed) });
    const done = await waitFor(actor, settled);
    expect(done.matches({ signedIn: 'active' })).toBe(true);
    expect(done.context.claims?.username).toBe('srp-user');
    expect(done.context.pendingSubmit).toBeNull();
    expect(JSON.stringify(done)).not.toContain(typed);
    expect(received()).toEqual([]);
    actor.stop();
  });

  it('a blank username during restore is ignored, as on the credentials form', async () => {
    const { actor, received } = start(createMemoryTokenStore());
    actor.send({ type: 'credentials.submit', username: '  ', password: secret(DEMO_PASSWORD) });
    const done = await waitFor(actor, settled);
    expect(done.matches('signedOut')).toBe(true);
    expect(done.children.signIn?.getSnapshot().matches('credentials')).toBe(true);
    expect(done.context.pendingSubmit).toBeNull();
    expect(signInContext(done)?.attempt).toEqual({ kind: 'none' });
    expect(received()).toEqual([]);
    actor.stop();
  });
});
