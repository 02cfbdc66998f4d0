// Users, account and admin operations through the SDK v3 client, with triggers, errors and persistence.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolConfig, TriggerEvent } from './config.ts';
import { computeSecretHash } from './context.ts';
import { startEmulator, type Emulator } from './index.ts';
import { lastCode, rejection, sdkClient } from './testHelpers.ts';

const POOL_ID = 'us-east-1_UsersPool';
const CLIENT_ID = 'usersclient000000000000001';
const PASSWORD = 'Users-Passw0rd!';

const events: TriggerEvent[] = [];
function record(event: TriggerEvent): TriggerEvent {
  events.push(structuredClone(event));
  if (event.triggerSource === 'PreSignUp_SignUp' && event.request.clientMetadata !== undefined) {
    const metadata = event.request.clientMetadata;
    if (typeof metadata === 'object' && metadata !== null && 'autoConfirm' in metadata)
      event.response.autoConfirmUser = true;
  }
  if (event.triggerSource.startsWith('CustomMessage_')) event.response.emailMessage = 'Welcome! Your code: {####}';
  return event;
}

function usersPool(): PoolConfig {
  return {
    Id: POOL_ID,
    RequiredAttributes: ['email'],
    AutoVerifiedAttributes: ['email'],
    AliasAttributes: ['email', 'phone_number'],
    LambdaConfig: { PreSignUp: record, CustomMessage: record, PostConfirmation: record },
    Clients: [
      {
        ClientId: CLIENT_ID,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      },
    ],
    Users: [],
  };
}

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [usersPool()] } });
  client = sdkClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

const signIn = (username: string, password = PASSWORD, clientId = CLIENT_ID) =>
  client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );

async function accessToken(username: string, password = PASSWORD): Promise<string> {
  const token = (await signIn(username, password)).AuthenticationResult?.AccessToken;
  if (token === undefined) throw new Error('no access token');
  return token;
}

async function signUpConfirmed(username: string): Promise<void> {
  await client.send(
    new SignUpCommand({
      ClientId: CLIENT_ID,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      ClientMetadata: { autoConfirm: 'yes' },
    }),
  );
}

describe('sign-up', () => {
  it('signs up, sends a code through the custom message trigger, confirms, then signs in', async () => {
    events.length = 0;
    const out = await client.send(
      new SignUpCommand({
        ClientId: CLIENT_ID,
        Username: 'newbie',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'newbie@example.com' }],
        ClientMetadata: { campaign: 'spring' },
      }),
    );
    expect(out.UserConfirmed).toBe(false);
    expect(out.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.CodeDeliveryDetails).toEqual({
      Destination: 'n***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const code = lastCode(emulator, 'newbie');
    expect(emulator.outbox.at(-1)?.message).toBe(`Welcome! Your code: ${code}`);
    expect(await rejection(signIn('newbie'))).toEqual({
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    });
    expect(
      await rejection(
        client.send(
          new ConfirmSignUpCommand({
            ClientId: CLIENT_ID,
            Username: 'newbie',
            ConfirmationCode: code === '000000' ? '111111' : '000000',
          }),
        ),
      ),
    ).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    await client.send(
      new ConfirmSignUpCommand({
        ClientId: CLIENT_ID,
        Username: 'newbie',
        ConfirmationCode: code,
        ClientMetadata: { campaign: 'confirm' },
      }),
    );
    expect(events.map((e) => [e.triggerSource, e.request.clientMetadata])).toEqual([
      ['PreSignUp_SignUp', { campaign: 'spring' }],
      ['CustomMessage_SignUp', { campaign: 'spring' }],
      ['PostConfirmation_ConfirmSignUp', { campaign: 'confirm' }],
    ]);
    expect((await signIn('newbie')).AuthenticationResult?.AccessToken).toBeTruthy();
    expect(
      await rejection(
        client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'newbie', ConfirmationCode: code })),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' });
  });

  it('auto-confirms when the pre sign-up trigger says so', async () => {
    await signUpConfirmed('auto');
    expect((await signIn('auto')).AuthenticationResult).toBeDefined();
  });

  it('refuses a taken username, a weak password and a missing required attribute', async () => {
    await signUpConfirmed('taken');
    expect(
      await rejection(
        client.send(
          new SignUpCommand({
            ClientId: CLIENT_ID,
            Username: 'taken',
            Password: PASSWORD,
            UserAttributes: [{ Name: 'email', Value: 'a@b.c' }],
          }),
        ),
      ),
    ).toEqual({ name: 'UsernameExistsException', message: 'User already exists' });
    expect(
      await rejection(
        client.send(
          new SignUpCommand({
            ClientId: CLIENT_ID,
            Username: 'weak',
            Password: 'password',
            UserAttributes: [{ Name: 'email', Value: 'a@b.c' }],
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });
    expect(
      await rejection(client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'noemail', Password: PASSWORD }))),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: email: The attribute is required',
    });
  });

  it('expires a sign-up code after 24 hours and limits resends', async () => {
    await client.send(
      new SignUpCommand({
        ClientId: CLIENT_ID,
        Username: 'slow',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'slow@example.com' }],
      }),
    );
    const code = lastCode(emulator, 'slow');
    emulator.clock.advance(24 * 3600 + 1);
    expect(
      await rejection(
        client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'slow', ConfirmationCode: code })),
      ),
    ).toEqual({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
    for (let i = 0; i < 4; i += 1)
      await client.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: 'slow' }));
    expect(
      await rejection(client.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: 'slow' }))),
    ).toEqual({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    await client.send(
      new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'slow', ConfirmationCode: lastCode(emulator, 'slow') }),
    );
  });

  it('answers an unknown user with UserNotFoundException (LEGACY client)', async () => {
    expect(
      await rejection(client.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: 'ghost' }))),
    ).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});

