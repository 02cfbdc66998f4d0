// The kit's emulator clock moves a real emulator's time over HTTP: a sign-in Session dies after 3 minutes.
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD } from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { emulatorClock, wallClock } from './clock.ts';

let emulator: Emulator;
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

describe('emulatorClock', () => {
  it('advances the emulator so a pending Session expires (NotAuthorizedException)', async () => {
    const clock = emulatorClock(emulator.url);
    const started = await client.send(
      new InitiateAuthCommand({
        ClientId: DEMO_CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'totp-user', PASSWORD: DEMO_PASSWORD },
      }),
    );
    expect(started.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const before = emulator.clock.now();
    await clock.advance(4 * 60);
    expect(emulator.clock.now() - before).toBeGreaterThanOrEqual(4 * 60 * 1000);
    expect(clock.now() - Date.now()).toBeGreaterThanOrEqual(4 * 60 * 1000 - 1000);
    await expect(
      client.send(
        new RespondToAuthChallengeCommand({
          ClientId: DEMO_CLIENT_ID,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: started.Session,
          ChallengeResponses: { USERNAME: 'totp-user', SOFTWARE_TOKEN_MFA_CODE: '000000' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('rejects a negative step, as the emulator does', async () => {
    await expect(emulatorClock(emulator.url).advance(-1)).rejects.toThrow(/400/);
  });
});

describe('wallClock', () => {
  it('refuses to advance a real pool’s time', async () => {
    await expect(wallClock().advance(1)).rejects.toThrow(/emulator/);
  });
});
