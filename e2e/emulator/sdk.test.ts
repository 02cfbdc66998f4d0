// The AWS SDK v3 client drives sign-in by hand (Session passed along), incl. a client with a secret and triggers.
import {
  AdminInitiateAuthCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolConfig, TriggerEvent } from './config.ts';
import { computeSecretHash } from './context.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, DEMO_TOTP_SECRET, demoPool } from './demo.ts';
import { startEmulator, type Emulator } from './index.ts';
import { startSrp } from './srpClient.ts';
import { lastCode, rejection, sdkClient, totpCode, verifiers } from './testHelpers.ts';

const POOL_ID = 'eu-west-1_SdkPool9';
const SECRET_CLIENT = 'sdksecretclient00000000001';
const SECRET = 'c2VjcmV0LWZvci10ZXN0cy1vbmx5';
const LEGACY_CLIENT = 'sdklegacyclient00000000001';
const PASSWORD = 'Sdk-Passw0rd!';

const events: TriggerEvent[] = [];
function record(event: TriggerEvent): TriggerEvent {
  events.push(structuredClone(event));
  if (event.triggerSource.startsWith('TokenGeneration_')) {
    event.response = {
      claimsOverrideDetails: {
        claimsToAddOrOverride: { tenant: 'acme' },
        claimsToSuppress: ['email'],
      },
    };
  }
  return event;
}

function sdkPool(): PoolConfig {
  return {
    Id: POOL_ID,
    MfaConfiguration: 'OPTIONAL',
    EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    LambdaConfig: {
      PreAuthentication: record,
      PostAuthentication: record,
      PreTokenGeneration: record,
    },
    Clients: [
      {
        ClientId: SECRET_CLIENT,
        ClientSecret: SECRET,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      },
      {
        ClientId: LEGACY_CLIENT,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'LEGACY',
      },
    ],
    Users: [
      {
        Username: 'alice',
        Password: PASSWORD,
        Attributes: { email: 'alice@example.com', email_verified: 'true' },
      },
      {
        Username: 'bob',
        Password: PASSWORD,
        Attributes: { email: 'bob@example.com' },
      },
      { Username: 'carol', Password: PASSWORD, Status: 'UNCONFIRMED' },
      { Username: 'dave', Password: PASSWORD, Status: 'RESET_REQUIRED' },
      { Username: 'erin', Password: PASSWORD, Enabled: false },
      { Username: 'frank', Password: PASSWORD },
    ],
  };
}

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
beforeAll(async () => {
  emulator = await startEmulator({
    config: { Pools: [demoPool(), sdkPool()] },
  });
  client = sdkClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

/** The SDK's error name and message, or a failure if the call succeeded. */
function challengeParameter(output: InitiateAuthCommandOutput, name: string): string {
  const value = output.ChallengeParameters?.[name];
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}

/** USER_SRP_AUTH → PASSWORD_VERIFIER, by hand; returns the PV answer's output. */
async function srpSignIn(clientId: string, poolId: string, username: string, password: string, secret?: string) {
  const srp = startSrp();
  const hash = (name: string) =>
    secret !== undefined ? { SECRET_HASH: computeSecretHash(secret, name, clientId) } : {};
  const first = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: clientId,
      AuthParameters: {
        USERNAME: username,
        SRP_A: srp.srpA,
        ...hash(username),
      },
    }),
  );
  expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
  const userId = challengeParameter(first, 'USER_ID_FOR_SRP');
  return client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: first.Session,
      ChallengeResponses: {
        USERNAME: userId,
        ...srp.claim({
          realm: poolId.split('_')[1] ?? '',
          user: userId,
          password,
          salt: challengeParameter(first, 'SALT'),
          srpB: challengeParameter(first, 'SRP_B'),
          secretBlock: challengeParameter(first, 'SECRET_BLOCK'),
        }),
        ...hash(userId),
      },
    }),
  );
}

