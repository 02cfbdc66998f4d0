// Pool and app-client settings are honoured as Cognito does, or refused out loud (docs/emulator-settings.md).
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserMFAPreferenceCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.ts';
import { startSrp } from './srpClient.ts';
import {
  advanceClock,
  createClient,
  createPool,
  createUser,
  lastCodeTo,
  outboxMessages,
  PASSWORD,
  passwordSignIn,
} from './settings.testkit.ts';
import { rejection, sdkClient } from './testHelpers.ts';

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

const lifetime = (token: string): number => {
  const { exp, iat } = decodeJwt(token);
  return (exp ?? 0) - (iat ?? 0);
};

describe('token lifetimes', () => {
  it('reads a plain validity in hours for access and ID tokens, as TokenValidityUnits defaults', async () => {
    const UserPoolId = await createPool(client);
    await createUser(client, UserPoolId, 'hours');
    const { ClientId } = await createClient(client, UserPoolId, { AccessTokenValidity: 2, IdTokenValidity: 3 });
    const tokens = await passwordSignIn(client, ClientId, 'hours');
    expect(lifetime(tokens.AccessToken)).toBe(7200);
    expect(lifetime(tokens.IdToken)).toBe(10_800);
    expect(tokens.ExpiresIn).toBe(7200);
    const { UserPoolClient } = await client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }));
    expect(UserPoolClient).toMatchObject({
      AccessTokenValidity: 2,
      IdTokenValidity: 3,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
    });
  });

  it('honours TokenValidityUnits in minutes', async () => {
    const UserPoolId = await createPool(client);
    await createUser(client, UserPoolId, 'minutes');
    const { ClientId } = await createClient(client, UserPoolId, {
      AccessTokenValidity: 5,
      TokenValidityUnits: { AccessToken: 'minutes' },
    });
    expect(lifetime((await passwordSignIn(client, ClientId, 'minutes')).AccessToken)).toBe(300);
  });

  it('refuses a validity out of range (0, or 25 hours) with InvalidParameterException and stores nothing', async () => {
    const UserPoolId = await createPool(client);
    const zero = await rejection(createClient(client, UserPoolId, { AccessTokenValidity: 0 }));
    expect(zero.name).toBe('InvalidParameterException');
    const day = await rejection(createClient(client, UserPoolId, { AccessTokenValidity: 25 }));
    expect(day).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid range for token validity: AccessTokenValidity of 25 hours must be between 5 minutes and 1 day.',
    });
    const refresh = await rejection(
      createClient(client, UserPoolId, { RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } }),
    );
    expect(refresh.name).toBe('InvalidParameterException');
    expect((await client.send(new ListUserPoolClientsCommand({ UserPoolId }))).UserPoolClients).toEqual([]);
  });
});

