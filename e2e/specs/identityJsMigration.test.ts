// An app moving from amazon-cognito-identity-js keeps its users signed in: our web-storage stores read CognitoUser's keys.
/* eslint-disable @typescript-eslint/no-deprecated -- identity-js is the client users migrate from. */
import { CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import {
  createCognitoHttp,
  createFastSrp,
  createSessionMachine,
  createWebStorageDeviceStore,
  createWebStorageTokenStore,
  secret,
} from '../../src/core.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { cognitoUser, expectKind, signIn } from '../emulator/testHelpers.ts';

/** `localStorage` for Node: the Web Storage interface over a Map, one per test. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

function identityJsPool(storage: Storage) {
  return {
    pool: new CognitoUserPool({
      UserPoolId: DEMO_POOL_ID,
      ClientId: DEMO_CLIENT_ID,
      endpoint: `${emulator.url}/`,
      Storage: storage,
    }),
    storage,
  };
}

/** Our session (it owns the token store) over the same storage. */
function ourSignIn(storage: Storage) {
  const machine = createSessionMachine({
    cognito: createCognitoHttp({ endpoint: emulator.url }),
    srp: createFastSrp(),
    tokens: createWebStorageTokenStore(storage),
    devices: createWebStorageDeviceStore(storage),
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    now: () => new Date(emulator.clock.now()),
  });
  return createActor(machine, { input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID } }).start();
}

describe('web-storage stores under identity-js / Amplify v6 keys', () => {
  it('restores a session CognitoUser signed in (tokens and its confirmed device) without a request', async () => {
    const storage = new MemoryStorage();
    const pool = identityJsPool(storage);
    const session = expectKind(
      await signIn(cognitoUser(pool, 'srp-user'), 'srp-user', DEMO_PASSWORD),
      'success',
    ).session;
    const prefix = `CognitoIdentityServiceProvider.${DEMO_CLIENT_ID}`;
    expect(storage.getItem(`${prefix}.LastAuthUser`)).toBe('srp-user');
    const deviceKey = storage.getItem(`${prefix}.srp-user.deviceKey`);
    expect(deviceKey).not.toBeNull();

    const requestsBefore = emulator.requests.length;
    const actor = ourSignIn(storage);
    const restored = await waitFor(actor, (snapshot) => !snapshot.hasTag('busy') || snapshot.matches('signedIn'));
    expect(restored.matches({ signedIn: 'active' })).toBe(true);
    expect(restored.context.claims?.username).toBe('srp-user');
    expect(restored.context.tokens?.accessToken.reveal()).toBe(session.getAccessToken().getJwtToken());
    expect(restored.context.tokens?.refreshToken?.reveal()).toBe(session.getRefreshToken().getToken());
    expect(restored.context.device?.deviceKey).toBe(deviceKey);
    expect(emulator.requests.length).toBe(requestsBefore);
    actor.stop();
  });

  it('leaves a session CognitoUserPool.getCurrentUser() picks up after our sign-in', async () => {
    const storage = new MemoryStorage();
    const actor = ourSignIn(storage);
    await waitFor(actor, (snapshot) => snapshot.children.signIn?.getSnapshot().hasTag('input') === true);
    actor.send({ type: 'credentials.submit', username: 'srp-user', password: secret(DEMO_PASSWORD) });
    const done = await waitFor(actor, (snapshot) => snapshot.matches('signedIn') && !snapshot.hasTag('busy'));
    expect(done.context.error).toBeNull();
    const accessToken = done.context.tokens?.accessToken.reveal();
    actor.stop();

    const user = identityJsPool(storage).pool.getCurrentUser();
    expect(user?.getUsername()).toBe('srp-user');
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      user?.getSession((error: Error | null, value: CognitoUserSession | null) => {
        if (error !== null || value === null) reject(error ?? new Error('no session'));
        else resolve(value);
      });
    });
    expect(session.isValid()).toBe(true);
    expect(session.getAccessToken().getJwtToken()).toBe(accessToken);
  });
});