describe('SDK v3 with a client secret', () => {
  it('signs in through USER_SRP_AUTH with SECRET_HASH on both calls, tokens verify', async () => {
    const output = await srpSignIn(SECRET_CLIENT, POOL_ID, 'alice', PASSWORD, SECRET);
    const result = output.AuthenticationResult;
    expect(result?.TokenType).toBe('Bearer');
    expect(result?.ExpiresIn).toBe(3600);
    const { id, access } = verifiers(emulator, POOL_ID, SECRET_CLIENT);
    const idClaims = await id.verify(result?.IdToken ?? '');
    expect(idClaims['cognito:username']).toBe('alice');
    await access.verify(result?.AccessToken ?? '');
  });

  it('rejects InitiateAuth without SECRET_HASH', async () => {
    const srp = startSrp();
    expect(
      await rejection(
        client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId: SECRET_CLIENT,
            AuthParameters: { USERNAME: 'alice', SRP_A: srp.srpA },
          }),
        ),
      ),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET_CLIENT}`,
    });
  });

  it('rejects a SECRET_HASH computed with the wrong secret', async () => {
    expect(await rejection(srpSignIn(SECRET_CLIENT, POOL_ID, 'alice', PASSWORD, 'not-the-secret'))).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET_CLIENT}`,
    });
  });
});

describe('SDK v3 and triggers', () => {
  it('passes ClientMetadata to pre authentication (InitiateAuth) and to post authentication / pre token generation (RespondToAuthChallenge)', async () => {
    events.length = 0;
    const srp = startSrp();
    const hash = (name: string) => computeSecretHash(SECRET, name, SECRET_CLIENT);
    const first = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: SECRET_CLIENT,
        AuthParameters: {
          USERNAME: 'alice',
          SRP_A: srp.srpA,
          SECRET_HASH: hash('alice'),
        },
        ClientMetadata: { step: 'initiate' },
      }),
    );
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: SECRET_CLIENT,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: first.Session,
        ClientMetadata: { step: 'respond' },
        ChallengeResponses: {
          USERNAME: 'alice',
          SECRET_HASH: hash('alice'),
          ...srp.claim({
            realm: 'SdkPool9',
            user: 'alice',
            password: PASSWORD,
            salt: challengeParameter(first, 'SALT'),
            srpB: challengeParameter(first, 'SRP_B'),
            secretBlock: challengeParameter(first, 'SECRET_BLOCK'),
          }),
        },
      }),
    );
    expect(events.map((e) => [e.triggerSource, e.request.clientMetadata])).toEqual([
      ['PreAuthentication_Authentication', { step: 'initiate' }],
      ['PostAuthentication_Authentication', { step: 'respond' }],
      ['TokenGeneration_Authentication', { step: 'respond' }],
    ]);
    expect(events[0]).toMatchObject({
      version: '1',
      region: 'eu-west-1',
      userPoolId: POOL_ID,
      userName: 'alice',
      callerContext: { clientId: SECRET_CLIENT },
      request: { userAttributes: { email: 'alice@example.com' } },
    });
    const idClaims = decodeJwt(done.AuthenticationResult?.IdToken ?? '');
    expect(idClaims.tenant).toBe('acme');
    expect(idClaims).not.toHaveProperty('email');
  });

  it('answers a throwing trigger with UserLambdaValidationException', async () => {
    const failing = await startEmulator({
      config: {
        Pools: [
          {
            ...sdkPool(),
            LambdaConfig: {
              PreAuthentication: () => {
                throw new Error('blocked by policy');
              },
            },
          },
        ],
      },
    });
    try {
      const sdk = new CognitoIdentityProviderClient({
        region: 'eu-west-1',
        endpoint: failing.url,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      });
      expect(
        await rejection(
          sdk.send(
            new InitiateAuthCommand({
              AuthFlow: 'USER_PASSWORD_AUTH',
              ClientId: LEGACY_CLIENT,
              AuthParameters: { USERNAME: 'alice', PASSWORD },
            }),
          ),
        ),
      ).toEqual({
        name: 'UserLambdaValidationException',
        message: 'PreAuthentication failed with error blocked by policy.',
      });
      sdk.destroy();
    } finally {
      await failing.stop();
    }
  });
});

