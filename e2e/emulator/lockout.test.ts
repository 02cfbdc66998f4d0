import { InitiateAuthCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from './clock.ts';
import type { UserSeed } from './config.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, demoPool } from './demo.ts';
import { startEmulator, type Emulator } from './index.ts';
import { QUIET_RESET_MS } from './lockout.ts';
import { rejection, sdkClient } from './testHelpers.ts';

const WRONG = 'Wrong!Passw0rd';
const INCORRECT = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const EXCEEDED = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
let users = 0;
const figures = { attempts: 0, refusedWhileLocked: 0 };

beforeAll(async () => {
  const pool = demoPool();
  const lockouts: UserSeed[] = Array.from({ length: 6 }, (_, n) => ({
    Username: `locked-${String(n)}`,
    Password: DEMO_PASSWORD,
    Attributes: { email: `locked-${String(n)}@example.com` },
  }));
  // A clock that moves only when a test says so, so every lockout boundary is exact.
  emulator = await startEmulator({
    config: { Pools: [{ ...demoPool(), Users: [...(pool.Users ?? []), ...lockouts] }] },
    clock: createClock(() => Date.UTC(2026, 0, 1)),
  });
  client = sdkClient(emulator.url);
});

afterAll(async () => {
  console.log(
    `lockout: password attempts ${String(figures.attempts)}; refused while locked ${String(figures.refusedWhileLocked)}`,
  );
  await emulator.stop();
});

function freshUser(): string {
  const username = `locked-${String(users)}`;
  users += 1;
  return username;
}

function signIn(username: string, password: string) {
  figures.attempts += 1;
  return client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_CLIENT_ID,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
}

async function expectRefused(
  username: string,
  password: string,
  error: { name: string; message: string },
): Promise<void> {
  expect(await rejection(signIn(username, password))).toEqual(error);
  if (error === EXCEEDED) figures.refusedWhileLocked += 1;
}

async function expectSignedIn(username: string): Promise<void> {
  const result = await signIn(username, DEMO_PASSWORD);
  expect(result.AuthenticationResult?.AccessToken).toBeTruthy();
}

async function failTimes(username: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await expectRefused(username, WRONG, INCORRECT);
}

const advance = (seconds: number) => {
  emulator.clock.advance(seconds);
};

describe('"Password attempts exceeded" is a temporary lockout, as in Cognito', () => {
  it('five wrong passwords lock the user out for one second: the right password is refused until it has passed', async () => {
    const username = freshUser();
    await failTimes(username, 5);
    await expectRefused(username, DEMO_PASSWORD, EXCEEDED);
    advance(0.999);
    await expectRefused(username, DEMO_PASSWORD, EXCEEDED);
    advance(0.001);
    await expectSignedIn(username);
  });

  it('each further wrong password doubles the lockout, and refused attempts during it do not lengthen it', async () => {
    const username = freshUser();
    await failTimes(username, 5);
    advance(1);
    await failTimes(username, 1); // 6 failures: 2 s
    advance(1.5);
    await expectRefused(username, DEMO_PASSWORD, EXCEEDED);
    advance(0.5);
    await failTimes(username, 1); // 7 failures: 4 s
    advance(3.9);
    await expectRefused(username, DEMO_PASSWORD, EXCEEDED);
    advance(0.1);
    await expectSignedIn(username);
  });

  it('the lockout stops doubling at 15 minutes', async () => {
    const username = freshUser();
    await failTimes(username, 5);
    // Failures 6 … 15, each made as soon as the previous lockout (1, 2, … 512 s) is over.
    for (let over = 0; over < 10; over += 1) {
      advance(2 ** over);
      await failTimes(username, 1);
    }
    // 15 failures would be 1,024 s; the cap is 900 s. An attempt inside it keeps the 15 quiet minutes from passing.
    advance(899);
    await expectRefused(username, DEMO_PASSWORD, EXCEEDED);
    advance(1);
    await failTimes(username, 1); // 16 failures: still 900 s, not 2,048 s
    advance(899);
    await expectRefused(username, DEMO_PASSWORD, EXCEEDED);
    advance(1);
    await expectSignedIn(username);
  });

  it('15 minutes without any sign-in attempt forgive the failures', async () => {
    const username = freshUser();
    await failTimes(username, 5);
    advance(1);
    await failTimes(username, 1); // 6 failures: 2 s
    advance(QUIET_RESET_MS / 1000);
    // Counted from zero again: a 7th failure would lock for 4 s, a 1st locks nothing, so the right one goes straight through.
    await failTimes(username, 1);
    await expectSignedIn(username);
  });

  it('a successful sign-in after a lockout resets the count', async () => {
    const username = freshUser();
    await failTimes(username, 5);
    advance(1);
    await expectSignedIn(username);
    await failTimes(username, 4);
    await expectSignedIn(username);
  });

  it('a lockout started on one client refuses the SRP flow as well', async () => {
    const username = freshUser();
    await failTimes(username, 5);
    expect(
      await rejection(
        client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId: DEMO_CLIENT_ID,
            AuthParameters: { USERNAME: username, SRP_A: 'ab'.repeat(384) },
          }),
        ),
      ),
    ).toEqual(EXCEEDED);
    figures.refusedWhileLocked += 1;
    advance(1);
    const challenge = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME: username, SRP_A: 'ab'.repeat(384) },
      }),
    );
    expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
  });
});
