// Tests that the AuthenticationHelper SRP adapter sends byte for byte what CognitoUser itself sends.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SrpPort } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { createAuthenticationHelperSrp, oracleEphemeralFrom } from './srp.ts';
import { fakeJwt, runOfficialSignIn, seedRandom } from './srpOfficialClient.testkit.ts';
import type { RecordedRequest } from './srpOfficialClient.testkit.ts';

const clientId = 'officialclient000000000001';

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

function field(request: RecordedRequest | undefined, group: string, name: string): string {
  const values: unknown = request?.body[group];
  const value: unknown = typeof values === 'object' && values !== null ? Reflect.get(values, name) : undefined;
  if (typeof value !== 'string') throw new Error(`${request?.operation ?? 'no request'} has no ${group}.${name}`);
  return value;
}

const passwordCases = [
  {
    title: 'a plain pool, user and password',
    poolId: 'us-east-1_DemoPool1',
    userIdForSrp: 'srp-user',
    password: 'Passw0rd!demo',
    salt: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    srpB: 'c3'.repeat(384),
    secretBlock: btoa('opaque secret block'),
    now: new Date(Date.UTC(2026, 2, 4, 18, 0, 7)),
    seed: 1,
  },
  {
    title: 'a UUID username, a non-ASCII password, a salt with its top bit set and a single-digit day',
    poolId: 'eu-west-2_Ab9Zx',
    userIdForSrp: '8c1f3a4e-5b6d-4e7f-9a0b-1c2d3e4f5a6b',
    password: 'pässwörd ✓ 密码',
    salt: 'f'.repeat(32),
    srpB: '1' + '0'.repeat(700) + '7',
    secretBlock: btoa(String.fromCharCode(...bytes(100, 7))),
    now: new Date(Date.UTC(2027, 0, 1, 0, 0, 0)),
    seed: 2,
  },
] as const;

