// The kit's outbox reads codes from a real emulator over HTTP; each code is handed out once, old ones never.
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD } from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { emulatorOutbox, hookOutbox } from './outbox.ts';

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

/** USER_PASSWORD_AUTH up to the code challenge; Cognito "sends" the code now. */
async function startSignIn(username: string) {
  const answer = await client.send(
    new InitiateAuthCommand({
      ClientId: DEMO_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: DEMO_PASSWORD },
    }),
  );
  expect(answer.ChallengeName).toBeDefined();
  return { challenge: answer.ChallengeName ?? '', session: answer.Session ?? '' };
}

describe('emulatorOutbox', () => {
  it('waits for the SMS code of a sign-in, and that code completes SMS_MFA', async () => {
    const outbox = await emulatorOutbox(emulator.url);
    const { challenge, session } = await startSignIn('sms-user');
    expect(challenge).toBe('SMS_MFA');
    const code = await outbox.waitForCode('sms-user', { channel: 'SMS' });
    expect(code).toMatch(/^\d{6}$/);
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_CLIENT_ID,
        ChallengeName: 'SMS_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: 'sms-user', SMS_MFA_CODE: code },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('never returns a code sent before it was created', async () => {
    await startSignIn('email-user');
    const outbox = await emulatorOutbox(emulator.url);
    await expect(outbox.waitForCode('email-user', { timeout: 150 })).rejects.toThrow(
      /no SMS or email code for email-user/,
    );
  });

  it('hands each code out once: the next wait returns the next code sent', async () => {
    const outbox = await emulatorOutbox(emulator.url);
    await startSignIn('email-user');
    const first = await outbox.waitForCode('email-user', { channel: 'EMAIL' });
    await expect(outbox.waitForCode('email-user', { timeout: 150 })).rejects.toThrow();
    await startSignIn('email-user');
    const second = await outbox.waitForCode('email-user', { channel: 'EMAIL' });
    const sent = (await outbox.messages())
      .filter((message) => message.username === 'email-user')
      .map((message) => message.code);
    expect(sent.slice(-2)).toEqual([first, second]);
  });

  it('keeps users apart: another user’s code is not returned', async () => {
    const outbox = await emulatorOutbox(emulator.url);
    await startSignIn('sms-user');
    await expect(outbox.waitForCode('select-user', { timeout: 150 })).rejects.toThrow();
    await expect(outbox.waitForCode('sms-user')).resolves.toMatch(/^\d{6}$/);
  });
});

describe('hookOutbox', () => {
  it('asks the hook for each code, telling it since when to look', async () => {
    const calls: { username: string; channel: string | undefined; since: Date }[] = [];
    const outbox = hookOutbox((username, options) => {
      calls.push({ username, channel: options.channel, since: options.since });
      return Promise.resolve('123456');
    });
    await expect(outbox.waitForCode('alice', { channel: 'SMS' })).resolves.toBe('123456');
    await outbox.waitForCode('alice');
    expect(calls.map((call) => [call.username, call.channel])).toEqual([
      ['alice', 'SMS'],
      ['alice', undefined],
    ]);
    expect(calls[1]?.since.getTime()).toBeGreaterThanOrEqual(calls[0]?.since.getTime() ?? Infinity);
    await expect(outbox.messages()).rejects.toThrow(/hook/);
  });
});
