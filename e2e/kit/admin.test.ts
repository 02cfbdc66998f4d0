// The kit's admin helper creates users over the AWS SDK against a real emulator: temporary or permanent password,
// ClientMetadata reaching the pre sign-up trigger, and TOTP registered the way a user would.
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPool, DEMO_CLIENT_ID, DEMO_POOL_ID } from '../emulator/demo.ts';
import { startEmulator, type Emulator, type TriggerEvent } from '../emulator/index.ts';
import { createAdmin, type Admin } from './admin.ts';
import { createTotp } from './totp.ts';

const PASSWORD = 'Adm1n-created!pw';
const seen: TriggerEvent[] = [];
let emulator: Emulator;
let admin: Admin;
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  const pool = demoPool();
  pool.LambdaConfig = {
    ...pool.LambdaConfig,
    PreSignUp: (event) => {
      seen.push(event);
      return event;
    },
  };
  emulator = await startEmulator({ config: { Pools: [pool] } });
  const target = { region: 'us-east-1', userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, endpoint: emulator.url };
  admin = createAdmin({ ...target, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  admin.client.destroy();
  client.destroy();
  await emulator.stop();
});

function signIn(username: string, password: string) {
  return client.send(
    new InitiateAuthCommand({
      ClientId: DEMO_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
}

describe('createAdmin', () => {
  it('creates a user with a temporary password who must choose a new one, passing ClientMetadata to the trigger', async () => {
    await admin.createUser({
      username: 'temp-alice',
      temporaryPassword: 'Temp0rary!pw',
      attributes: { email: 'temp-alice@example.com', email_verified: 'true', name: 'Alice' },
      clientMetadata: { test: 'admin.test' },
    });
    expect((await signIn('temp-alice', 'Temp0rary!pw')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const event = seen.find((candidate) => candidate.userName === 'temp-alice');
    expect(event?.triggerSource).toBe('PreSignUp_AdminCreateUser');
    expect(event?.request.clientMetadata).toEqual({ test: 'admin.test' });
  });

  it('creates a confirmed user when given a permanent password', async () => {
    await admin.createUser({
      username: 'perm-bob',
      password: PASSWORD,
      attributes: { email: 'perm-bob@example.com', name: 'Bob' },
    });
    expect((await signIn('perm-bob', PASSWORD)).AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('registers an authenticator app, after which sign-in asks for SOFTWARE_TOKEN_MFA', async () => {
    await admin.createUser({
      username: 'totp-carol',
      password: PASSWORD,
      attributes: { email: 'totp-carol@example.com', name: 'Carol' },
    });
    const secret = await admin.enableTotp(
      'totp-carol',
      PASSWORD,
      createTotp(() => emulator.clock.now()),
    );
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect((await signIn('totp-carol', PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('deletes a user, whose sign-in then fails like a wrong password', async () => {
    await admin.createUser({
      username: 'gone-dave',
      password: PASSWORD,
      attributes: { email: 'gone-dave@example.com', name: 'Dave' },
    });
    await admin.deleteUser('gone-dave');
    await expect(signIn('gone-dave', PASSWORD)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});
