// Pool configuration: the shapes a seed file (or CreateUserPool) describes, in Cognito's own field names.
import type { PoolOAuthSeed } from './oauth/model.ts';

/** The MFA factors a user can have. */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
/** A user's `UserStatus`, as Cognito reports it. */
export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

/** The Lambda trigger names the emulator can run. */
export type TriggerName =
  | 'PreSignUp'
  | 'CustomMessage'
  | 'PostConfirmation'
  | 'PreAuthentication'
  | 'PostAuthentication'
  | 'DefineAuthChallenge'
  | 'CreateAuthChallenge'
  | 'VerifyAuthChallengeResponse'
  | 'PreTokenGeneration';

/** A trigger's event, as Cognito passes it to a Lambda: `request` in, `response` filled in by the handler. */
export interface TriggerEvent {
  version: '1';
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** A trigger: a function here, or in a seed file a path to an ES module exporting `handler` (or default). */
export type TriggerHandler = (event: TriggerEvent) => TriggerEvent | undefined | Promise<TriggerEvent | undefined>;
/** The pool's triggers: a module path or an in-process handler per trigger name. */
export type LambdaConfig = Partial<Record<TriggerName, string | TriggerHandler>>;

/** A pool's password policy, as `Policies.PasswordPolicy` in CreateUserPool. */
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

/** An app client as the emulator holds it (CreateUserPoolClient's settings). */
export interface ClientConfig {
  ClientId: string;
  ClientName?: string;
  /** A secret makes SECRET_HASH mandatory on every call that carries a username. */
  ClientSecret?: string;
  ExplicitAuthFlows?: string[];
  PreventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
  /** Minutes a sign-in Session lives (3–15, default 3). */
  AuthSessionValidity?: number;
  /** In TokenValidityUnits.AccessToken (hours unless set); 5 minutes to 1 day, default 1 hour. */
  AccessTokenValidity?: number;
  /** In TokenValidityUnits.IdToken (hours unless set); 5 minutes to 1 day, default 1 hour. */
  IdTokenValidity?: number;
  /** In TokenValidityUnits.RefreshToken (days unless set); 60 minutes to 10 years, default 30 days. */
  RefreshTokenValidity?: number;
  /** Managed login (see oauth/clientSettings.ts): `code` and `client_credentials`. */
  AllowedOAuthFlows?: string[];
  AllowedOAuthFlowsUserPoolClient?: boolean;
  AllowedOAuthScopes?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  DefaultRedirectURI?: string;
  SupportedIdentityProviders?: string[];
  TokenValidityUnits?: Partial<Record<'AccessToken' | 'IdToken' | 'RefreshToken', TimeUnit>>;
  /** RevokeToken works only where this is true (the default). */
  EnableTokenRevocation?: boolean;
  /** Rotation: GetTokensFromRefreshToken issues a new refresh token; the old one lives on for the grace period. */
  RefreshTokenRotation?: { Feature: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds?: number };
  /** Members the emulator keeps and echoes but that change nothing here (docs/emulator-settings.md says why). */
  StoredOnly?: Record<string, unknown>;
}

/** A unit of `TokenValidityUnits`. */
export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** One user in a seed file: username, password, attributes, MFA, TOTP secret and devices. */
export interface UserSeed {
  Username: string;
  /** Turned into an SRP salt + verifier at load; never kept. */
  Password?: string;
  /** Makes the user FORCE_CHANGE_PASSWORD. */
  TemporaryPassword?: string;
  Attributes?: Record<string, string>;
  Status?: UserStatus;
  Enabled?: boolean;
  Mfa?: {
    SmsMfa?: boolean;
    EmailMfa?: boolean;
    TotpSecret?: string;
    Preferred?: MfaType;
  };
  /** Emulator extension: this user must set up MFA (MFA_SETUP) even when the pool's MFA is OPTIONAL. */
  MfaSetupRequired?: boolean;
  /**
   * Emulator extension: a ready SRP salt + verifier (hex) instead of `Password`, so a seed of many users skips
   * one 3072-bit modexp each (the bench's 100k-user pool).
   */
  SrpVerifier?: { Salt: string; Verifier: string };
  /** Remembered devices, as a browser that confirmed them holds them (device SRP signs in with these). */
  Devices?: DeviceSeed[];
}

/** A confirmed device: the three values amazon-cognito-identity-js keeps under `.deviceKey` and friends. */
export interface DeviceSeed {
  /** `<region>_<uuid>`, as ConfirmDevice's DeviceKey. */
  DeviceKey: string;
  DeviceGroupKey: string;
  /** The device's random password (`.randomPasswordKey`); turned into a device SRP verifier, never kept. */
  DevicePassword: string;
  DeviceName?: string;
  /** Default true: remembered, so sign-in skips MFA on it where the pool allows that. */
  Remembered?: boolean;
}

/** A user pool as the emulator holds it: its settings, clients, users and OAuth set-up. */
export interface PoolConfig extends PoolOAuthSeed {
  Id: string;
  Name?: string;
  MfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL';
  /** Which MFA types the pool offers (SMS, TOTP, email). */
  EnabledMfas?: MfaType[];
  Policies?: {
    PasswordPolicy?: Partial<PasswordPolicy>;
    /** Choice-based sign-in (USER_AUTH): which first factors the pool offers (default PASSWORD alone). */
    SignInPolicy?: { AllowedFirstAuthFactors?: ('PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN')[] };
  };
  /** The feature plan (default ESSENTIALS); passkeys and USER_AUTH need ESSENTIALS or PLUS. */
  UserPoolTier?: 'LITE' | 'ESSENTIALS' | 'PLUS';
  /** Passkeys: the relying party id and user verification, as SetUserPoolMfaConfig sets them. */
  WebAuthnConfiguration?: { RelyingPartyId?: string; UserVerification?: 'required' | 'preferred' };
  DeviceConfiguration?: {
    ChallengeRequiredOnNewDevice?: boolean;
    DeviceOnlyRememberedOnUserPrompt?: boolean;
  };
  /** Attributes every user must have (the schema's `Required: true`). */
  RequiredAttributes?: string[];
  /** None unless set: without it sign-up sends no confirmation code. */
  AutoVerifiedAttributes?: ('email' | 'phone_number')[];
  /** Verified attributes that may stand in for the username at sign-in (none unless set). */
  AliasAttributes?: ('email' | 'phone_number' | 'preferred_username')[];
  /** Email and/or phone as the username (the stored username is then a UUID equal to sub); not with AliasAttributes. */
  UsernameAttributes?: ('email' | 'phone_number')[];
  /** CaseSensitive false: usernames, emails and aliases match in any case (default true, as the API). */
  UsernameConfiguration?: { CaseSensitive?: boolean };
  /** Where ForgotPassword sends its code, by priority; absent means the legacy order (verified phone, then email). */
  AccountRecoverySetting?: {
    RecoveryMechanisms: { Name: 'verified_email' | 'verified_phone_number' | 'admin_only'; Priority: number }[];
  };
  /** Only AdminCreateUser makes users: SignUp is refused. */
  AllowAdminCreateUserOnly?: boolean;
  /** Invitation texts of AdminCreateUser ({username} and {####} are placeholders). */
  InviteMessageTemplate?: { SMSMessage?: string; EmailMessage?: string; EmailSubject?: string };
  /** Message templates ({####} is the code): verification codes by SMS / email, and SMS MFA codes. */
  Messages?: {
    EmailVerificationMessage?: string;
    SmsVerificationMessage?: string;
    SmsAuthenticationMessage?: string;
    /** EmailMfaConfiguration.Message of SetUserPoolMfaConfig: the EMAIL_OTP text. */
    EmailMfaMessage?: string;
    VerificationMessageTemplate?: { SmsMessage?: string; EmailMessage?: string; EmailSubject?: string };
  };
  /** ACTIVE: DeleteUserPool is refused. */
  DeletionProtection?: 'ACTIVE' | 'INACTIVE';
  /** Members the emulator keeps and echoes but that change nothing here (docs/emulator-settings.md says why). */
  StoredOnly?: Record<string, unknown>;
  LambdaConfig?: LambdaConfig;
  /** Emulator extension: wrong one-time codes allowed per Session (default 3). */
  WrongCodeLimit?: number;
  /** Emulator extension: wrong passwords in a row before "Password attempts exceeded" (default 5). */
  PasswordAttemptLimit?: number;
  /** Emulator extension: seconds of the first lockout after the limit, doubling per further failure (default 1, as Cognito). */
  PasswordLockoutSeconds?: number;
  Clients?: ClientConfig[];
  Users?: UserSeed[];
}

/** Everything one emulator serves: its pools. */
export interface EmulatorConfig {
  Pools: PoolConfig[];
}

/** Cognito's default password policy, used when a pool sets none. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** Cognito's messages for each failed rule, checked in Cognito's order. */
export function passwordPolicyViolation(policy: PasswordPolicy, password: string): string | undefined {
  const prefix = 'Password does not conform to policy: ';
  if (password.length < policy.MinimumLength) return `${prefix}Password not long enough`;
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return `${prefix}Password must have lowercase characters`;
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return `${prefix}Password must have uppercase characters`;
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return `${prefix}Password must have numeric characters`;
  if (policy.RequireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password))
    return `${prefix}Password must have symbol characters`;
  return undefined;
}
