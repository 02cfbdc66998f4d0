// The widget's one config block: which user pool and app client, on real Cognito or a local emulator.
import type { PasswordPolicyType } from '../../machines/protocol.ts';
import type { DeviceStore, SignInFlow, StringMap, TokenStore } from '../../machines/index.ts';
import type { SrpEngineReport } from '../adapters/srpWorkerClient.ts';

/** Where to sign in. Real Cognito by default (region from the pool id); `endpoint` points at an emulator. */
export interface LoginWidgetConfig {
  /** e.g. `eu-west-1`; defaults to the part of `userPoolId` before `_`. */
  readonly region?: string;
  /** e.g. `eu-west-1_AbC123xyz`. */
  readonly userPoolId: string;
  /** A public app client (no secret) with ALLOW_USER_SRP_AUTH. */
  readonly clientId: string;
  /** Overrides `https://cognito-idp.<region>.amazonaws.com/`, e.g. `http://127.0.0.1:9229` for the emulator. */
  readonly endpoint?: string;
  /**
   * Default `USER_SRP_AUTH`. With `signInFlow: 'choice'`, `USER_PASSWORD_AUTH` makes "Use my password" answer
   * `PASSWORD` (the password over TLS) instead of `PASSWORD_SRP`, where Cognito offers both.
   */
  readonly authFlow?: SignInFlow;
  /** Sign in without a password: USER_AUTH with this PREFERRED_CHALLENGE; the first step asks for the username only. */
  readonly passwordless?: 'SMS_OTP' | 'EMAIL_OTP' | undefined;
  /**
   * `choice`: choice-based sign-in. The first screen asks for the username only; Cognito answers with the factors
   * this user may use (passkey, email or text code, password) and the user picks one (USER_AUTH without
   * PREFERRED_CHALLENGE; the app client needs ALLOW_USER_AUTH). Wins over `authFlow` and `passwordless`.
   */
  readonly signInFlow?: 'password' | 'choice';
  /** Passkeys (WebAuthn). Everything here applies only where the browser supports passkeys. */
  readonly passkeys?: LoginWidgetPasskeyConfig;
  /** Issuer authenticator apps show during MFA set-up; default: the pool id. */
  readonly totpIssuer?: string;
  /** Where tokens live between page loads. Default: memory only (gone on reload). */
  readonly tokenStore?: TokenStore;
  /** Where remembered-device keys live. Default: memory only. */
  readonly deviceStore?: DeviceStore;
  /**
   * The pool's password policy, listed before submit on sign-up, password reset and password change. A public app
   * client cannot read it (DescribeUserPool needs IAM), so copy it from the pool. Cognito's default if omitted.
   */
  readonly passwordPolicy?: PasswordPolicyType;
  /** Attributes the sign-up form asks for, e.g. `['email', 'name']` (the default). */
  readonly signUpAttributes?: readonly string[];
  /** ClientMetadata for the account calls (sign-up, reset, attribute updates); reaches the triggers. Not stored, validated or encrypted by Cognito: no secrets. */
  readonly clientMetadata?: StringMap;
  /** Where the SRP math runs: a Web Worker (default; inline where workers are unavailable) or `inline` on the main thread. */
  readonly srp?: 'worker' | 'inline';
  /**
   * Told which engine did the SRP math: `{ engine: 'worker' }` once the worker answers, or `{ engine: 'inline', reason }`
   * when it could not be used (e.g. a CSP without `worker-src 'self'`). Without it, such a fallback is a console.warn.
   */
  readonly onSrpEngine?: ((report: SrpEngineReport) => void) | undefined;
  /** Managed login (OAuth code + PKCE): "Continue with …" buttons, or the hosted page only. */
  readonly oauth?: LoginWidgetOAuthConfig;
}

/**
 * Passkey settings. The pool needs a WebAuthnConfiguration (RelyingPartyId: your site's domain) and WEB_AUTHN among
 * its AllowedFirstAuthFactors (Essentials plan or above).
 */
export interface LoginWidgetPasskeyConfig {
  /** The pool offers passkeys: `<AccountSettings>` lists, creates and deletes them. Default: `signInFlow === 'choice'`. */
  readonly enabled?: boolean;
  /** After a sign-in without a passkey, the signed-in view offers "Create a passkey". Default: `enabled`. */
  readonly offerAfterSignIn?: boolean;
}

/** The app client's managed login settings, as registered on the pool. */
export interface LoginWidgetOAuthConfig {
  /** Default `<endpoint>/<userPoolId>` (the pool's issuer; its discovery names the login domain). */
  readonly issuer?: string;
  /** One of the client's CallbackURLs; the widget completes the sign-in when it loads there. */
  readonly redirectUri: string;
  /** One of the client's LogoutURLs. */
  readonly logoutUri?: string;
  readonly scopes?: readonly string[];
  /** Identity providers offered as "Continue with …" (`COGNITO`: the managed login page). */
  readonly providers?: readonly string[];
  /** What a button calls its provider when the pool's name is not for people, e.g. `{ AzureAD: 'Contoso' }`. */
  readonly providerLabels?: Readonly<Record<string, string>>;
  /** Show only a button to the managed login page, no username/password form. */
  readonly hostedOnly?: boolean;
}

/** The region a pool lives in: `config.region`, else the pool id's prefix (`us-east-1_x` -> `us-east-1`). */
export function poolRegion(config: Pick<LoginWidgetConfig, 'region' | 'userPoolId'>): string {
  return config.region ?? config.userPoolId.split('_')[0] ?? '';
}

/** The Cognito user-pool API endpoint for `config`. */
export function cognitoEndpoint(config: Pick<LoginWidgetConfig, 'region' | 'userPoolId' | 'endpoint'>): string {
  return config.endpoint ?? `https://cognito-idp.${poolRegion(config)}.amazonaws.com/`;
}
