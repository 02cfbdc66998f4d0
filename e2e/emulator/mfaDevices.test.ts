// Pool MFA config, admin MFA preferences, the Admin auth pair, and device listing/forgetting through the SDK.
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  ForgetDeviceCommand,
  GetDeviceCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  SetUserPoolMfaConfigCommand,
  UpdateDeviceStatusCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolConfig } from './config.ts';
import { startEmulator, type Emulator } from './index.ts';
import { lastCode, rejection, sdkClient } from './testHelpers.ts';

const POOL_ID = 'us-west-2_MfaPool01';
const CLIENT_ID = 'mfaclient00000000000000001';
const PASSWORD = 'Mfa-Passw0rd!';

function pool(): PoolConfig {
  return {
    Id: POOL_ID,
    MfaConfiguration: 'OFF',
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
    Clients: [
      {
        ClientId: CLIENT_ID,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      },
    ],
    Users: [
      {
        Username: 'mia',
        Password: PASSWORD,
        Attributes: { phone_number: '+15555550199', phone_number_verified: 'true' },
      },
      { Username: 'dev', Password: PASSWORD },
    ],
  };
}

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [pool()] } });
  client = sdkClient(emulator.url, 'us-west-2');
});
afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

describe('MFA configuration', () => {
  it('turns SMS MFA on for the pool and a user, then AdminInitiateAuth / AdminRespondToAuthChallenge pass SMS_MFA', async () => {
    const adminAuth = () =>
      client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: POOL_ID,
          ClientId: CLIENT_ID,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'mia', PASSWORD },
        }),
      );
    expect((await adminAuth()).AuthenticationResult).toBeDefined();
    await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: POOL_ID,
        MfaConfiguration: 'OPTIONAL',
        SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' },
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const config = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: POOL_ID }));
    expect(config.MfaConfiguration).toBe('OPTIONAL');
    expect(config.SoftwareTokenMfaConfiguration?.Enabled).toBe(true);
    await client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: POOL_ID,
        Username: 'mia',
        SMSMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const challenge = await adminAuth();
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    expect(challenge.ChallengeParameters?.CODE_DELIVERY_DESTINATION).toBe('+*******0199');
    const done = await client.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: POOL_ID,
        ClientId: CLIENT_ID,
        ChallengeName: 'SMS_MFA',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'mia', SMS_MFA_CODE: lastCode(emulator, 'mia') },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses to enable TOTP for a user who never associated a token', async () => {
    expect(
      await rejection(
        client.send(
          new AdminSetUserMFAPreferenceCommand({
            UserPoolId: POOL_ID,
            Username: 'dev',
            SoftwareTokenMfaSettings: { Enabled: true },
          }),
        ),
      ),
    ).toEqual({
      name: 'SoftwareTokenMFANotFoundException',
      message: 'Software token MFA has not been enabled for the user.',
    });
  });
});

describe('devices', () => {
  it('confirms, lists, reads, updates and forgets a device; a forgotten DEVICE_KEY is "Device does not exist."', async () => {
    const signIn = (deviceKey?: string) =>
      client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: CLIENT_ID,
          AuthParameters: { USERNAME: 'dev', PASSWORD, ...(deviceKey !== undefined ? { DEVICE_KEY: deviceKey } : {}) },
        }),
      );
    const result = (await signIn()).AuthenticationResult;
    const DeviceKey = result?.NewDeviceMetadata?.DeviceKey ?? '';
    const AccessToken = result?.AccessToken ?? '';
    expect(DeviceKey).toMatch(/^us-west-2_/);
    const confirmed = await client.send(
      new ConfirmDeviceCommand({
        AccessToken,
        DeviceKey,
        DeviceName: 'test browser',
        DeviceSecretVerifierConfig: { PasswordVerifier: Buffer.from('0a0b0c', 'hex').toString('base64'), Salt: 'AAEC' },
      }),
    );
    // This pool remembers confirmed devices without asking the user.
    expect(confirmed.UserConfirmationNecessary).toBe(false);
    const listed = await client.send(new ListDevicesCommand({ AccessToken }));
    expect(listed.Devices?.map((d) => d.DeviceKey)).toEqual([DeviceKey]);
    const one = await client.send(new GetDeviceCommand({ AccessToken, DeviceKey }));
    expect(one.Device?.DeviceAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'device_status', Value: 'valid' },
        { Name: 'device_name', Value: 'test browser' },
      ]),
    );
    await client.send(
      new UpdateDeviceStatusCommand({ AccessToken, DeviceKey, DeviceRememberedStatus: 'not_remembered' }),
    );
    expect((await client.send(new GetDeviceCommand({ AccessToken, DeviceKey }))).Device?.DeviceAttributes).toEqual(
      expect.arrayContaining([{ Name: 'device_status', Value: 'not_remembered' }]),
    );
    await client.send(new ForgetDeviceCommand({ AccessToken, DeviceKey }));
    expect(await rejection(client.send(new GetDeviceCommand({ AccessToken, DeviceKey })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    });
    expect(await rejection(signIn(DeviceKey))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    });
  });
});
