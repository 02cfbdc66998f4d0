// Test kit: drives amazon-cognito-identity-js's CognitoUser through SRP with scripted replies and a seeded random stream.
/* eslint-disable @typescript-eslint/no-deprecated -- the kit drives the official (v5, maintenance-mode) client on purpose: it is the oracle. */
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import type { ICognitoStorage } from 'amazon-cognito-identity-js';
import { vi } from 'vitest';

/**
 * Makes `crypto.getRandomValues` hand out `bytes` in order, then throw. Uint32Array requests get big-endian words,
 * so the official client's WordArray (which reads words most significant byte first) sees the same byte stream as
 * an engine that fills a Uint8Array. Returns a function that puts the real generator back.
 */
export function seedRandom(bytes: Uint8Array): () => void {
  let offset = 0;
  const take = (): number => {
    const byte = bytes[offset];
    if (byte === undefined) throw new Error('the seeded random stream ran out');
    offset += 1;
    return byte;
  };
  const spy = vi
    .spyOn(globalThis.crypto, 'getRandomValues')
    .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint32Array) {
        for (let i = 0; i < array.length; i += 1)
          array[i] = ((take() << 24) | (take() << 16) | (take() << 8) | take()) >>> 0;
      } else if (array instanceof Uint8Array) {
        for (let i = 0; i < array.length; i += 1) array[i] = take();
      } else {
        throw new TypeError('seeded getRandomValues fills Uint8Array and Uint32Array only');
      }
      return array;
    });
  return () => {
    spy.mockRestore();
  };
}

/** One request the official client made: its operation and JSON body. */
export interface RecordedRequest {
  readonly operation: string;
  readonly body: Record<string, unknown>;
}

/** What the scripted service answers to the n-th request; `undefined` ends the flow with an error. */
export type Script = (request: RecordedRequest, index: number) => Record<string, unknown> | undefined;

class MemoryStorage implements ICognitoStorage {
  readonly items = new Map<string, string>();
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Signs `username` in with CognitoUser.authenticateUser (USER_SRP_AUTH) against `script`, answering over the
 * client's own request hook instead of HTTP, and returns every request it made plus its storage.
 */
export function runOfficialSignIn(options: {
  poolId: string;
  clientId: string;
  username: string;
  password: string;
  storage?: Record<string, string>;
  script: Script;
}): Promise<{ requests: RecordedRequest[]; storage: Map<string, string> }> {
  const storage = new MemoryStorage();
  for (const [key, value] of Object.entries(options.storage ?? {})) storage.setItem(key, value);
  const pool = new CognitoUserPool({ UserPoolId: options.poolId, ClientId: options.clientId, Storage: storage });
  const user = new CognitoUser({ Username: options.username, Pool: pool, Storage: storage });
  const requests: RecordedRequest[] = [];
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      resolve({ requests, storage: storage.items });
    };
    const client = {
      request(operation: string, body: unknown, callback: (error: Error | null, data?: unknown) => void): void {
        if (!isRecord(body)) throw new TypeError('request body is not an object');
        const request = { operation, body: structuredClone(body) };
        requests.push(request);
        const reply = options.script(request, requests.length - 1);
        if (reply === undefined) callback(Object.assign(new Error('script ended'), { code: 'ScriptEnded' }));
        else callback(null, reply);
      },
    };
    // The official client sends every call through `user.client.request`; replacing it records the exact bodies.
    Object.assign(user, { client });
    user.authenticateUser(new AuthenticationDetails({ Username: options.username, Password: options.password }), {
      onSuccess: finish,
      onFailure: (error: unknown) => {
        if (isRecord(error) && error.code === 'ScriptEnded') finish();
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
      newPasswordRequired: () => {
        reject(new Error('unexpected NEW_PASSWORD_REQUIRED'));
      },
      mfaRequired: () => {
        reject(new Error('unexpected SMS_MFA'));
      },
    });
  });
}

/** A JWT-shaped string; the official client only decodes it best-effort. */
export const fakeJwt = `${btoa('{"alg":"none"}')}.${btoa('{"iat":0,"exp":4102444800}')}.sig`;
