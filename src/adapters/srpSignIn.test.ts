// Both SRP engines sign in against the local Cognito emulator over plain fetch, with a password and a remembered device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../../e2e/emulator/demo.ts';
import { startEmulator } from '../../e2e/emulator/index.ts';
import type { Emulator } from '../../e2e/emulator/index.ts';
import type { SrpPort } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { createAuthenticationHelperSrp } from './srp.ts';
import { createFastSrp } from './srpFast.ts';
import { messageChannelWorker } from './srpWorkerChannel.testkit.ts';
import type { TestWorkerChannel } from './srpWorkerChannel.testkit.ts';
import { createWorkerSrp } from './srpWorkerClient.ts';

type Json = Record<string, unknown>;

let emulator: Emulator;
let workerChannel: TestWorkerChannel | undefined;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  workerChannel?.close();
  await emulator.stop();
});

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(body: Json, ...path: string[]): string {
  let value: unknown = body;
  for (const key of path) value = isJson(value) ? value[key] : undefined;
  if (typeof value !== 'string') throw new Error(`response has no ${path.join('.')}: ${JSON.stringify(body)}`);
  return value;
}

async function call(operation: string, body: Json): Promise<{ status: number; body: Json }> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (!isJson(parsed)) throw new Error(`${operation} answered ${String(parsed)}`);
  return { status: response.status, body: parsed };
}

async function ok(operation: string, body: Json): Promise<Json> {
  const response = await call(operation, body);
  if (response.status !== 200) throw new Error(`${operation} failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

const poolName = DEMO_POOL_ID.split('_')[1] ?? '';
const now = (): Date => new Date(emulator.clock.now());

/** InitiateAuth(USER_SRP_AUTH) then the PASSWORD_VERIFIER claim; returns the raw response to the claim. */
async function passwordSignIn(
  srp: SrpPort,
  username: string,
  password: string,
  deviceKey?: string,
): Promise<{ status: number; body: Json; userIdForSrp: string }> {
  const ephemeral = await srp.createEphemeral();
  const initiated = await ok('InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: DEMO_CLIENT_ID,
    AuthParameters: { USERNAME: username, SRP_A: ephemeral.srpA },
  });
  expect(initiated.ChallengeName).toBe('PASSWORD_VERIFIER');
  const userIdForSrp = text(initiated, 'ChallengeParameters', 'USER_ID_FOR_SRP');
  const secretBlock = text(initiated, 'ChallengeParameters', 'SECRET_BLOCK');
  const claim = await srp.passwordClaim({
    ephemeral,
    srpB: text(initiated, 'ChallengeParameters', 'SRP_B'),
    salt: text(initiated, 'ChallengeParameters', 'SALT'),
    secretBlock,
    now: now(),
    poolName,
    userIdForSrp,
    password: secret(password),
  });
  const response = await call('RespondToAuthChallenge', {
    ChallengeName: 'PASSWORD_VERIFIER',
    ClientId: DEMO_CLIENT_ID,
    Session: text(initiated, 'Session'),
    ChallengeResponses: {
      USERNAME: userIdForSrp,
      PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
      PASSWORD_CLAIM_SIGNATURE: claim.signature,
      TIMESTAMP: claim.timestamp,
      ...(deviceKey === undefined ? {} : { DEVICE_KEY: deviceKey }),
    },
  });
  return { ...response, userIdForSrp };
}

const engines = [
  ['the fast engine', createFastSrp],
  [
    'the worker client (over a MessageChannel)',
    () =>
      createWorkerSrp({
        createChannel: () => (workerChannel = messageChannelWorker()),
      }),
  ],
  ['the AuthenticationHelper engine', createAuthenticationHelperSrp],
] as const;

describe.each(engines)('%s against the emulator', (_name, createEngine) => {
  const srp = createEngine();

  it('signs srp-user in with the demo password and gets tokens', async () => {
    const response = await passwordSignIn(srp, 'srp-user', DEMO_PASSWORD);
    expect(response.status).toBe(200);
    expect(text(response.body, 'AuthenticationResult', 'AccessToken')).toMatch(/^ey/);
  });

  it('is refused with NotAuthorizedException for a wrong password', async () => {
    const response = await passwordSignIn(srp, 'srp-user', `${DEMO_PASSWORD}x`);
    expect(response.status).toBe(400);
    expect(response.body.__type).toBe('NotAuthorizedException');
  });

  it('remembers the device with its verifier, then signs in again through DEVICE_SRP_AUTH', async () => {
    const first = await passwordSignIn(srp, 'srp-user', DEMO_PASSWORD);
    const accessToken = text(first.body, 'AuthenticationResult', 'AccessToken');
    const deviceKey = text(first.body, 'AuthenticationResult', 'NewDeviceMetadata', 'DeviceKey');
    const deviceGroupKey = text(first.body, 'AuthenticationResult', 'NewDeviceMetadata', 'DeviceGroupKey');
    const verifier = await srp.createDeviceVerifier({ deviceGroupKey, deviceKey });
    await ok('ConfirmDevice', {
      AccessToken: accessToken,
      DeviceKey: deviceKey,
      DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
      DeviceName: 'srpSignIn.test',
    });
    await ok('UpdateDeviceStatus', {
      AccessToken: accessToken,
      DeviceKey: deviceKey,
      DeviceRememberedStatus: 'remembered',
    });

    const second = await passwordSignIn(srp, 'srp-user', DEMO_PASSWORD, deviceKey);
    expect(second.body.ChallengeName).toBe('DEVICE_SRP_AUTH');
    // DEVICE_SRP_AUTH comes with no parameters; the device steps keep using USER_ID_FOR_SRP.
    const { userIdForSrp } = second;
    const ephemeral = await srp.createEphemeral();
    const deviceChallenge = await ok('RespondToAuthChallenge', {
      ChallengeName: 'DEVICE_SRP_AUTH',
      ClientId: DEMO_CLIENT_ID,
      Session: text(second.body, 'Session'),
      ChallengeResponses: { USERNAME: userIdForSrp, DEVICE_KEY: deviceKey, SRP_A: ephemeral.srpA },
    });
    expect(deviceChallenge.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
    const secretBlock = text(deviceChallenge, 'ChallengeParameters', 'SECRET_BLOCK');
    const claim = await srp.deviceClaim({
      ephemeral,
      srpB: text(deviceChallenge, 'ChallengeParameters', 'SRP_B'),
      salt: text(deviceChallenge, 'ChallengeParameters', 'SALT'),
      secretBlock,
      now: now(),
      deviceGroupKey,
      deviceKey,
      devicePassword: verifier.devicePassword,
    });
    const signedIn = await ok('RespondToAuthChallenge', {
      ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
      ClientId: DEMO_CLIENT_ID,
      Session: text(deviceChallenge, 'Session'),
      ChallengeResponses: {
        USERNAME: userIdForSrp,
        DEVICE_KEY: deviceKey,
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        PASSWORD_CLAIM_SIGNATURE: claim.signature,
        TIMESTAMP: claim.timestamp,
      },
    });
    expect(text(signedIn, 'AuthenticationResult', 'AccessToken')).toMatch(/^ey/);
  });
});
