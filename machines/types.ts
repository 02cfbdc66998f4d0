// The sign-in machine's data: input, context, events, emitted events and what each actor takes and returns.
import type { SignInError } from './errors.ts';
import type { DeviceRecord, SrpEphemeral } from './ports.ts';
import type { ChallengeName, MfaType, PreferredChallenge, StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';

/** How the sign-in starts. `CUSTOM_AUTH_SRP` is CUSTOM_AUTH with `CHALLENGE_NAME: "SRP_A"` (password checked first). */
export type SignInFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'CUSTOM_AUTH_SRP' | 'USER_AUTH';

/** How far sign-out goes: this browser, revoke the refresh token, or every device. */
export type SignOutScope = 'local' | 'revoke' | 'global';

/** Machine input: app-client settings, all non-secret. */
export interface SignInInput {
  /** e.g. `us-east-1_AbC123`; the SRP pool name is the part after `_`. */
  readonly userPoolId: string;
  readonly clientId: string;
  /** Default `USER_SRP_AUTH`. */
  readonly authFlow?: SignInFlow;
  /**
   * For `USER_AUTH`: the first factor to ask for (default `PASSWORD_SRP`); `null` sends none, so Cognito answers
   * SELECT_CHALLENGE with the factors the pool and user allow (choice-based sign-in, username only).
   */
  readonly preferredChallenge?: PreferredChallenge | null;
  /** Sent as `ClientMetadata` with every call; a submit event's own `clientMetadata` replaces it for that call. */
  readonly clientMetadata?: StringMap;
  readonly analyticsEndpointId?: string;
  /** Pre-fills the username (e.g. LastAuthUser). */
  readonly username?: string;
  /** Confirm devices when Cognito returns NewDeviceMetadata. Default true. */
  readonly deviceTracking?: boolean;
  /** Issuer shown by authenticator apps for MFA_SETUP. Default: the pool id. */
  readonly totpIssuer?: string;
}

/** What the sign-in machine ends with at its final state `done`: the session machine takes it from there. */
export interface SignInOutput {
  /** USER_ID_FOR_SRP (what the stores key by). */
  readonly username: string;
  /** What the user typed (a session shows it in the form again after sign-out). */
  readonly loginName?: string;
  readonly tokens: TokenSet;
  readonly claims: TokenClaims;
  readonly device: DeviceRecord | null;
  /** NewDeviceMetadata to confirm (device tracking on); the session machine runs ConfirmDevice. */
  readonly newDevice: NewDevice | null;
}

/** Tokens, each redacted; `expiresAt` is epoch ms of the access token's end. */
export interface TokenSet {
  readonly idToken: Secret<string>;
  readonly accessToken: Secret<string>;
  readonly refreshToken: Secret<string> | null;
  readonly expiresAt: number;
}

/** Non-secret facts from the ID token, for the UI. */
export interface TokenClaims {
  readonly sub: string | null;
  readonly username: string | null;
  readonly email: string | null;
  readonly phoneNumber: string | null;
  readonly groups: readonly string[];
  /** epoch seconds */
  readonly authTime: number | null;
  /** epoch seconds */
  readonly expiresAt: number | null;
}

/** The device key and group Cognito issued with the tokens. */
export interface NewDevice {
  readonly deviceKey: string;
  readonly deviceGroupKey: string;
}

/** One Cognito answer, converted at the boundary: secrets wrapped, names camelCase. */
export type AuthStep =
  | {
      readonly kind: 'challenge';
      readonly challengeName: ChallengeName;
      readonly challengeParameters: StringMap;
      readonly session: Secret<string> | null;
      readonly availableChallenges: readonly ChallengeName[];
      /** WEB_AUTHN's CREDENTIAL_REQUEST_OPTIONS, taken out of challengeParameters: it carries the challenge. */
      readonly credentialRequestOptions?: Secret<string>;
    }
  | {
      readonly kind: 'tokens';
      readonly tokens: TokenSet;
      readonly claims: TokenClaims;
      readonly newDevice: NewDevice | null;
    };

/** What an InitiateAuth / RespondToAuthChallenge actor returns. */
export interface AuthOutcome {
  readonly step: AuthStep;
  /** A fresh SRP ephemeral when this call sent `SRP_A` (kept until the verifier step exits). */
  readonly srp: SrpEphemeral | null;
  /** The device remembered for this user, looked up once USER_ID_FOR_SRP is known; undefined = unchanged. */
  readonly device?: DeviceRecord | null;
}

/** The fields every request carries. */
export interface RequestBase {
  readonly userPoolId: string;
  readonly clientId: string;
  /** USERNAME to send: USER_ID_FOR_SRP / the challenge's USERNAME once known, else what was typed. */
  readonly username: string;
  readonly session: Secret<string> | null;
  readonly clientMetadata: StringMap | null;
  readonly analyticsEndpointId: string | null;
  readonly device: DeviceRecord | null;
}

/** What the `initiateAuth` actor takes. */
export interface InitiateAuthInput {
  readonly base: RequestBase;
  readonly authFlow: SignInFlow;
  readonly preferredChallenge: PreferredChallenge | null;
  readonly password: Secret<string> | null;
  /** ConfirmSignUp's Session: InitiateAuth USER_AUTH with it instead of a password. */
  readonly signUpSession: Secret<string> | null;
}

/** What the `passwordVerifier` actor takes. */
export interface PasswordVerifierInput {
  readonly base: RequestBase;
  readonly password: Secret<string>;
  readonly srp: SrpEphemeral;
  readonly challengeParameters: StringMap;
}

/** What the `deviceSrpAuth` actor takes. */
export interface DeviceSrpAuthInput {
  readonly base: RequestBase;
  readonly device: DeviceRecord;
}

/** What the `devicePasswordVerifier` actor takes. */
export interface DevicePasswordVerifierInput {
  readonly base: RequestBase;
  readonly device: DeviceRecord;
  readonly srp: SrpEphemeral;
  readonly challengeParameters: StringMap;
}

/** What the `answer` actor takes. */
export interface AnswerInput {
  readonly base: RequestBase;
  readonly answer: Secret<string>;
}

/** What the `respondToSelectChallenge` actor takes: the factor picked, with the password when it is PASSWORD(_SRP). */
export interface SelectChallengeInput {
  readonly base: RequestBase;
  readonly challenge: PreferredChallenge;
  readonly password: Secret<string> | null;
}

/** What the `getWebAuthnCredential` actor (the browser ceremony) takes. */
export interface WebAuthnCeremonyInput {
  /** CREDENTIAL_REQUEST_OPTIONS from the WEB_AUTHN challenge. */
  readonly requestOptions: Secret<string>;
}

/** What the `selectMfaType` actor takes. */
export interface SelectMfaTypeInput {
  readonly base: RequestBase;
  readonly mfaType: MfaType;
}

/** What the `newPassword` actor takes. */
export interface NewPasswordInput {
  readonly base: RequestBase;
  readonly newPassword: Secret<string>;
  readonly attributes: StringMap;
}

/** What the `mfaSetup` actor takes. */
export interface MfaSetupInput {
  readonly base: RequestBase;
}

/** What the `associateSoftwareToken` actor returns. */
export interface AssociateSoftwareTokenOutput {
  readonly secretCode: Secret<string>;
  readonly session: Secret<string> | null;
}

/** What the `verifySoftwareToken` actor takes. */
export interface VerifySoftwareTokenInput {
  readonly base: RequestBase;
  readonly code: Secret<string>;
}

/** What the `verifySoftwareToken` actor returns. */
export interface VerifySoftwareTokenOutput {
  readonly session: Secret<string> | null;
}

/** What the `confirmDevice` actor returns. */
export interface ConfirmDeviceOutput {
  readonly device: DeviceRecord;
  readonly userConfirmationNecessary: boolean;
}

/** TOTP enrolment data for MFA_SETUP; the hook builds `otpauth://totp/<issuer>:<label>?secret=…&issuer=…`. */
export interface TotpSetup {
  readonly secretCode: Secret<string>;
  readonly label: string;
  readonly issuer: string;
}

/** Where a code was sent (masked by Cognito). */
export interface CodeDelivery {
  readonly medium: string | null;
  readonly destination: string | null;
}

/** A challenge's common data: Cognito's Session, which the answer must carry back. */
interface ChallengeData {
  readonly session: Secret<string> | null;
}

/** The four challenges answered with one code. */
export type CodeChallengeName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | 'SMS_OTP';

/** A code challenge's attempt, one variant per challenge name so each narrows on its own. */
type CodeChallengeAttempt = {
  readonly [K in CodeChallengeName]: ChallengeData & {
    readonly kind: K;
    /** Where the code went (masked by Cognito). */
    readonly codeDelivery: CodeDelivery | null;
  };
}[CodeChallengeName];

/**
 * One sign-in attempt, a variant per step: each step holds exactly what it needs, so no step can see another's data
 * (a password outside the verifier, a Session without a challenge, tokens beside a challenge). Answers the user types
 * travel in the submit event straight to the request and are never stored.
 */
export type SignInAttempt =
  /** No attempt under way (credentials, sessionExpired). */
  | { readonly kind: 'none' }
  /** InitiateAuth: the password (a password flow), or ConfirmSignUp's Session for USER_AUTH after sign-up. */
  | {
      readonly kind: 'initiating';
      readonly password: Secret<string> | null;
      readonly signUpSession: Secret<string> | null;
    }
  /** The password lives here only until the verifier claim is computed. */
  | (ChallengeData & {
      readonly kind: 'PASSWORD_VERIFIER';
      readonly password: Secret<string>;
      readonly srp: SrpEphemeral;
      readonly challengeParameters: StringMap;
    })
  | CodeChallengeAttempt
  /** `MFAS_CAN_CHOOSE`. */
  | (ChallengeData & { readonly kind: 'SELECT_MFA_TYPE'; readonly mfaTypes: readonly MfaType[] })
  | (ChallengeData & {
      readonly kind: 'SELECT_CHALLENGE';
      readonly availableChallenges: readonly ChallengeName[];
      /** The password sent with a PASSWORD_SRP pick, kept for the PASSWORD_VERIFIER that follows. */
      readonly password: Secret<string> | null;
    })
  /** CREDENTIAL_REQUEST_OPTIONS (redacted: it holds the challenge). */
  | (ChallengeData & { readonly kind: 'WEB_AUTHN'; readonly requestOptions: Secret<string> })
  /** The passkey's assertion, only between the browser ceremony and RespondToAuthChallenge. */
  | (ChallengeData & { readonly kind: 'WEB_AUTHN_ASSERTION'; readonly credential: Secret<string> })
  /** `MFAS_CAN_SETUP`, and the TOTP secret (redacted) once AssociateSoftwareToken gave it. */
  | (ChallengeData & {
      readonly kind: 'MFA_SETUP';
      readonly mfaTypes: readonly MfaType[];
      readonly totpSetup: TotpSetup | null;
    })
  /** Attribute names without the `userAttributes.` prefix. */
  | (ChallengeData & { readonly kind: 'NEW_PASSWORD_REQUIRED'; readonly requiredAttributes: readonly string[] })
  /** The trigger's public parameters. */
  | (ChallengeData & { readonly kind: 'CUSTOM_CHALLENGE'; readonly challengeParameters: StringMap })
  | (ChallengeData & { readonly kind: 'DEVICE_SRP_AUTH'; readonly device: DeviceRecord })
  | (ChallengeData & {
      readonly kind: 'DEVICE_PASSWORD_VERIFIER';
      readonly device: DeviceRecord;
      readonly srp: SrpEphemeral;
      readonly challengeParameters: StringMap;
    })
  /** A challenge this client cannot answer (unknown, or missing what answering it needs). */
  | { readonly kind: 'unanswerable'; readonly challengeName: string }
  /** The tokens: the attempt is over, and they are the machine's output. */
  | {
      readonly kind: 'signedIn';
      readonly tokens: TokenSet;
      readonly claims: TokenClaims;
      readonly newDevice: NewDevice | null;
    };

/** The sign-in machine's context: app-client settings, who is signing in, and the one attempt under way. */
export interface SignInContext {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly authFlow: SignInFlow;
  readonly preferredChallenge: PreferredChallenge | null;
  readonly clientMetadata: StringMap | null;
  /** One call's ClientMetadata from the last submit event; cleared when that call ends. */
  readonly callClientMetadata: StringMap | null;
  readonly analyticsEndpointId: string | null;
  readonly deviceTracking: boolean;
  readonly totpIssuer: string;

  /** What the user typed; kept across restarts. */
  readonly username: string;
  /** USER_ID_FOR_SRP / challenge USERNAME: what later requests and device storage use. */
  readonly challengeUsername: string | null;
  /** The device remembered for this user (device SRP), once USER_ID_FOR_SRP is known. */
  readonly device: DeviceRecord | null;
  readonly attempt: SignInAttempt;
  readonly error: SignInError | null;
}

interface WithClientMetadata {
  /** ClientMetadata for this one call (reaches the Lambda triggers). */
  readonly clientMetadata?: StringMap;
}

/** Events the sign-in machine accepts. */
export type SignInEvent =
  | ({ type: 'credentials.submit'; username: string; password: Secret<string> } & WithClientMetadata)
  /** Right after sign-up: sign in with ConfirmSignUp's Session (USER_AUTH), no password typed again. */
  | { type: 'signUp.session'; username: string; session: Secret<string> }
  | ({ type: 'code.submit'; code: Secret<string> } & WithClientMetadata)
  | ({ type: 'mfaType.select'; mfaType: MfaType } & WithClientMetadata)
  /** SELECT_CHALLENGE: one of availableChallenges; PASSWORD and PASSWORD_SRP carry the password. */
  | ({ type: 'challenge.select'; challenge: PreferredChallenge; password?: Secret<string> } & WithClientMetadata)
  /** WEB_AUTHN: open the passkey dialog again after it was closed. */
  | { type: 'webAuthn.retry' }
  | ({ type: 'newPassword.submit'; password: Secret<string>; attributes: StringMap } & WithClientMetadata)
  | ({ type: 'customChallenge.submit'; answer: Secret<string> } & WithClientMetadata)
  | { type: 'signIn.cancel' }
  | { type: 'signIn.restart' };

/** State tags: `busy` while a request runs, `input` while a form waits. */
export type SignInTag = 'busy' | 'input';