describe('passwords', () => {
  it('resets a forgotten password with the emailed code', async () => {
    await signUpConfirmed('forgetful');
    await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: POOL_ID,
        Username: 'forgetful',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    );
    const out = await client.send(new ForgotPasswordCommand({ ClientId: CLIENT_ID, Username: 'forgetful' }));
    expect(out.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const code = lastCode(emulator, 'forgetful');
    expect(
      await rejection(
        client.send(
          new ConfirmForgotPasswordCommand({
            ClientId: CLIENT_ID,
            Username: 'forgetful',
            ConfirmationCode: code,
            Password: 'short',
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidPasswordException' });
    await client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: CLIENT_ID,
        Username: 'forgetful',
        ConfirmationCode: code,
        Password: 'Brand-N3w-pass',
      }),
    );
    expect((await signIn('forgetful', 'Brand-N3w-pass')).AuthenticationResult).toBeDefined();
    expect(await rejection(signIn('forgetful'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('refuses ForgotPassword without a verified email or phone', async () => {
    await signUpConfirmed('unverified');
    expect(
      await rejection(client.send(new ForgotPasswordCommand({ ClientId: CLIENT_ID, Username: 'unverified' }))),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });

  it('changes the password with the previous one, and refuses a wrong previous one', async () => {
    await signUpConfirmed('changer');
    const AccessToken = await accessToken('changer');
    expect(
      await rejection(
        client.send(
          new ChangePasswordCommand({
            AccessToken,
            PreviousPassword: 'Wrong-passw0rd',
            ProposedPassword: 'Other-passw0rd',
          }),
        ),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await client.send(
      new ChangePasswordCommand({ AccessToken, PreviousPassword: PASSWORD, ProposedPassword: 'Other-passw0rd' }),
    );
    expect((await signIn('changer', 'Other-passw0rd')).AuthenticationResult).toBeDefined();
  });
});

describe('account', () => {
  it('reads the user, updates the email, and verifies it with the emailed code', async () => {
    await signUpConfirmed('mover');
    const AccessToken = await accessToken('mover');
    const user = await client.send(new GetUserCommand({ AccessToken }));
    expect(user.Username).toBe('mover');
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'mover@example.com' }]));
    const update = await client.send(
      new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: 'moved@example.com' }] }),
    );
    expect(update.CodeDeliveryDetailsList).toEqual([
      { Destination: 'm***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    ]);
    expect(
      await rejection(
        client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'sub', Value: 'x' }] })),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'Cannot modify the non-mutable attribute sub' });
    await client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
    await client.send(
      new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: lastCode(emulator, 'mover') }),
    );
    const after = await client.send(new GetUserCommand({ AccessToken }));
    expect(after.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: 'moved@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
  });

  it('revokes access and refresh tokens on GlobalSignOut', async () => {
    await signUpConfirmed('leaver');
    const result = (await signIn('leaver')).AuthenticationResult;
    const AccessToken = result?.AccessToken ?? '';
    await client.send(new GlobalSignOutCommand({ AccessToken }));
    expect(await rejection(client.send(new GetUserCommand({ AccessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect(
      await rejection(
        client.send(
          new InitiateAuthCommand({
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: CLIENT_ID,
            AuthParameters: { REFRESH_TOKEN: result?.RefreshToken ?? '' },
          }),
        ),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('revokes one refresh token with RevokeToken and rejects an unknown one', async () => {
    await signUpConfirmed('revoker');
    const result = (await signIn('revoker')).AuthenticationResult;
    await client.send(new RevokeTokenCommand({ ClientId: CLIENT_ID, Token: result?.RefreshToken ?? '' }));
    const refresh = (token: string) =>
      client.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: CLIENT_ID,
          AuthParameters: { REFRESH_TOKEN: token },
        }),
      );
    expect(await rejection(refresh(result?.RefreshToken ?? ''))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    expect(await rejection(refresh('not-a-token'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
  });

  it('rejects an expired access token and a garbage one', async () => {
    await signUpConfirmed('sleeper');
    const AccessToken = await accessToken('sleeper');
    emulator.clock.advance(3601);
    expect(await rejection(client.send(new GetUserCommand({ AccessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
    expect(await rejection(client.send(new GetUserCommand({ AccessToken: 'garbage' })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
  });

  it('deletes the user with DeleteUser', async () => {
    await signUpConfirmed('quitter');
    await client.send(new DeleteUserCommand({ AccessToken: await accessToken('quitter') }));
    expect(await rejection(signIn('quitter'))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});

describe('admin', () => {
  it('creates a pool and a client with a secret; SECRET_HASH is then enforced', async () => {
    const { UserPool } = await client.send(
      new CreateUserPoolCommand({
        PoolName: 'made',
        Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: false } },
      }),
    );
    const UserPoolId = UserPool?.Id ?? '';
    expect(UserPoolId).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    const described = await client.send(new DescribeUserPoolCommand({ UserPoolId }));
    expect(described.UserPool?.Policies?.PasswordPolicy).toMatchObject({ MinimumLength: 10, RequireSymbols: false });
    await client.send(new UpdateUserPoolCommand({ UserPoolId, MfaConfiguration: 'OPTIONAL' }));
    expect((await client.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool?.MfaConfiguration).toBe(
      'OPTIONAL',
    );
    const { UserPoolClient } = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'app',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const ClientId = UserPoolClient?.ClientId ?? '';
    const secret = UserPoolClient?.ClientSecret ?? '';
    expect(secret).not.toBe('');
    expect(
      (await client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }))).UserPoolClient?.ClientName,
    ).toBe('app');
    expect((await client.send(new ListUserPoolClientsCommand({ UserPoolId }))).UserPoolClients).toHaveLength(1);
    expect((await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.map((p) => p.Id)).toContain(
      UserPoolId,
    );

    await client.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: 'zed',
        TemporaryPassword: 'Temporary-1x',
        MessageAction: 'SUPPRESS',
      }),
    );
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId, Username: 'zed', Password: 'Permanent-1x', Permanent: true }),
    );
    const auth = (hash?: string) =>
      client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId,
          AuthParameters: {
            USERNAME: 'zed',
            PASSWORD: 'Permanent-1x',
            ...(hash !== undefined ? { SECRET_HASH: hash } : {}),
          },
        }),
      );
    expect(await rejection(auth())).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${ClientId}`,
    });
    expect((await auth(computeSecretHash(secret, 'zed', ClientId))).AuthenticationResult).toBeDefined();

    await client.send(new DeleteUserPoolCommand({ UserPoolId }));
    expect(await rejection(client.send(new DescribeUserPoolCommand({ UserPoolId })))).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool ${UserPoolId} does not exist.`,
    });
  });

  it('AdminCreateUser sends the temporary password and the first sign-in asks for a new one', async () => {
    const { User } = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: 'invited',
        UserAttributes: [{ Name: 'email', Value: 'invited@example.com' }],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    expect(User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const temporary = lastCode(emulator, 'invited');
    const first = await signIn('invited', temporary);
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: CLIENT_ID,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'invited', NEW_PASSWORD: PASSWORD },
      }),
    );
    expect(done.AuthenticationResult).toBeDefined();
    expect((await client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'invited' }))).UserStatus).toBe(
      'CONFIRMED',
    );
    expect(
      await rejection(client.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'invited' }))),
    ).toEqual({
      name: 'UsernameExistsException',
      message: 'User account already exists',
    });
  });

  it('disables and enables a user, confirms, resets, signs out and deletes', async () => {
    await client.send(
      new SignUpCommand({
        ClientId: CLIENT_ID,
        Username: 'managed',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'managed@example.com' }],
      }),
    );
    await client.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'managed' }));
    const tokens = (await signIn('managed')).AuthenticationResult;
    await client.send(new AdminDisableUserCommand({ UserPoolId: POOL_ID, Username: 'managed' }));
    expect(await rejection(signIn('managed'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    await client.send(new AdminEnableUserCommand({ UserPoolId: POOL_ID, Username: 'managed' }));
    expect(await rejection(client.send(new GetUserCommand({ AccessToken: tokens?.AccessToken ?? '' })))).toMatchObject({
      name: 'NotAuthorizedException',
    });
    const fresh = await accessToken('managed');
    await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: POOL_ID, Username: 'managed' }));
    expect(await rejection(client.send(new GetUserCommand({ AccessToken: fresh })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: POOL_ID,
        Username: 'managed',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    );
    await client.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'managed' }));
    expect(await rejection(signIn('managed'))).toEqual({
      name: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
    });
    await client.send(new AdminDeleteUserCommand({ UserPoolId: POOL_ID, Username: 'managed' }));
    expect(await rejection(client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'managed' })))).toEqual(
      {
        name: 'UserNotFoundException',
        message: 'User does not exist.',
      },
    );
  });

  it('lists users with a Filter', async () => {
    await signUpConfirmed('filter-a');
    await signUpConfirmed('filter-b');
    const exact = await client.send(
      new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'email = "filter-a@example.com"' }),
    );
    expect(exact.Users?.map((u) => u.Username)).toEqual(['filter-a']);
    const prefix = await client.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'username ^= "filter-"' }));
    expect(prefix.Users?.map((u) => u.Username)).toEqual(['filter-a', 'filter-b']);
    expect(
      await rejection(client.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'shoe_size = "9"' }))),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid search filter',
    });
  });
});

describe('persistence', () => {
  it('keeps users across a restart with --data, writing no password and no ClientMetadata', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-data-'));
    try {
      const first = await startEmulator({ config: { Pools: [usersPool()] }, dataDir: dir });
      const sdk = new CognitoIdentityProviderClient({
        region: 'us-east-1',
        endpoint: first.url,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      });
      await sdk.send(
        new SignUpCommand({
          ClientId: CLIENT_ID,
          Username: 'durable',
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: 'durable@example.com' }],
          ClientMetadata: { autoConfirm: 'yes', marker: 'metadata-must-not-persist' },
        }),
      );
      await first.stop();
      const files = await readdir(dir);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('');
      expect(text).toContain('durable');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('metadata-must-not-persist');

      const second = await startEmulator({ config: { Pools: [usersPool()] }, dataDir: dir });
      const again = new CognitoIdentityProviderClient({
        region: 'us-east-1',
        endpoint: second.url,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      });
      const out = await again.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: CLIENT_ID,
          AuthParameters: { USERNAME: 'durable', PASSWORD },
        }),
      );
      expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
      sdk.destroy();
      again.destroy();
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
