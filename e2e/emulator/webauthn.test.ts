// Choice-based sign-in and passkeys through the AWS SDK v3: USER_AUTH, SELECT_CHALLENGE, WEB_AUTHN, registration.
import {
  CompleteWebAuthnRegistrationCommand,
  ConfirmSignUpCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserAuthFactorsCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  type CognitoIdentityProviderClient,
  type ChallengeNameType,
  type CompleteWebAuthnRegistrationCommandInput,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolConfig } from './config.ts';
import { startEmulator, type Emulator } from './index.ts';
import { SoftAuthenticator } from './softAuthenticator.ts';
import { startSrp } from './srpClient.ts';
import { lastCode, rejection, sdkClient } from './testHelpers.ts';

/** The SDK's type for a JSON document member. */
type DocumentType = NonNullable<CompleteWebAuthnRegistrationCommandInput['Credential']>;

const POOL = 'us-east-1_Passkeys01';
const CLIENT = 'passkeyclient000000000001';
const OTHER_CLIENT = 'passkeyclient000000000002';
const PASSWORD_ONLY_POOL = 'us-east-1_PwOnly0001';
const PASSWORD_ONLY_CLIENT = 'pwonlyclient0000000000001';
const LITE_POOL = 'us-east-1_LitePool01';
const NO_RP_POOL = 'us-east-1_NoRpPool01';
const NO_RP_CLIENT = 'norpclient000000000000001';
const PASSWORD = 'Passk3y-Passw0rd!';
const ORIGIN = 'http://localhost:5173';
const FLOWS = ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

const user = (Username: string, attributes: Record<string, string> = {}) => ({
  Username,
  Password: PASSWORD,
  Attributes: { email: `${Username}@example.com`, email_verified: 'true', ...attributes },
});

function pools(): PoolConfig[] {
  return [
    {
      Id: POOL,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] } },
      WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
      AutoVerifiedAttributes: ['email'],
      Clients: [
        { ClientId: CLIENT, ExplicitAuthFlows: FLOWS },
        { ClientId: OTHER_CLIENT, ExplicitAuthFlows: FLOWS },
      ],
      Users: [
        user('ada', { phone_number: '+15555550101', phone_number_verified: 'true' }),
        user('bea'),
        user('cy'),
        user('dee'),
        user('eve'),
        user('fay'),
        user('gus'),
      ],
    },
    {
      Id: PASSWORD_ONLY_POOL,
      Clients: [{ ClientId: PASSWORD_ONLY_CLIENT, ExplicitAuthFlows: FLOWS }],
      Users: [user('ada', { phone_number: '+15555550101' })],
    },
    { Id: LITE_POOL, UserPoolTier: 'LITE' },
    {
      Id: NO_RP_POOL,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      Clients: [{ ClientId: NO_RP_CLIENT, ExplicitAuthFlows: FLOWS }],
      Users: [user('ada')],
    },
  ];
}

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: pools() } });
  client = sdkClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

function tokens(output: { AuthenticationResult?: { AccessToken?: string | undefined } | undefined }): string {
  const token = output.AuthenticationResult?.AccessToken;
  if (token === undefined) throw new Error(`not signed in: ${JSON.stringify(output)}`);
  return token;
}

async function passwordSignIn(username: string, clientId = CLIENT): Promise<string> {
  const output = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
    }),
  );
  return tokens(output);
}

async function register(
  accessToken: string,
  authenticator: SoftAuthenticator,
  fmt: 'none' | 'packed' = 'none',
): Promise<void> {
  const started = await client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
  const options = started.CredentialCreationOptions as { challenge: string; rp: { id?: string } };
  await client.send(
    new CompleteWebAuthnRegistrationCommand({
      AccessToken: accessToken,
      Credential: authenticator.create(options, fmt) as DocumentType,
    }),
  );
}

function requestOptions(output: InitiateAuthCommandOutput): { challenge: string; rpId?: string } {
  const json = output.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS;
  if (json === undefined) throw new Error('no CREDENTIAL_REQUEST_OPTIONS');
  return JSON.parse(json) as { challenge: string; rpId?: string };
}

async function startPasskeySignIn(username: string): Promise<InitiateAuthCommandOutput> {
  const output = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_AUTH',
      ClientId: CLIENT,
      AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
    }),
  );
  expect(output.ChallengeName).toBe('WEB_AUTHN');
  return output;
}

function answerWebAuthn(username: string, session: string | undefined, credential: unknown) {
  return client.send(
    new RespondToAuthChallengeCommand({
      ClientId: CLIENT,
      ChallengeName: 'WEB_AUTHN',
      Session: session,
      ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(credential) },
    }),
  );
}

function selectChallenge(username: string, clientId = CLIENT): Promise<InitiateAuthCommandOutput> {
  return client.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username } }),
  );
}