describe('SDK v3 sessions and codes', () => {
  async function smsChallenge() {
    const output = await srpSignIn(DEMO_CLIENT_ID, DEMO_POOL_ID, 'sms-user', DEMO_PASSWORD);
    expect(output.ChallengeName).toBe('SMS_MFA');
    return output;
  }
  const answer = (session: string | undefined, code: string, username = 'sms-user') =>
    client.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_CLIENT_ID,
        ChallengeName: 'SMS_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: username, SMS_MFA_CODE: code },
      }),
    );
  const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

  it('signs in through SMS_MFA and refuses the same Session a second time', async () => {
    const challenge = await smsChallenge();
    const code = lastCode(emulator, 'sms-user');
    const done = await answer(challenge.Session, code);
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(done.AuthenticationResult?.NewDeviceMetadata?.DeviceKey).toMatch(/^us-east-1_/);
    expect(await rejection(answer(challenge.Session, code))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('allows retries after a wrong code, and kills the Session after three', async () => {
    const challenge = await smsChallenge();
    const code = lastCode(emulator, 'sms-user');
    for (let i = 0; i < 3; i += 1) {
      expect(await rejection(answer(challenge.Session, wrongCode(code)))).toEqual({
        name: 'CodeMismatchException',
        message: 'Invalid code received for user',
      });
    }
    expect(await rejection(answer(challenge.Session, code))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('expires the Session after AuthSessionValidity (3 minutes) on the emulator clock', async () => {
    const challenge = await smsChallenge();
    emulator.clock.advance(181);
    expect(await rejection(answer(challenge.Session, lastCode(emulator, 'sms-user')))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('rejects a Session swapped to another user, a forged Session, and a Session for another step', async () => {
    const challenge = await smsChallenge();
    const code = lastCode(emulator, 'sms-user');
    expect(await rejection(answer(challenge.Session, code, 'srp-user'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
    expect(await rejection(answer('Zm9yZ2VkLXNlc3Npb24tdGhhdC1pcy1sb25n', code))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
    expect(
      await rejection(
        client.send(
          new RespondToAuthChallengeCommand({
            ClientId: DEMO_CLIENT_ID,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: challenge.Session,
            ChallengeResponses: {
              USERNAME: 'sms-user',
              SOFTWARE_TOKEN_MFA_CODE: code,
            },
          }),
        ),
      ),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
    // The real answer still works: none of the above consumed it.
    expect((await answer(challenge.Session, code)).AuthenticationResult).toBeDefined();
  });

  it('signs email-user in through EMAIL_OTP', async () => {
    const challenge = await srpSignIn(DEMO_CLIENT_ID, DEMO_POOL_ID, 'email-user', DEMO_PASSWORD);
    expect(challenge.ChallengeName).toBe('EMAIL_OTP');
    expect(challenge.ChallengeParameters).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'e***@e***',
    });
    expect(emulator.outbox.at(-1)).toMatchObject({
      channel: 'EMAIL',
      destination: 'email-user@example.com',
    });
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_CLIENT_ID,
        ChallengeName: 'EMAIL_OTP',
        Session: challenge.Session,
        ChallengeResponses: {
          USERNAME: 'email-user',
          EMAIL_OTP_CODE: lastCode(emulator, 'email-user'),
        },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('signs totp-user in with USER_PASSWORD_AUTH then SOFTWARE_TOKEN_MFA (two round trips)', async () => {
    const first = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME: 'totp-user', PASSWORD: DEMO_PASSWORD },
      }),
    );
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_CLIENT_ID,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: first.Session,
        ChallengeResponses: {
          USERNAME: 'totp-user',
          SOFTWARE_TOKEN_MFA_CODE: totpCode(DEMO_TOTP_SECRET, emulator),
        },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe('SDK v3 USER_AUTH', () => {
  it('offers SELECT_CHALLENGE without a preference, then signs in by EMAIL_OTP', async () => {
    const first = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME: 'srp-user' },
      }),
    );
    expect(first.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(first.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    const otp = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_CLIENT_ID,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'srp-user', ANSWER: 'EMAIL_OTP' },
      }),
    );
    expect(otp.ChallengeName).toBe('EMAIL_OTP');
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_CLIENT_ID,
        ChallengeName: 'EMAIL_OTP',
        Session: otp.Session,
        ChallengeResponses: {
          USERNAME: 'srp-user',
          EMAIL_OTP_CODE: lastCode(emulator, 'srp-user'),
        },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('signs in with PREFERRED_CHALLENGE PASSWORD in one round trip, and SMS_OTP by code', async () => {
    const done = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: {
          USERNAME: 'srp-user',
          PREFERRED_CHALLENGE: 'PASSWORD',
          PASSWORD: DEMO_PASSWORD,
        },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    const sms = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: {
          USERNAME: 'sms-user',
          PREFERRED_CHALLENGE: 'SMS_OTP',
        },
      }),
    );
    expect(sms.ChallengeName).toBe('SMS_OTP');
    const signedIn = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_CLIENT_ID,
        ChallengeName: 'SMS_OTP',
        Session: sms.Session,
        ChallengeResponses: {
          USERNAME: 'sms-user',
          SMS_OTP_CODE: lastCode(emulator, 'sms-user'),
        },
      }),
    );
    expect(signedIn.AuthenticationResult?.IdToken).toBeTruthy();
  });
});

describe('SDK v3 sign-in errors', () => {
  const passwordAuth = (username: string, password: string, clientId = LEGACY_CLIENT) =>
    client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  it('answers an unknown user with UserNotFoundException when PreventUserExistenceErrors is LEGACY', async () => {
    expect(await rejection(passwordAuth('nobody', PASSWORD))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('answers an unconfirmed, reset-required and disabled user as Cognito does', async () => {
    expect(await rejection(passwordAuth('carol', PASSWORD))).toEqual({
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    });
    expect(await rejection(passwordAuth('dave', PASSWORD))).toEqual({
      name: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
    });
    expect(await rejection(passwordAuth('erin', PASSWORD))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
  });

  it('refuses a flow the client does not allow with InvalidParameterException', async () => {
    expect(
      await rejection(
        client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId: LEGACY_CLIENT,
            AuthParameters: { USERNAME: 'alice', SRP_A: '2' },
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_SRP_AUTH flow not enabled for this client',
    });
  });

  it('locks a user out after five wrong passwords: "Password attempts exceeded"', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(await rejection(passwordAuth('frank', 'Wrong-passw0rd'))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
    }
    expect(await rejection(passwordAuth('frank', PASSWORD))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Password attempts exceeded',
    });
  });

  it('signs in with AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH (any credentials)', async () => {
    const done = await client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: POOL_ID,
        ClientId: LEGACY_CLIENT,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'bob', PASSWORD },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe('SDK v3 TOTP setup with an access token', () => {
  it('associates and verifies a TOTP secret for a signed-in user, then sign-in asks for it', async () => {
    const signedIn = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: LEGACY_CLIENT,
        AuthParameters: { USERNAME: 'bob', PASSWORD },
      }),
    );
    const AccessToken = signedIn.AuthenticationResult?.AccessToken;
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]+$/);
    expect(
      await rejection(client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: '000000' }))),
    ).toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
    });
    const verified = await client.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: totpCode(SecretCode ?? '', emulator),
        FriendlyDeviceName: 'phone',
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    await client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const next = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: LEGACY_CLIENT,
        AuthParameters: { USERNAME: 'bob', PASSWORD },
      }),
    );
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });
});
