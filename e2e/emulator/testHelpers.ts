// Test helpers: the official identity-js client driven step by step, and outbox/TOTP readers.
/* eslint-disable @typescript-eslint/no-deprecated -- identity-js is the official client the issue judges the emulator by. */
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { Secret, TOTP } from 'otpauth';
import type { Emulator } from './index.ts';

/** What one identity-js call ended with: success, failure, or the challenge callback it fired. */
export type Step =
  | {
      kind: 'success';
      session: CognitoUserSession;
      userConfirmationNecessary: boolean;
    }
  | { kind: 'failure'; code: string; message: string }
  | {
      kind: 'newPasswordRequired';
      userAttributes: unknown;
      requiredAttributes: unknown;
    }
  | {
      [K in ChallengeKind]: {
        kind: K;
        challengeName: string;
        parameters: unknown;
      };
    }[ChallengeKind]
  | { kind: 'customChallenge'; parameters: unknown };

type ChallengeKind = 'mfaRequired' | 'totpRequired' | 'mfaSetup' | 'selectMFAType';

function isKind<K extends Step['kind']>(result: Step, kind: K): result is Extract<Step, { kind: K }> {
  return result.kind === kind;
}

/** Narrows a step to the expected callback, failing the test with what happened instead. */
export function expectKind<K extends Step['kind']>(result: Step, kind: K): Extract<Step, { kind: K }> {
  if (!isKind(result, kind)) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result;
}

function failure(error: unknown): Step {
  if (typeof error === 'object' && error !== null) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : 'Unknown';
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return { kind: 'failure', code, message };
  }
  return { kind: 'failure', code: 'Unknown', message: String(error) };
}

/** Runs one identity-js call and resolves with whichever callback it fires first. */
export function step(run: (callbacks: IAuthenticationCallback) => void): Promise<Step> {
  return new Promise((resolve) => {
    run({
      onSuccess: (session, userConfirmationNecessary) => {
        resolve({
          kind: 'success',
          session,
          userConfirmationNecessary: userConfirmationNecessary === true,
        });
      },
      onFailure: (error: unknown) => {
        resolve(failure(error));
      },
      newPasswordRequired: (userAttributes: unknown, requiredAttributes: unknown) => {
        resolve({
          kind: 'newPasswordRequired',
          userAttributes,
          requiredAttributes,
        });
      },
      mfaRequired: (challengeName, parameters: unknown) => {
        resolve({ kind: 'mfaRequired', challengeName, parameters });
      },
      totpRequired: (challengeName, parameters: unknown) => {
        resolve({ kind: 'totpRequired', challengeName, parameters });
      },
      mfaSetup: (challengeName, parameters: unknown) => {
        resolve({ kind: 'mfaSetup', challengeName, parameters });
      },
      selectMFAType: (challengeName, parameters: unknown) => {
        resolve({ kind: 'selectMFAType', challengeName, parameters });
      },
      customChallenge: (parameters: unknown) => {
        resolve({ kind: 'customChallenge', parameters });
      },
    });
  });
}

/** A private localStorage stand-in, so each test's device and token cache is its own. */
export function memoryStorage(): ICognitoStorage & {
  readonly items: Map<string, string>;
} {
  const items = new Map<string, string>();
  return {
    items,
    setItem: (key, value) => void items.set(key, value),
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    clear: () => {
      items.clear();
    },
  };
}

/** A CognitoUserPool pointed at the emulator through its `endpoint` option, with its own storage. */
export interface TestPool {
  readonly pool: CognitoUserPool;
  readonly storage: ICognitoStorage;
}

export function userPool(emulator: Emulator, poolId: string, clientId: string, storage = memoryStorage()): TestPool {
  return {
    pool: new CognitoUserPool({
      UserPoolId: poolId,
      ClientId: clientId,
      endpoint: `${emulator.url}/`,
      Storage: storage,
    }),
    storage,
  };
}

export function cognitoUser({ pool, storage }: TestPool, username: string): CognitoUser {
  return new CognitoUser({ Username: username, Pool: pool, Storage: storage });
}

export function signIn(user: CognitoUser, username: string, password: string): Promise<Step> {
  return step((callbacks) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callbacks);
  });
}

/** The newest code the emulator sent to this user. */
export function lastCode(emulator: Emulator, username: string): string {
  const message = emulator.outbox.filter((m) => m.username === username).at(-1);
  if (!message) throw new Error(`no code was sent to ${username}`);
  return message.code;
}

export function totpCode(secret: string, emulator: Emulator): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: emulator.clock.now(),
  });
}

/** aws-jwt-verify's fetcher insists on https; the emulator is plain http on loopback, so fetch the JWKS URL ourselves. */
const loopbackFetcher = {
  fetch: async (uri: string): Promise<ArrayBuffer> => (await fetch(uri)).arrayBuffer(),
};

/** aws-jwt-verify against the emulator's issuer and JWKS URL. */
export function verifiers(emulator: Emulator, poolId: string, clientId: string) {
  const issuer = `${emulator.url}/${poolId}`;
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  const jwksCache = new SimpleJwksCache({ fetcher: loopbackFetcher });
  return {
    id: JwtVerifier.create(
      {
        issuer,
        audience: clientId,
        jwksUri,
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'id') throw new Error('not an ID token');
        },
      },
      { jwksCache },
    ),
    access: JwtVerifier.create(
      {
        issuer,
        audience: null,
        jwksUri,
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'access') throw new Error('not an access token');
          if (payload.client_id !== clientId) throw new Error('wrong client_id');
        },
      },
      { jwksCache },
    ),
  };
}

/** The AWS SDK v3 client pointed at the emulator; admin calls are signed with throwaway credentials, which it accepts. */
export function sdkClient(url: string, region = 'us-east-1'): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region,
    endpoint: url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'any' },
  });
}

/** The error a call fails with, as the SDK names it; fails the test if the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return { name: error.name, message: error.message };
  }
  throw new Error('expected the call to fail');
}