describe('createAuthenticationHelperSrp', () => {
  let srp: SrpPort;

  beforeAll(async () => {
    srp = createAuthenticationHelperSrp();
    // Builds the shared group helper outside the seeded sections, so it does not eat seeded bytes.
    await oracleEphemeralFrom('1');
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const vector of passwordCases) {
    it(`signs the PASSWORD_VERIFIER claim exactly as CognitoUser does for ${vector.title}`, async () => {
      const a = bytes(128, vector.seed);
      vi.useFakeTimers({ toFake: ['Date'], now: vector.now });
      seedRandom(a);
      const official = await runOfficialSignIn({
        poolId: vector.poolId,
        clientId,
        username: 'typed-name',
        password: vector.password,
        script: (request, index) =>
          index === 0
            ? {
                ChallengeName: 'PASSWORD_VERIFIER',
                Session: 'session-1',
                ChallengeParameters: {
                  SALT: vector.salt,
                  SRP_B: vector.srpB,
                  SECRET_BLOCK: vector.secretBlock,
                  USER_ID_FOR_SRP: vector.userIdForSrp,
                  USERNAME: vector.userIdForSrp,
                },
              }
            : undefined,
      });
      vi.useRealTimers();
      vi.restoreAllMocks();

      seedRandom(a);
      const ephemeral = await srp.createEphemeral();
      vi.restoreAllMocks();
      const [initiate, respond] = official.requests;
      expect(ephemeral.srpA).toBe(field(initiate, 'AuthParameters', 'SRP_A'));

      const claim = await srp.passwordClaim({
        ephemeral,
        srpB: vector.srpB,
        salt: vector.salt,
        secretBlock: vector.secretBlock,
        now: vector.now,
        poolName: vector.poolId.split('_')[1] ?? '',
        userIdForSrp: vector.userIdForSrp,
        password: secret(vector.password),
      });
      expect(claim).toEqual({
        signature: field(respond, 'ChallengeResponses', 'PASSWORD_CLAIM_SIGNATURE'),
        timestamp: field(respond, 'ChallengeResponses', 'TIMESTAMP'),
      });
    });
  }

  it('signs the DEVICE_PASSWORD_VERIFIER claim exactly as CognitoUser does for a remembered device', async () => {
    const userIdForSrp = 'device-owner';
    const device = {
      deviceKey: 'us-east-1_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      deviceGroupKey: '-Xy12AbCdE',
      devicePassword: btoa(String.fromCharCode(...bytes(40, 11))),
    };
    const prefix = `CognitoIdentityServiceProvider.${clientId}.${userIdForSrp}`;
    const deviceChallenge = {
      SALT: '00ab'.repeat(8),
      SRP_B: 'e9'.repeat(384),
      SECRET_BLOCK: btoa(String.fromCharCode(...bytes(64, 12))),
    };
    const now = new Date(Date.UTC(2026, 10, 23, 9, 5, 3));
    const aUser = bytes(128, 21);
    const aDevice = bytes(128, 22);
    vi.useFakeTimers({ toFake: ['Date'], now });
    seedRandom(new Uint8Array([...aUser, ...aDevice]));
    const official = await runOfficialSignIn({
      poolId: 'us-east-1_DevicePool',
      clientId,
      username: userIdForSrp,
      password: 'Passw0rd!demo',
      storage: {
        [`${prefix}.deviceKey`]: device.deviceKey,
        [`${prefix}.deviceGroupKey`]: device.deviceGroupKey,
        [`${prefix}.randomPasswordKey`]: device.devicePassword,
      },
      script: (_request, index) =>
        [
          {
            ChallengeName: 'PASSWORD_VERIFIER',
            Session: 's1',
            ChallengeParameters: {
              SALT: 'ab'.repeat(16),
              SRP_B: 'cd'.repeat(384),
              SECRET_BLOCK: btoa('user block'),
              USER_ID_FOR_SRP: userIdForSrp,
            },
          },
          { ChallengeName: 'DEVICE_SRP_AUTH', Session: 's2', ChallengeParameters: {} },
          { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', Session: 's3', ChallengeParameters: deviceChallenge },
        ][index],
    });
    vi.useRealTimers();
    vi.restoreAllMocks();
    const [, verifier, deviceSrp, devicePasswordVerifier] = official.requests;
    expect(field(verifier, 'ChallengeResponses', 'DEVICE_KEY')).toBe(device.deviceKey);

    seedRandom(aDevice);
    const ephemeral = await srp.createEphemeral();
    vi.restoreAllMocks();
    expect(ephemeral.srpA).toBe(field(deviceSrp, 'ChallengeResponses', 'SRP_A'));
    const claim = await srp.deviceClaim({
      ephemeral,
      srpB: deviceChallenge.SRP_B,
      salt: deviceChallenge.SALT,
      secretBlock: deviceChallenge.SECRET_BLOCK,
      now,
      deviceGroupKey: device.deviceGroupKey,
      deviceKey: device.deviceKey,
      devicePassword: secret(device.devicePassword),
    });
    expect(claim).toEqual({
      signature: field(devicePasswordVerifier, 'ChallengeResponses', 'PASSWORD_CLAIM_SIGNATURE'),
      timestamp: field(devicePasswordVerifier, 'ChallengeResponses', 'TIMESTAMP'),
    });
  });

  it('builds the ConfirmDevice verifier and device password exactly as CognitoUser does', async () => {
    const username = 'new-device-user';
    const metadata = { DeviceKey: 'us-east-1_11111111-2222-4333-8444-555555555555', DeviceGroupKey: '-GroupKey9' };
    const randomness = [...bytes(128, 31), ...bytes(40, 32), ...bytes(16, 33)];
    seedRandom(new Uint8Array(randomness));
    const official = await runOfficialSignIn({
      poolId: 'us-east-1_DevicePool',
      clientId,
      username,
      password: 'Passw0rd!demo',
      script: (_request, index) =>
        [
          {
            ChallengeName: 'PASSWORD_VERIFIER',
            Session: 's1',
            ChallengeParameters: {
              SALT: 'ab'.repeat(16),
              SRP_B: 'cd'.repeat(384),
              SECRET_BLOCK: btoa('user block'),
              USER_ID_FOR_SRP: username,
            },
          },
          {
            ChallengeParameters: {},
            AuthenticationResult: {
              AccessToken: fakeJwt,
              IdToken: fakeJwt,
              RefreshToken: 'refresh',
              ExpiresIn: 3600,
              TokenType: 'Bearer',
              NewDeviceMetadata: metadata,
            },
          },
          // The official client caches the device password only once ConfirmDevice succeeds.
          { UserConfirmationNecessary: false },
        ][index],
    });
    vi.restoreAllMocks();
    const confirmDevice = official.requests[2];
    expect(confirmDevice?.operation).toBe('ConfirmDevice');
    const config = confirmDevice?.body.DeviceSecretVerifierConfig;

    seedRandom(new Uint8Array(randomness.slice(128)));
    const verifier = await srp.createDeviceVerifier({
      deviceGroupKey: metadata.DeviceGroupKey,
      deviceKey: metadata.DeviceKey,
    });
    vi.restoreAllMocks();
    expect({ PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt }).toEqual(config);
    expect(verifier.devicePassword.reveal()).toBe(
      official.storage.get(`CognitoIdentityServiceProvider.${clientId}.${username}.randomPasswordKey`),
    );
    expect(JSON.stringify(verifier)).not.toContain(verifier.devicePassword.reveal());
  });

  it('rejects a server B that is a multiple of N instead of signing', async () => {
    const ephemeral = await oracleEphemeralFrom('abcdef');
    const claim = srp.passwordClaim({
      ephemeral,
      srpB: '0',
      salt: '01',
      secretBlock: btoa('x'),
      now: new Date(),
      poolName: 'Pool',
      userIdForSrp: 'user',
      password: secret('pw'),
    });
    await expect(claim).rejects.toThrow('B cannot be zero.');
  });
});
