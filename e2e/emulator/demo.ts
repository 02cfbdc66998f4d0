// The demo pool: one app client and one user per sign-in path, used by `npm start`, the CLI default and tests.
import type { ClientConfig, EmulatorConfig, PoolConfig, UserSeed } from './config.ts';
import { createAuthChallenge, defineAuthChallenge, verifyAuthChallengeResponse } from './demoTriggers.ts';

export const DEMO_POOL_ID = 'us-east-1_DemoPool1';
export const DEMO_CLIENT_ID = 'demoappclient0000000000001';
/** The demo pool's second client: refresh-token rotation on, no grace period (GetTokensFromRefreshToken only). */
export const DEMO_ROTATION_CLIENT_ID = 'demorotationclient00000001';
export const DEMO_PASSWORD = 'Passw0rd!demo';
export const DEMO_TEMP_PASSWORD = 'Temp0rary!demo';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const DEMO_SELECT_TOTP_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
export const DEMO_PHONE = '+15555550100';
/** The demo pool's domain prefix: managed login answers under `<emulator url>/demo/` (see oauth/routes.ts). */
export const DEMO_DOMAIN = 'demo';
/** The demo pool's OIDC identity provider: the emulator's own mock provider. */
export const DEMO_IDP = 'MockIdP';
/** Where the demo app listens when `npm start` gets Vite's usual port; the demo client's URLs are registered under it. */
export const DEMO_APP_ORIGIN = 'http://127.0.0.1:5173';
/** The demo app's OAuth callback path: the demo client's CallbackURL is `<app origin>` + this. */
export const DEMO_CALLBACK_PATH = '/oauth-callback';

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  /** What the user exercises, shown by `npm start`. */
  readonly path: string;
}

/** One user per sign-in path (username → what it exercises). */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'srp-user', password: DEMO_PASSWORD, path: 'plain SRP, no MFA' },
  {
    username: 'sms-user',
    password: DEMO_PASSWORD,
    path: 'SMS_MFA (code in the outbox)',
  },
  {
    username: 'totp-user',
    password: DEMO_PASSWORD,
    path: `SOFTWARE_TOKEN_MFA (secret ${DEMO_TOTP_SECRET})`,
  },
  {
    username: 'newpass-user',
    password: DEMO_TEMP_PASSWORD,
    path: 'NEW_PASSWORD_REQUIRED (asks for name)',
  },
  { username: 'setup-user', password: DEMO_PASSWORD, path: 'MFA_SETUP (TOTP)' },
  {
    username: 'select-user',
    password: DEMO_PASSWORD,
    path: 'SELECT_MFA_TYPE (SMS or TOTP)',
  },
  {
    username: 'email-user',
    password: DEMO_PASSWORD,
    path: 'EMAIL_OTP (code in the outbox)',
  },
  {
    username: 'custom-user',
    password: DEMO_PASSWORD,
    path: 'CUSTOM_CHALLENGE: What is 6 × 7? (42)',
  },
  {
    username: 'passwordless-user',
    password: DEMO_PASSWORD,
    path: 'USER_AUTH passwordless: SMS_OTP, no password typed (code in the outbox)',
  },
  {
    username: 'passkey-user',
    password: DEMO_PASSWORD,
    path: 'Passkeys (on localhost): “Choose how to sign in” flow, password, “Create a passkey”, sign out, then “Sign in with a passkey”',
  },
];

function seed(username: string, extra: Partial<UserSeed> = {}): UserSeed {
  return {
    Username: username,
    Password: DEMO_PASSWORD,
    ...extra,
    Attributes: {
      email: `${username}@example.com`,
      email_verified: 'true',
      ...extra.Attributes,
    },
  };
}

function loopbackTwin(origin: string): string {
  const url = new URL(origin);
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  else if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.origin;
}

/**
 * The demo app client: public (no secret), every API sign-in flow, and managed login (code + PKCE) back to the demo
 * app at `appOrigin`, through the hosted page (`COGNITO`) or the mock provider.
 */
