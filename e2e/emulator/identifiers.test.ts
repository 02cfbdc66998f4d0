// Sign-in identifiers and account recovery: UsernameAttributes, case-insensitive pools, AccountRecoverySetting.
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListUserPoolsCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.ts';
import { startSrp } from './srpClient.ts';
import { createClient, createPool, createUser, lastCodeTo, PASSWORD, passwordSignIn } from './settings.testkit.ts';
import { cognitoUser, expectKind, memoryStorage, rejection, sdkClient, signIn, userPool } from './testHelpers.ts';

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [] } });
  client = sdkClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function signUp(ClientId: string, Username: string, attributes: Record<string, string> = {}): Promise<string> {
  const { UserSub } = await client.send(
    new SignUpCommand({
      ClientId,
      Username,
      Password: PASSWORD,
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  if (UserSub === undefined) throw new Error('SignUp returned no UserSub');
  return UserSub;
}

const srpChallenge = async (ClientId: string, USERNAME: string) =>
  (
    await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId,
        AuthParameters: { USERNAME, SRP_A: startSrp().srpA },
      }),
    )
  ).ChallengeParameters ?? {};

describe('UsernameAttributes', () => {
  it('UsernameAttributes: the username becomes a UUID equal to sub, and a username that is not an email is refused', async () => {
    const UserPoolId = await createPool(client, { UsernameAttributes: ['email'] });
    const { ClientId } = await createClient(client, UserPoolId);
    const sub = await signUp(ClientId, 'ada@example.com');
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'ada@example.com' }));
    expect(user.Username).toBe(sub);
    expect(user.Username).toMatch(UUID);
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: 'ada@example.com' });
    expect(await rejection(signUp(ClientId, 'ada'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
    expect(await rejection(signUp(ClientId, 'ada@example.com'))).toEqual({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    const both = await createPool(client, { UsernameAttributes: ['email', 'phone_number'] });
    const bothClient = await createClient(client, both);
    expect((await rejection(signUp(bothClient.ClientId, 'ada'))).message).toBe(
      'Username should be either an email or a phone number.',
    );
    expect(await signUp(bothClient.ClientId, '+15555550123')).toMatch(UUID);
  });

  it('UsernameAttributes: USER_ID_FOR_SRP is the UUID, and amazon-cognito-identity-js signs in with the email', async () => {
    const UserPoolId = await createPool(client, {
      UsernameAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 8 } },
    });
    const { ClientId } = await createClient(client, UserPoolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] });
    await createUser(client, UserPoolId, 'grace@example.com');
    const { Username } = await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'grace@example.com' }));
    expect(Username).toMatch(UUID);
    const parameters = await srpChallenge(ClientId, 'grace@example.com');
    expect(parameters.USER_ID_FOR_SRP).toBe(Username);
    const storage = memoryStorage();
    const pool = userPool(emulator, UserPoolId, ClientId, storage);
    const result = expectKind(
      await signIn(cognitoUser(pool, 'grace@example.com'), 'grace@example.com', PASSWORD),
      'success',
    );
    const claims = decodeJwt(result.session.getIdToken().getJwtToken());
    expect(claims['cognito:username']).toBe(Username);
    expect(claims.email).toBe('grace@example.com');
    // The official client keys what it stores by USER_ID_FOR_SRP, not by what was typed.
    expect(storage.items.get(`CognitoIdentityServiceProvider.${ClientId}.LastAuthUser`)).toBe(Username);
  });

  it('UsernameAttributes: the decoy challenge for an unknown email shows a stable UUID as USER_ID_FOR_SRP', async () => {
    const UserPoolId = await createPool(client, { UsernameAttributes: ['email'] });
    const { ClientId } = await createClient(client, UserPoolId, {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const [first, second] = [
      await srpChallenge(ClientId, 'nobody@example.com'),
      await srpChallenge(ClientId, 'nobody@example.com'),
    ];
    expect(first.USER_ID_FOR_SRP).toMatch(UUID);
    expect(second.USER_ID_FOR_SRP).toBe(first.USER_ID_FOR_SRP);
    expect(second.SALT).toBe(first.SALT);
  });

  it('refuses AliasAttributes together with UsernameAttributes, and an email-format username in an email-alias pool', async () => {
    const before = (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length;
    const both = await rejection(
      client.send(
        new CreateUserPoolCommand({ PoolName: 'both', AliasAttributes: ['email'], UsernameAttributes: ['email'] }),
      ),
    );
    expect(both).toEqual({
      name: 'InvalidParameterException',
      message: 'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.',
    });
    expect((await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length).toBe(before);
    const UserPoolId = await createPool(client, { AliasAttributes: ['email'] });
    const { ClientId } = await createClient(client, UserPoolId);
    expect(await rejection(signUp(ClientId, 'ann@example.com'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username cannot be of email format, since user pool is configured for email alias.',
    });
  });
});

describe('UsernameConfiguration', () => {
  it('CaseSensitive false: a user signs in, is found and is refused a twin in any case', async () => {
    const UserPoolId = await createPool(client, {
      UsernameConfiguration: { CaseSensitive: false },
      AliasAttributes: ['email'],
    });
    const { ClientId } = await createClient(client, UserPoolId, {
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
    });
    await createUser(client, UserPoolId, 'MixedCase', { email: 'Mixed@Example.com', email_verified: 'true' });
    expect(decodeJwt((await passwordSignIn(client, ClientId, 'mixedcase')).AccessToken).username).toBe('MixedCase');
    expect((await passwordSignIn(client, ClientId, 'MIXED@example.COM')).AccessToken).toBeTruthy();
    expect((await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'MIXEDCASE' }))).Username).toBe(
      'MixedCase',
    );
    expect((await rejection(signUp(ClientId, 'mixedCASE'))).name).toBe('UsernameExistsException');
    expect((await srpChallenge(ClientId, 'mixedcase')).USER_ID_FOR_SRP).toBe('MixedCase');
    const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId }));
    expect(UserPool?.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it('CaseSensitive true (the default): another case is another user', async () => {
    const UserPoolId = await createPool(client);
    const { ClientId } = await createClient(client, UserPoolId);
    await createUser(client, UserPoolId, 'Exact');
    expect((await rejection(passwordSignIn(client, ClientId, 'exact'))).name).toBe('UserNotFoundException');
    expect(await signUp(ClientId, 'exact')).toMatch(UUID);
  });
});