describe('passkey registration', () => {
  it('registers a passkey (attestation none), lists it, and signs in with it in two round trips', async () => {
    const access = await passwordSignIn('ada');
    const passkey = new SoftAuthenticator({ origin: ORIGIN });
    const started = await client.send(new StartWebAuthnRegistrationCommand({ AccessToken: access }));
    const options = started.CredentialCreationOptions as Record<string, unknown>;
    expect(options.rp).toMatchObject({ id: 'localhost' });
    expect(options.authenticatorSelection).toMatchObject({ userVerification: 'required' });
    await client.send(
      new CompleteWebAuthnRegistrationCommand({
        AccessToken: access,
        Credential: passkey.create(options as { challenge: string; rp: { id?: string } }) as DocumentType,
      }),
    );
    const listed = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken: access }));
    expect(listed.Credentials).toHaveLength(1);
    expect(listed.Credentials?.[0]).toMatchObject({
      CredentialId: passkey.id,
      RelyingPartyId: 'localhost',
      AuthenticatorTransports: ['internal'],
    });
    const factors = await client.send(new GetUserAuthFactorsCommand({ AccessToken: access }));
    expect(factors.ConfiguredUserAuthFactors).toEqual(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']);

    const first = await startPasskeySignIn('ada');
    const done = await answerWebAuthn('ada', first.Session, passkey.get(requestOptions(first)));
    expect(tokens(done)).toBeTruthy();
  });

  it('accepts packed self-attestation and pages through ListWebAuthnCredentials', async () => {
    const access = await passwordSignIn('bea');
    for (let i = 0; i < 3; i++) await register(access, new SoftAuthenticator({ origin: ORIGIN }), 'packed');
    const first = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken: access, MaxResults: 2 }));
    expect(first.Credentials).toHaveLength(2);
    expect(first.NextToken).toBeTruthy();
    const second = await client.send(
      new ListWebAuthnCredentialsCommand({ AccessToken: access, MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.Credentials).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses each bad registration with the error Cognito names', async () => {
    const access = await passwordSignIn('cy');
    const passkey = new SoftAuthenticator({ origin: ORIGIN });
    const complete = (credential: unknown, token = access) =>
      rejection(
        client.send(
          new CompleteWebAuthnRegistrationCommand({ AccessToken: token, Credential: credential as DocumentType }),
        ),
      );
    const options = async () =>
      (await client.send(new StartWebAuthnRegistrationCommand({ AccessToken: access }))).CredentialCreationOptions as {
        challenge: string;
        rp: { id?: string };
      };

    // No StartWebAuthnRegistration first, or its challenge already used.
    expect((await complete(passkey.create({ challenge: 'AAAA', rp: { id: 'localhost' } }))).name).toBe(
      'WebAuthnChallengeNotFoundException',
    );
    expect((await complete(passkey.create(await options(), 'none', 'example.com'))).name).toBe(
      'WebAuthnRelyingPartyMismatchException',
    );
    const elsewhere = new SoftAuthenticator({ origin: 'https://evil.example' });
    expect((await complete(elsewhere.create(await options()))).name).toBe('WebAuthnOriginNotAllowedException');
    const otherClientToken = await passwordSignIn('cy', OTHER_CLIENT);
    const started = await options();
    expect((await complete(passkey.create(started), otherClientToken)).name).toBe('WebAuthnClientMismatchException');
    // UserVerification required: an authenticator that did not verify the user is refused.
    const unverified = new SoftAuthenticator({ origin: ORIGIN, userVerified: false });
    expect((await complete(unverified.create(await options()))).name).toBe('InvalidParameterException');
    const listed = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken: access }));
    expect(listed.Credentials).toEqual([]);
  });

  it('answers WebAuthnNotEnabledException and WebAuthnConfigurationMissingException where passkeys are off', async () => {
    const noFactor = await passwordSignIn('ada', PASSWORD_ONLY_CLIENT);
    expect((await rejection(client.send(new StartWebAuthnRegistrationCommand({ AccessToken: noFactor })))).name).toBe(
      'WebAuthnNotEnabledException',
    );
    const noRp = await passwordSignIn('ada', NO_RP_CLIENT);
    expect((await rejection(client.send(new StartWebAuthnRegistrationCommand({ AccessToken: noRp })))).name).toBe(
      'WebAuthnConfigurationMissingException',
    );
  });
});