describe('app client settings', () => {
  it('UpdateUserPoolClient replaces the settings, and Describe echoes every one, stored-only members too', async () => {
    const UserPoolId = await createPool(client);
    const { ClientId } = await createClient(client, UserPoolId, { AuthSessionValidity: 10 });
    await client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId,
        ClientId,
        ClientName: 'renamed',
        CallbackURLs: ['https://app.example/cb'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        EnableTokenRevocation: false,
      }),
    );
    const { UserPoolClient } = await client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }));
    expect(UserPoolClient).toMatchObject({
      ClientName: 'renamed',
      CallbackURLs: ['https://app.example/cb'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      EnableTokenRevocation: false,
      // Left out of the update: back to the default, as on AWS.
      AuthSessionValidity: 3,
    });
  });

  it('AuthSessionValidity: a challenge Session lives as many minutes as the client says; 2 or 16 is refused', async () => {
    const UserPoolId = await createPool(client, { MfaConfiguration: 'OPTIONAL' });
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId, SmsMfaConfiguration: {} }));
    await createUser(client, UserPoolId, 'slow', { phone_number: '+15555550188' });
    await client.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'slow', SMSMfaSettings: { Enabled: true } }),
    );
    for (const AuthSessionValidity of [2, 16])
      expect((await rejection(createClient(client, UserPoolId, { AuthSessionValidity }))).name).toBe(
        'InvalidParameterException',
      );
    const { ClientId } = await createClient(client, UserPoolId, { AuthSessionValidity: 10 });
    const challenge = () =>
      client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId,
          AuthParameters: { USERNAME: 'slow', PASSWORD },
        }),
      );
    const answer = async (Session: string | undefined) =>
      client.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'SMS_MFA',
          Session,
          ChallengeResponses: { USERNAME: 'slow', SMS_MFA_CODE: (await lastCodeTo(emulator.url, '+15555550188')).code },
        }),
      );
    const early = await challenge();
    await advanceClock(emulator.url, 9 * 60);
    expect((await answer(early.Session)).AuthenticationResult?.AccessToken).toBeTruthy();
    const late = await challenge();
    await advanceClock(emulator.url, 10 * 60 + 1);
    expect(await rejection(answer(late.Session))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('EnableTokenRevocation false makes RevokeToken fail with UnsupportedOperationException', async () => {
    const UserPoolId = await createPool(client);
    await createUser(client, UserPoolId, 'keeper');
    const { ClientId } = await createClient(client, UserPoolId, { EnableTokenRevocation: false });
    const { RefreshToken } = await passwordSignIn(client, ClientId, 'keeper');
    expect((await rejection(client.send(new RevokeTokenCommand({ ClientId, Token: RefreshToken })))).name).toBe(
      'UnsupportedOperationException',
    );
  });

  it('ClientSecret: a client made with its own secret requires SECRET_HASH made from it', async () => {
    const UserPoolId = await createPool(client);
    await createUser(client, UserPoolId, 'secretive');
    const ClientSecret = 'my+own_client_secret_0123456789';
    const both = await rejection(createClient(client, UserPoolId, { ClientSecret, GenerateSecret: true }));
    expect(both.name).toBe('InvalidParameterException');
    const made = await createClient(client, UserPoolId, { ClientSecret });
    expect(made.ClientSecret).toBe(ClientSecret);
    expect((await rejection(passwordSignIn(client, made.ClientId, 'secretive'))).name).toBe('NotAuthorizedException');
    const SECRET_HASH = createHmac('sha256', ClientSecret).update(`secretive${made.ClientId}`).digest('base64');
    expect((await passwordSignIn(client, made.ClientId, 'secretive', { SECRET_HASH })).AccessToken).toBeTruthy();
  });

  it('refuses ReadAttributes and WriteAttributes, which it does not enforce', async () => {
    const UserPoolId = await createPool(client);
    const refused = await rejection(createClient(client, UserPoolId, { ReadAttributes: ['email'] }));
    expect(refused.name).toBe('InvalidParameterException');
    expect(refused.message).toContain('The Cognito emulator does not support ReadAttributes');
  });
});

