// startEmulator() takes a seed file (pools, clients, users with MFA and remembered devices) and refuses bad input typed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorConfig } from './config.ts';
import { EmulatorStartError, startEmulator } from './index.ts';
import { cognitoUser, expectKind, memoryStorage, signIn, step, totpCode, userPool } from './testHelpers.ts';

const POOL_ID = 'eu-west-1_SeedPool1';
const CLIENT_ID = 'seedclient0000000000000001';
const PASSWORD = 'Seed-Passw0rd!';
const TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const DEVICE = {
  DeviceKey: 'eu-west-1_6f1c1a3e-0d2b-4c47-9a0e-1b2c3d4e5f60',
  DeviceGroupKey: '-abcDEF123',
  DevicePassword: 'device-random-password-0123456789',
};

const seed: EmulatorConfig = {
  Pools: [
    {
      Id: POOL_ID,
      MfaConfiguration: 'ON',
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true },
      Clients: [{ ClientId: CLIENT_ID }],
      Users: [
        { Username: 'totp', Password: PASSWORD, Mfa: { TotpSecret: TOTP_SECRET } },
        { Username: 'device', Password: PASSWORD, Mfa: { TotpSecret: TOTP_SECRET }, Devices: [DEVICE] },
      ],
    },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-seed-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<EmulatorStartError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof EmulatorStartError)) throw new Error('expected an EmulatorStartError');
  return error;
}

describe('startEmulator({ seed })', () => {
  it('serves the seed file: a TOTP user signs in with a code from the seeded secret', async () => {
    const file = join(dir, 'seed.json');
    await writeFile(file, JSON.stringify(seed));
    const emulator = await startEmulator({ seed: file });
    try {
      const pool = userPool(emulator, POOL_ID, CLIENT_ID);
      const user = cognitoUser(pool, 'totp');
      expectKind(await signIn(user, 'totp', PASSWORD), 'totpRequired');
      const done = await step((callbacks) => {
        user.sendMFACode(totpCode(TOTP_SECRET, emulator), callbacks, 'SOFTWARE_TOKEN_MFA');
      });
      expectKind(done, 'success');
    } finally {
      await emulator.close();
    }
  });

  it('remembers a seeded device: identity-js holding its keys signs in by device SRP without MFA', async () => {
    const emulator = await startEmulator({ config: seed });
    try {
      const storage = memoryStorage();
      const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}.device`;
      storage.setItem(`${prefix}.deviceKey`, DEVICE.DeviceKey);
      storage.setItem(`${prefix}.deviceGroupKey`, DEVICE.DeviceGroupKey);
      storage.setItem(`${prefix}.randomPasswordKey`, DEVICE.DevicePassword);
      const pool = userPool(emulator, POOL_ID, CLIENT_ID, storage);
      expectKind(await signIn(cognitoUser(pool, 'device'), 'device', PASSWORD), 'success');
      // The same user on a browser without those keys is asked for the TOTP code.
      const stranger = userPool(emulator, POOL_ID, CLIENT_ID);
      expectKind(await signIn(cognitoUser(stranger, 'device'), 'device', PASSWORD), 'totpRequired');
    } finally {
      await emulator.close();
    }
  });

  it('rejects a malformed config with InvalidSeed naming the field', async () => {
    const bad = { Pools: [{ Id: POOL_ID, Clients: [{ ClientId: CLIENT_ID, AuthSessionValidity: 60 }] }] };
    const error = await rejection(startEmulator({ config: bad }));
    expect(error.code).toBe('InvalidSeed');
    expect(error.message).toBe(
      'options.config: Pools[0].Clients[0].AuthSessionValidity: must be an integer from 3 to 15',
    );
  });

  it('rejects two users with one username', async () => {
    const users = [{ Username: 'twin' }, { Username: 'twin' }];
    const error = await rejection(startEmulator({ config: { Pools: [{ Id: POOL_ID, Users: users }] } }));
    expect(error.message).toBe('options.config: Pools[0].Users[1].Username: repeats an earlier entry');
  });

  it('seeds an email-as-username pool: the seeded email signs in, named by a UUID; aliases with it are refused', async () => {
    const pool = {
      Id: POOL_ID,
      UsernameAttributes: ['email' as const],
      Clients: [{ ClientId: CLIENT_ID }],
      Users: [{ Username: 'seeded@example.com', Password: PASSWORD }],
    };
    const emulator = await startEmulator({ config: { Pools: [pool] } });
    try {
      const result = expectKind(
        await signIn(
          cognitoUser(userPool(emulator, POOL_ID, CLIENT_ID), 'seeded@example.com'),
          'seeded@example.com',
          PASSWORD,
        ),
        'success',
      );
      const claims = result.session.getIdToken().decodePayload();
      expect(claims['cognito:username']).toBe(claims.sub);
      expect(claims.email).toBe('seeded@example.com');
    } finally {
      await emulator.stop();
    }
    const both = { Pools: [{ ...pool, AliasAttributes: ['email' as const] }] };
    expect((await rejection(startEmulator({ config: both }))).message).toBe(
      'options.config: Pools[0].UsernameAttributes: cannot be set together with AliasAttributes, as in Cognito',
    );
  });

  it('rejects a busy port with PortInUse', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const error = await rejection(startEmulator({ port }));
      expect(error.code).toBe('PortInUse');
      expect(error.message).toBe(`port ${String(port)} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