describe('passkey sign-in', () => {
  it('refuses a replayed assertion and a passkey signed for another RP id', async () => {
    const access = await passwordSignIn('dee');
    const passkey = new SoftAuthenticator({ origin: ORIGIN });
    await register(access, passkey);
    const first = await startPasskeySignIn('dee');
    const assertion = passkey.get(requestOptions(first));
    tokens(await answerWebAuthn('dee', first.Session, assertion));
    // The same assertion again, on the same Session or a new one: refused.
    expect((await rejection(answerWebAuthn('dee', first.Session, assertion))).name).toBe('NotAuthorizedException');
    const second = await startPasskeySignIn('dee');
    expect((await rejection(answerWebAuthn('dee', second.Session, assertion))).name).toBe('NotAuthorizedException');
    const third = await startPasskeySignIn('dee');
    const foreign = passkey.get(requestOptions(third), 'example.com');
    expect((await rejection(answerWebAuthn('dee', third.Session, foreign))).name).toBe('NotAuthorizedException');
  });

  it('refuses a deleted passkey and stops offering WEB_AUTHN', async () => {
    const access = await passwordSignIn('eve');
    const passkey = new SoftAuthenticator({ origin: ORIGIN });
    await register(access, passkey);
    const pending = await startPasskeySignIn('eve');
    await client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: access, CredentialId: passkey.id }));
    const refused = await rejection(answerWebAuthn('eve', pending.Session, passkey.get(requestOptions(pending))));
    expect(refused.name).toBe('NotAuthorizedException');
    expect((await selectChallenge('eve')).AvailableChallenges).not.toContain('WEB_AUTHN');
    const missing = await rejection(
      client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: access, CredentialId: passkey.id })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });
});

describe('SELECT_CHALLENGE', () => {
  it('offers exactly the factors the pool allows and the user has', async () => {
    expect((await selectChallenge('ada')).AvailableChallenges).toEqual([
      'PASSWORD',
      'PASSWORD_SRP',
      'EMAIL_OTP',
      'SMS_OTP',
      'WEB_AUTHN',
    ]);
    expect((await selectChallenge('gus')).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    // Cognito's default policy is PASSWORD alone, whatever the user has.
    expect((await selectChallenge('ada', PASSWORD_ONLY_CLIENT)).AvailableChallenges).toEqual([
      'PASSWORD',
      'PASSWORD_SRP',
    ]);
  });

  const respond = (
    session: string | undefined,
    name: ChallengeNameType,
    responses: Record<string, string>,
    username = 'ada',
  ) =>
    client.send(
      new RespondToAuthChallengeCommand({
        ClientId: CLIENT,
        ChallengeName: name,
        Session: session,
        ChallengeResponses: { USERNAME: username, ...responses },
      }),
    );

  it('signs in with PASSWORD answered in the SELECT_CHALLENGE call', async () => {
    const select = await selectChallenge('ada');
    tokens(await respond(select.Session, 'SELECT_CHALLENGE', { ANSWER: 'PASSWORD', PASSWORD }));
  });

  it('signs in with PASSWORD_SRP: SRP_A in the SELECT_CHALLENGE call, then PASSWORD_VERIFIER', async () => {
    const select = await selectChallenge('ada');
    const srp = startSrp();
    const verifier = await respond(select.Session, 'SELECT_CHALLENGE', { ANSWER: 'PASSWORD_SRP', SRP_A: srp.srpA });
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    const p = verifier.ChallengeParameters ?? {};
    const claim = srp.claim({
      realm: POOL.split('_')[1] ?? '',
      user: p.USER_ID_FOR_SRP ?? '',
      password: PASSWORD,
      salt: p.SALT ?? '',
      srpB: p.SRP_B ?? '',
      secretBlock: p.SECRET_BLOCK ?? '',
    });
    tokens(await respond(verifier.Session, 'PASSWORD_VERIFIER', claim));
  });

  it.each([
    ['EMAIL_OTP', 'EMAIL_OTP_CODE'],
    ['SMS_OTP', 'SMS_OTP_CODE'],
  ] as const)('signs in with %s: the code follows the selection', async (factor, field) => {
    const select = await selectChallenge('ada');
    const sent = await respond(select.Session, 'SELECT_CHALLENGE', { ANSWER: factor });
    expect(sent.ChallengeName).toBe(factor);
    tokens(await respond(sent.Session, factor, { [field]: lastCode(emulator, 'ada') }));
  });

  it('signs in with WEB_AUTHN chosen in SELECT_CHALLENGE', async () => {
    const access = await passwordSignIn('fay');
    const passkey = new SoftAuthenticator({ origin: ORIGIN });
    await register(access, passkey);
    const select = await selectChallenge('fay');
    expect(select.AvailableChallenges).toContain('WEB_AUTHN');
    const challenge = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: CLIENT,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select.Session,
        ChallengeResponses: { USERNAME: 'fay', ANSWER: 'WEB_AUTHN' },
      }),
    );
    expect(challenge.ChallengeName).toBe('WEB_AUTHN');
    const options = JSON.parse(challenge.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '{}') as {
      challenge: string;
      rpId: string;
      allowCredentials: { id: string }[];
    };
    expect(options.allowCredentials.map((c) => c.id)).toEqual([passkey.id]);
    tokens(await answerWebAuthn('fay', challenge.Session, passkey.get(options)));
  });

  it('refuses a factor that was not offered', async () => {
    const select = await selectChallenge('gus');
    expect((await rejection(respond(select.Session, 'SELECT_CHALLENGE', { ANSWER: 'SMS_OTP' }, 'gus'))).name).toBe(
      'InvalidParameterException',
    );
  });
});