describe('pool settings', () => {
  it('refuses settings it cannot honour, and creates no pool', async () => {
    const before = (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length;
    const attempts = [
      { UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' as const } },
      { Policies: { PasswordPolicy: { PasswordHistorySize: 3 } } },
      { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email' as const] } },
      { LambdaConfig: { UserMigration: 'arn:aws:lambda:us-east-1:000000000000:function:migrate' } },
      {
        LambdaConfig: {
          PreTokenGenerationConfig: {
            LambdaVersion: 'V2_0' as const,
            LambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:pre-token',
          },
        },
      },
      { IssuerConfiguration: { Type: 'UPDATED' } },
      { DcrConfiguration: { EnableStatus: 'ENABLED' } },
      { Schema: [{ Name: 'custom:tier', AttributeDataType: 'String' as const, Mutable: false }] },
      { AdminCreateUserConfig: { UnusedAccountValidityDays: 3 } },
      { VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } },
    ] as const;
    for (const attempt of attempts) {
      // Raw members, as a seed or another SDK could send them: the SDK's types lag behind the API here and there.
      const input = { PoolName: 'refused', ...attempt } as unknown as CreateUserPoolCommandInput;
      const error = await rejection(client.send(new CreateUserPoolCommand(input)));
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toMatch(/^The Cognito emulator does not support /);
    }
    expect((await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length).toBe(before);
    const UserPoolId = await createPool(client);
    // Passkeys as MFA is not emulated (passkeys as a first factor are: see webauthn.test.ts).
    const webAuthn = await rejection(
      client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId,
          WebAuthnConfiguration: {
            RelyingPartyId: 'x.example',
            FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION',
          },
        }),
      ),
    );
    expect(webAuthn.name).toBe('InvalidParameterException');
  });

  it('AliasAttributes: a verified email signs in only where the pool allows it', async () => {
    const attributes = { email: 'ann@example.com', email_verified: 'true' };
    const withAlias = await createPool(client, { AliasAttributes: ['email'] });
    await createUser(client, withAlias, 'ann', attributes);
    const aliasClient = await createClient(client, withAlias);
    expect((await passwordSignIn(client, aliasClient.ClientId, 'ann@example.com')).AccessToken).toBeTruthy();
    const without = await createPool(client);
    await createUser(client, without, 'ann', attributes);
    const plainClient = await createClient(client, without);
    expect((await rejection(passwordSignIn(client, plainClient.ClientId, 'ann@example.com'))).name).toBe(
      'UserNotFoundException',
    );
  });

  it('AutoVerifiedAttributes: none unless set, so SignUp sends no code', async () => {
    const UserPoolId = await createPool(client);
    const { ClientId } = await createClient(client, UserPoolId);
    const signUp = (Username: string) =>
      client.send(
        new SignUpCommand({
          ClientId,
          Username,
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
        }),
      );
    expect((await signUp('quiet')).CodeDeliveryDetails).toBeUndefined();
    await client.send(new UpdateUserPoolCommand({ UserPoolId, AutoVerifiedAttributes: ['email'] }));
    expect((await signUp('loud')).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
  });

  it('AllowAdminCreateUserOnly refuses SignUp', async () => {
    const UserPoolId = await createPool(client, { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    const { ClientId } = await createClient(client, UserPoolId);
    const error = await rejection(client.send(new SignUpCommand({ ClientId, Username: 'self', Password: PASSWORD })));
    expect(error.name).toBe('NotAuthorizedException');
  });

  it('TemporaryPasswordValidityDays: after it sign-in is refused, and RESEND issues a new temporary password', async () => {
    const UserPoolId = await createPool(client, { Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 1 } } });
    const { ClientId } = await createClient(client, UserPoolId, {
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    });
    const invite = (MessageAction?: 'RESEND') =>
      client.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: 'late',
          TemporaryPassword: 'Temp-Passw0rd!',
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [{ Name: 'email', Value: 'late@example.com' }],
          ...(MessageAction ? { MessageAction } : {}),
        }),
      );
    const signIn = () =>
      client.send(
        new AdminInitiateAuthCommand({
          UserPoolId,
          ClientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'late', PASSWORD: 'Temp-Passw0rd!' },
        }),
      );
    await invite();
    expect((await signIn()).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await advanceClock(emulator.url, 86_401);
    expect(await rejection(signIn())).toEqual({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
    await invite('RESEND');
    expect((await signIn()).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('PreventUserExistenceErrors: an unknown user gets the same SALT and USER_ID_FOR_SRP on every call', async () => {
    const UserPoolId = await createPool(client);
    const { ClientId } = await createClient(client, UserPoolId, {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const challenge = async () =>
      (
        await client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId,
            AuthParameters: { USERNAME: 'nobody', SRP_A: startSrp().srpA },
          }),
        )
      ).ChallengeParameters;
    const [first, second] = [await challenge(), await challenge()];
    expect(first?.SALT).toBe(second?.SALT);
    expect(first?.USER_ID_FOR_SRP).toBe('nobody');
    expect(second?.USER_ID_FOR_SRP).toBe('nobody');
  });

  it('LambdaConfig.PreTokenGenerationConfig V1_0 runs as the pre token generation trigger', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cognito-trigger-'));
    try {
      const module = join(dir, 'preToken.mjs');
      await writeFile(
        module,
        'export const handler = (event) => ({ ...event, response: { claimsOverrideDetails: { claimsToAddOrOverride: { tier: "gold" } } } });\n',
      );
      const UserPoolId = await createPool(client, {
        LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V1_0', LambdaArn: module } },
      });
      await createUser(client, UserPoolId, 'claimed');
      const { ClientId } = await createClient(client, UserPoolId);
      expect(decodeJwt((await passwordSignIn(client, ClientId, 'claimed')).IdToken).tier).toBe('gold');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('UpdateUserPool: a member left out goes back to its default, as on AWS; identifiers stay', async () => {
    const UserPoolId = await createPool(client, {
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      Policies: { PasswordPolicy: { MinimumLength: 12 } },
      Schema: [{ Name: 'tier', AttributeDataType: 'String' }],
    });
    await client.send(new UpdateUserPoolCommand({ UserPoolId, UserPoolTags: { team: 'auth' } }));
    const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId }));
    expect(UserPool).toMatchObject({
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: [],
      MfaConfiguration: 'OFF',
      UserPoolTags: { team: 'auth' },
      Policies: { PasswordPolicy: { MinimumLength: 8 } },
    });
    expect(UserPool?.SchemaAttributes).toContainEqual(
      expect.objectContaining({ Name: 'custom:tier', AttributeDataType: 'String', Required: false }),
    );
  });

  it('DeletionProtection ACTIVE refuses DeleteUserPool', async () => {
    const UserPoolId = await createPool(client, { DeletionProtection: 'ACTIVE' });
    expect((await rejection(client.send(new DeleteUserPoolCommand({ UserPoolId })))).name).toBe(
      'InvalidParameterException',
    );
    await client.send(new UpdateUserPoolCommand({ UserPoolId, DeletionProtection: 'INACTIVE' }));
    await client.send(new DeleteUserPoolCommand({ UserPoolId }));
  });

  it('fills the pool verification message into the codes it sends', async () => {
    const UserPoolId = await createPool(client, {
      AutoVerifiedAttributes: ['email'],
      EmailVerificationMessage: 'Welcome! Your code: {####}',
    });
    const { ClientId } = await createClient(client, UserPoolId);
    await client.send(
      new SignUpCommand({
        ClientId,
        Username: 'welcomed',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'welcomed@example.com' }],
      }),
    );
    const sent = (await outboxMessages(emulator.url)).filter((m) => m.username === 'welcomed').at(-1);
    expect(sent?.message).toBe(`Welcome! Your code: ${sent?.code ?? ''}`);
  });
});