describe('AccountRecoverySetting', () => {
  const both = { email: 'rec@example.com', email_verified: 'true', phone_number: '+15555550142' };
  const forgot = (ClientId: string, Username: string) => client.send(new ForgotPasswordCommand({ ClientId, Username }));

  it('AccountRecoverySetting: ForgotPassword sends to the first verified mechanism; without it a verified phone comes first', async () => {
    const emailFirst = await createPool(client, {
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: 'verified_email', Priority: 1 },
          { Name: 'verified_phone_number', Priority: 2 },
        ],
      },
    });
    const emailClient = await createClient(client, emailFirst);
    await createUser(client, emailFirst, 'rec', { ...both, phone_number_verified: 'true' });
    expect((await forgot(emailClient.ClientId, 'rec')).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect((await lastCodeTo(emulator.url, 'rec@example.com')).message).toContain('password reset code');
    const legacy = await createPool(client);
    const legacyClient = await createClient(client, legacy);
    await createUser(client, legacy, 'rec', { ...both, phone_number_verified: 'true' });
    expect((await forgot(legacyClient.ClientId, 'rec')).CodeDeliveryDetails?.DeliveryMedium).toBe('SMS');
    expect((await client.send(new DescribeUserPoolCommand({ UserPoolId: legacy }))).UserPool).not.toHaveProperty(
      'AccountRecoverySetting',
    );
  });

  it('AccountRecoverySetting: a phone does not qualify while the user has SMS MFA on', async () => {
    const UserPoolId = await createPool(client, {
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] },
    });
    const { ClientId } = await createClient(client, UserPoolId);
    await createUser(client, UserPoolId, 'phoney', { ...both, phone_number_verified: 'true' });
    expect((await forgot(ClientId, 'phoney')).CodeDeliveryDetails?.DeliveryMedium).toBe('SMS');
    await client.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'phoney', SMSMfaSettings: { Enabled: true } }),
    );
    expect(await rejection(forgot(ClientId, 'phoney'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });

  it('AccountRecoverySetting admin_only refuses ForgotPassword', async () => {
    const UserPoolId = await createPool(client);
    await client.send(
      new UpdateUserPoolCommand({
        UserPoolId,
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
      }),
    );
    const { ClientId } = await createClient(client, UserPoolId);
    await createUser(client, UserPoolId, 'locked', both);
    expect((await rejection(forgot(ClientId, 'locked'))).name).toBe('NotAuthorizedException');
    expect((await client.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool?.AccountRecoverySetting).toEqual({
      RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }],
    });
  });

  it('refuses an invalid AccountRecoverySetting with InvalidParameterException and creates no pool', async () => {
    const before = (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length;
    const attempts = [
      [],
      [
        { Name: 'admin_only' as const, Priority: 1 },
        { Name: 'verified_email' as const, Priority: 2 },
      ],
      [
        { Name: 'verified_email' as const, Priority: 1 },
        { Name: 'verified_phone_number' as const, Priority: 1 },
      ],
      [{ Name: 'verified_email' as const, Priority: 3 }],
    ];
    for (const RecoveryMechanisms of attempts) {
      const error = await rejection(
        client.send(new CreateUserPoolCommand({ PoolName: 'bad', AccountRecoverySetting: { RecoveryMechanisms } })),
      );
      expect(error.name).toBe('InvalidParameterException');
    }
    expect((await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length).toBe(before);
  });
});