describe('pool settings', () => {
  it('GetUserPoolMfaConfig reflects SetUserPoolMfaConfig WebAuthnConfiguration', async () => {
    await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: NO_RP_POOL,
        WebAuthnConfiguration: { RelyingPartyId: 'auth.example.com', UserVerification: 'required' },
      }),
    );
    const config = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: NO_RP_POOL }));
    expect(config.WebAuthnConfiguration).toEqual({ RelyingPartyId: 'auth.example.com', UserVerification: 'required' });
  });

  it('refuses passkeys and USER_AUTH on the Lite plan', async () => {
    const refused = await rejection(
      client.send(
        new SetUserPoolMfaConfigCommand({ UserPoolId: LITE_POOL, WebAuthnConfiguration: { RelyingPartyId: 'x.com' } }),
      ),
    );
    expect(refused.name).toBe('FeatureUnavailableInTierException');
  });
});

describe('sign-in after sign-up', () => {
  it('SignUp → ConfirmSignUp → InitiateAuth USER_AUTH with the Session signs in, once', async () => {
    const signedUp = await client.send(
      new SignUpCommand({
        ClientId: CLIENT,
        Username: 'newbie',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'newbie@example.com' }],
      }),
    );
    expect(signedUp.Session).toBeTruthy();
    const confirmed = await client.send(
      new ConfirmSignUpCommand({
        ClientId: CLIENT,
        Username: 'newbie',
        ConfirmationCode: lastCode(emulator, 'newbie'),
        Session: signedUp.Session,
      }),
    );
    expect(confirmed.Session).toBeTruthy();
    const signIn = () =>
      client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_AUTH',
          ClientId: CLIENT,
          AuthParameters: { USERNAME: 'newbie' },
          Session: confirmed.Session,
        }),
      );
    tokens(await signIn());
    expect((await rejection(signIn())).name).toBe('NotAuthorizedException');
  });

  it('signs up without a password where the pool allows a passwordless first factor, not elsewhere', async () => {
    const attributes = [{ Name: 'email', Value: 'nopass@example.com' }];
    const made = await client.send(
      new SignUpCommand({ ClientId: CLIENT, Username: 'nopass', UserAttributes: attributes }),
    );
    expect(made.UserSub).toBeTruthy();
    const refused = await rejection(
      client.send(
        new SignUpCommand({ ClientId: PASSWORD_ONLY_CLIENT, Username: 'nopass', UserAttributes: attributes }),
      ),
    );
    expect(refused.name).toBe('InvalidParameterException');
  });
});

describe('persistence', () => {
  it('keeps passkeys and sign-in settings across a restart with a data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'passkeys-'));
    try {
      const first = await startEmulator({ config: { Pools: pools() }, dataDir });
      const sdk = sdkClient(first.url);
      const access = tokens(
        await sdk.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_AUTH',
            ClientId: CLIENT,
            AuthParameters: { USERNAME: 'gus', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
          }),
        ),
      );
      const passkey = new SoftAuthenticator({ origin: ORIGIN });
      const started = await sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: access }));
      await sdk.send(
        new CompleteWebAuthnRegistrationCommand({
          AccessToken: access,
          Credential: passkey.create(
            started.CredentialCreationOptions as { challenge: string; rp: { id?: string } },
          ) as DocumentType,
        }),
      );
      sdk.destroy();
      await first.stop();

      const second = await startEmulator({ config: { Pools: pools() }, dataDir });
      const again = sdkClient(second.url);
      try {
        const challenge = await again.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_AUTH',
            ClientId: CLIENT,
            AuthParameters: { USERNAME: 'gus', PREFERRED_CHALLENGE: 'WEB_AUTHN' },
          }),
        );
        const done = await again.send(
          new RespondToAuthChallengeCommand({
            ClientId: CLIENT,
            ChallengeName: 'WEB_AUTHN',
            Session: challenge.Session,
            ChallengeResponses: { USERNAME: 'gus', CREDENTIAL: JSON.stringify(passkey.get(requestOptions(challenge))) },
          }),
        );
        tokens(done);
      } finally {
        again.destroy();
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