describe('message templates', () => {
  it('fills every template the pool sets: SMS verification, invitation, SMS and email MFA, VerificationMessageTemplate', async () => {
    const UserPoolId = await createPool(client, {
      AutoVerifiedAttributes: ['phone_number'],
      SmsVerificationMessage: 'Verify {####}',
      MfaConfiguration: 'OPTIONAL',
      AdminCreateUserConfig: { InviteMessageTemplate: { EmailMessage: 'Hi {username}, password {####}' } },
    });
    await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        SmsMfaConfiguration: { SmsAuthenticationMessage: 'MFA {####}' },
        EmailMfaConfiguration: { Message: 'Mail MFA {####}' },
      }),
    );
    const { ClientId } = await createClient(client, UserPoolId);
    const sentTo = async (destination: string) => {
      const sent = await lastCodeTo(emulator.url, destination);
      return sent.message.replace(sent.code, '<code>');
    };
    await client.send(
      new SignUpCommand({
        ClientId,
        Username: 'texty',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'phone_number', Value: '+15555550111' }],
      }),
    );
    expect(await sentTo('+15555550111')).toBe('Verify <code>');
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: 'invited',
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [{ Name: 'email', Value: 'invited@example.com' }],
      }),
    );
    expect(await sentTo('invited@example.com')).toBe('Hi invited, password <code>');
    await createUser(client, UserPoolId, 'by-sms', { phone_number: '+15555550112' });
    await createUser(client, UserPoolId, 'by-mail', { email: 'by-mail@example.com', email_verified: 'true' });
    await client.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'by-sms', SMSMfaSettings: { Enabled: true } }),
    );
    await client.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'by-mail', EmailMfaSettings: { Enabled: true } }),
    );
    const start = (USERNAME: string) =>
      client.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD } }),
      );
    expect((await start('by-sms')).ChallengeName).toBe('SMS_MFA');
    expect(await sentTo('+15555550112')).toBe('MFA <code>');
    expect((await start('by-mail')).ChallengeName).toBe('EMAIL_OTP');
    expect(await sentTo('by-mail@example.com')).toBe('Mail MFA <code>');
    const templated = await createPool(client, {
      AutoVerifiedAttributes: ['email'],
      EmailVerificationMessage: 'Plain {####}',
      VerificationMessageTemplate: { EmailMessage: 'Template {####}' },
    });
    const templatedClient = await createClient(client, templated);
    await client.send(
      new SignUpCommand({
        ClientId: templatedClient.ClientId,
        Username: 'templated',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'templated@example.com' }],
      }),
    );
    expect(await sentTo('templated@example.com')).toBe('Template <code>');
  });
});

describe('persistence', () => {
  it('keeps every setting across a restart with a data directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cognito-settings-'));
    try {
      const first = await startEmulator({ config: { Pools: [] }, dataDir: dir });
      const sdk = sdkClient(first.url);
      const UserPoolId = await createPool(sdk, {
        AliasAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        DeletionProtection: 'ACTIVE',
        UserPoolTags: { team: 'auth' },
        Policies: { PasswordPolicy: { MinimumLength: 12, TemporaryPasswordValidityDays: 3 } },
      });
      const { ClientId } = await createClient(sdk, UserPoolId, {
        AccessTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes' },
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 20 },
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
        CallbackURLs: ['https://app.example/cb'],
      });
      const pool = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool;
      const app = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }))).UserPoolClient;
      sdk.destroy();
      await first.stop();
      const second = await startEmulator({ config: { Pools: [] }, dataDir: dir });
      const again = sdkClient(second.url);
      // Dates are stamped again on load; every setting must come back as it was.
      const poolAfter = { ...(await again.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool };
      delete poolAfter.LastModifiedDate;
      delete poolAfter.CreationDate;
      expect(pool).toMatchObject(poolAfter);
      expect((await again.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }))).UserPoolClient).toEqual(
        app,
      );
      again.destroy();
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