describe('SMS MFA', () => {
  it('a successful SMS_MFA step sets phone_number_verified to true', async () => {
    const UserPoolId = await createPool(client, { MfaConfiguration: 'OPTIONAL' });
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId, SmsMfaConfiguration: {} }));
    const { ClientId } = await createClient(client, UserPoolId);
    await createUser(client, UserPoolId, 'texter', { phone_number: '+15555550177' });
    await client.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'texter', SMSMfaSettings: { Enabled: true } }),
    );
    const verified = async () =>
      (await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'texter' }))).UserAttributes?.find(
        (a) => a.Name === 'phone_number_verified',
      )?.Value;
    expect(await verified()).toBeUndefined();
    const started = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId,
        AuthParameters: { USERNAME: 'texter', PASSWORD },
      }),
    );
    expect(started.ChallengeName).toBe('SMS_MFA');
    const { code } = await lastCodeTo(emulator.url, '+15555550177');
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId,
        ChallengeName: 'SMS_MFA',
        Session: started.Session,
        ChallengeResponses: { USERNAME: 'texter', SMS_MFA_CODE: code },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(await verified()).toBe('true');
  });
});

describe('persistence of identifier settings', () => {
  it('keeps UsernameAttributes, CaseSensitive and AccountRecoverySetting across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cognito-identifiers-'));
    try {
      const first = await startEmulator({ config: { Pools: [] }, dataDir: dir });
      const sdk = sdkClient(first.url);
      const UserPoolId = await createPool(sdk, {
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      });
      const { ClientId } = await createClient(sdk, UserPoolId);
      await createUser(sdk, UserPoolId, 'kept@example.com');
      await sdk.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId,
          Username: 'kept@example.com',
          UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
        }),
      );
      const before = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool;
      sdk.destroy();
      await first.stop();
      const second = await startEmulator({ config: { Pools: [] }, dataDir: dir });
      const again = sdkClient(second.url);
      const after = (await again.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool;
      expect(after?.UsernameAttributes).toEqual(before?.UsernameAttributes);
      expect(after?.UsernameConfiguration).toEqual({ CaseSensitive: false });
      expect(after?.AccountRecoverySetting).toEqual(before?.AccountRecoverySetting);
      expect((await passwordSignIn(again, ClientId, 'KEPT@example.com')).AccessToken).toBeTruthy();
      again.destroy();
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