export function demoAppClient(appOrigin: string = DEMO_APP_ORIGIN): ClientConfig {
  // The same app on the other loopback name too: passkeys need `localhost`, the suite serves on 127.0.0.1.
  const origins = [...new Set([appOrigin, loopbackTwin(appOrigin)])].map((origin) => origin.replace(/\/+$/, ''));
  return {
    ClientId: DEMO_CLIENT_ID,
    ClientName: 'demo',
    ExplicitAuthFlows: [
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_CUSTOM_AUTH',
      'ALLOW_USER_AUTH',
    ],
    PreventUserExistenceErrors: 'ENABLED',
    AllowedOAuthFlows: ['code'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: origins.map((origin) => `${origin}${DEMO_CALLBACK_PATH}`),
    LogoutURLs: origins.map((origin) => `${origin}/`),
    SupportedIdentityProviders: ['COGNITO', DEMO_IDP],
  };
}

/** The demo pool config, its app client registered for the demo app at `appOrigin`; a fresh object each call. */
export function demoPool(appOrigin: string = DEMO_APP_ORIGIN): PoolConfig {
  return {
    Id: DEMO_POOL_ID,
    Name: 'demo',
    MfaConfiguration: 'OPTIONAL',
    EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    DeviceConfiguration: {
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: true,
    },
    RequiredAttributes: ['email', 'name'],
    // Sign-up confirms by email, and a verified email signs in in place of the username.
    AutoVerifiedAttributes: ['email'],
    AliasAttributes: ['email'],
    Domain: DEMO_DOMAIN,
    IdentityProviders: [
      {
        ProviderName: DEMO_IDP,
        ProviderType: 'OIDC',
        ProviderDetails: {
          client_id: 'demo-mock-idp-client',
          client_secret: 'demo-mock-idp-secret',
          authorize_scopes: 'openid email profile',
          // Emulator extension: an issuer path is resolved against the emulator's own URL (its port is not fixed).
          oidc_issuer: '/_emulator/idp',
          attributes_request_method: 'GET',
        },
        AttributeMapping: { username: 'sub', email: 'email', email_verified: 'email_verified', name: 'name' },
      },
    ],
    // Choice-based sign-in: every first factor, passkeys on localhost (browsers refuse an IP address as RP id).
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] } },
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'preferred' },
    LambdaConfig: {
      DefineAuthChallenge: defineAuthChallenge,
      CreateAuthChallenge: createAuthChallenge,
      VerifyAuthChallengeResponse: verifyAuthChallengeResponse,
    },
    Clients: [
      demoAppClient(appOrigin),
      {
        ClientId: DEMO_ROTATION_CLIENT_ID,
        ClientName: 'demo-rotation',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        // A rotated-out refresh token is refused at once: a tab that sent one would be seen.
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
      },
    ],
    Users: [
      seed('srp-user'),
      seed('sms-user', {
        Attributes: { phone_number: DEMO_PHONE, phone_number_verified: 'true' },
        Mfa: { SmsMfa: true },
      }),
      seed('totp-user', { Mfa: { TotpSecret: DEMO_TOTP_SECRET } }),
      {
        Username: 'newpass-user',
        TemporaryPassword: DEMO_TEMP_PASSWORD,
        Attributes: {
          email: 'newpass-user@example.com',
          email_verified: 'true',
        },
      },
      seed('setup-user', { MfaSetupRequired: true }),
      seed('select-user', {
        Attributes: { phone_number: DEMO_PHONE, phone_number_verified: 'true' },
        Mfa: { SmsMfa: true, TotpSecret: DEMO_SELECT_TOTP_SECRET },
      }),
      seed('email-user', { Mfa: { EmailMfa: true } }),
      seed('custom-user'),
      // No MFA: a USER_AUTH sign-in with PREFERRED_CHALLENGE SMS_OTP texts a code to this phone, and that is all.
      seed('passwordless-user', { Attributes: { phone_number: DEMO_PHONE, phone_number_verified: 'true' } }),
      // No MFA, no passkey yet: the browser's authenticator creates one after the first sign-in (RP id localhost).
      seed('passkey-user'),
    ],
  };
}

/** The emulator config with the demo pool alone (see {@link demoPool}). */
export function demoConfig(appOrigin: string = DEMO_APP_ORIGIN): EmulatorConfig {
  return { Pools: [demoPool(appOrigin)] };
}
