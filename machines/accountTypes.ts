// Data of the account machines (sign-up, forgotten password, signed-in account): what each actor takes and returns.
import type { MfaType, StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';

/** Where Cognito sent a code, masked by Cognito (e.g. `s***@e***`). */
export interface CodeDelivery {
  readonly medium: 'SMS' | 'EMAIL' | null;
  readonly destination: string | null;
  readonly attributeName: string | null;
}

/** What every public (unauthenticated) account call carries besides its own fields. */
export interface PublicCallBase {
  readonly clientId: string;
  /** Reaches the Lambda triggers as `request.clientMetadata`; Cognito neither stores, validates nor encrypts it. */
  readonly clientMetadata: StringMap | null;
}

export interface SignUpCallInput {
  readonly base: PublicCallBase;
  readonly username: string;
  readonly password: Secret<string>;
  readonly attributes: StringMap;
}

export interface SignUpCallOutput {
  readonly userConfirmed: boolean;
  readonly userSub: string | null;
  readonly codeDelivery: CodeDelivery | null;
  readonly session: Secret<string> | null;
}

export interface ConfirmSignUpCallInput {
  readonly base: PublicCallBase;
  readonly username: string;
  readonly code: Secret<string>;
  readonly session: Secret<string> | null;
}

export interface ConfirmSignUpCallOutput {
  /** Cognito's sign-in Session (USER_AUTH) when the pool offers sign-in after confirmation. */
  readonly session: Secret<string> | null;
}

export interface UsernameCallInput {
  readonly base: PublicCallBase;
  readonly username: string;
}

export interface ConfirmForgotPasswordCallInput {
  readonly base: PublicCallBase;
  readonly username: string;
  readonly code: Secret<string>;
  readonly password: Secret<string>;
}

/** What every signed-in call carries: the access token (redacted) and, where the API takes it, ClientMetadata. */
export interface SignedInCallBase {
  readonly accessToken: Secret<string>;
  readonly clientMetadata: StringMap | null;
}

export interface ChangePasswordCallInput {
  readonly base: SignedInCallBase;
  readonly previousPassword: Secret<string>;
  readonly proposedPassword: Secret<string>;
}

export interface UpdateAttributesCallInput {
  readonly base: SignedInCallBase;
  readonly attributes: StringMap;
}

export interface AttributeCallInput {
  readonly base: SignedInCallBase;
  readonly attributeName: string;
}

export interface VerifyAttributeCallInput extends AttributeCallInput {
  readonly code: Secret<string>;
}

export interface TotpCodeCallInput {
  readonly base: SignedInCallBase;
  readonly code: Secret<string>;
  readonly friendlyDeviceName: string | null;
}

/** A method's MFA setting: off, on, or on and asked for first. */
export type MfaSetting = 'disabled' | 'enabled' | 'preferred';

/** SetUserMFAPreference: only the methods named here change; the others keep their settings. */
export type MfaPreference = Readonly<Partial<Record<MfaType, MfaSetting>>>;

export interface MfaPreferenceCallInput {
  readonly base: SignedInCallBase;
  readonly preference: MfaPreference;
}

export interface DeviceCallInput {
  readonly base: SignedInCallBase;
  readonly deviceKey: string;
}

/** A device Cognito tracks for the user, as ListDevices describes it (no secrets). */
export interface RememberedDevice {
  readonly deviceKey: string;
  readonly name: string | null;
  readonly remembered: boolean;
  /** Epoch ms, when known. */
  readonly lastAuthenticatedAt: number | null;
}

/** A registered passkey, as ListWebAuthnCredentials describes it (no key material). */
export interface Passkey {
  readonly credentialId: string;
  readonly friendlyName: string;
  readonly relyingPartyId: string;
  /** `platform` (this device) or `cross-platform` (a security key, a phone), when the authenticator said. */
  readonly authenticatorAttachment: string | null;
  /** Epoch ms. */
  readonly createdAt: number;
}

export interface PasskeyCallInput {
  readonly base: SignedInCallBase;
  readonly credentialId: string;
}

/** navigator.credentials.create's input: StartWebAuthnRegistration's options as JSON (the challenge: redacted). */
export interface PasskeyCeremonyInput {
  readonly creationOptions: Secret<string>;
}

export interface CompletePasskeyCallInput {
  readonly base: SignedInCallBase;
  /** RegistrationResponseJSON, redacted. */
  readonly credential: Secret<string>;
}
