// Cognito user-pool wire shapes, verbatim (AWS JSON 1.1 bodies); see docs/protocol.md §2–7.

/** `AuthFlow` values a public or server-side app client can start with InitiateAuth. */
export type AuthFlow =
  'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH' | 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN';

/** Every `ChallengeName` InitiateAuth / RespondToAuthChallenge can return. */
export type ChallengeName =
  | 'SMS_MFA'
  | 'EMAIL_OTP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SELECT_CHALLENGE'
  | 'PASSWORD'
  | 'PASSWORD_SRP'
  | 'SMS_OTP'
  | 'WEB_AUTHN';

/** USER_AUTH's `PREFERRED_CHALLENGE` values. */
export type PreferredChallenge = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** The MFA types SELECT_MFA_TYPE can offer and `ANSWER` can name. */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

export type StringMap = Record<string, string>;

export interface UserContextDataType {
  EncodedData?: string;
  IpAddress?: string;
}

export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: string;
}

export interface InitiateAuthRequest {
  AuthFlow: AuthFlow;
  ClientId: string;
  AuthParameters: StringMap;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: ChallengeName;
  Session?: string;
  ChallengeResponses: StringMap;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

export interface NewDeviceMetadataType {
  DeviceKey?: string;
  DeviceGroupKey?: string;
}

export interface AuthenticationResultType {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
  NewDeviceMetadata?: NewDeviceMetadataType;
}

/** InitiateAuth and RespondToAuthChallenge answer with the same shape: a challenge or tokens. */
export interface AuthResponse {
  ChallengeName?: ChallengeName;
  ChallengeParameters?: StringMap;
  Session?: string;
  AvailableChallenges?: ChallengeName[];
  AuthenticationResult?: AuthenticationResultType;
}

export type InitiateAuthResponse = AuthResponse;
export type RespondToAuthChallengeResponse = AuthResponse;

/** Either `Session` (inside MFA_SETUP) or `AccessToken` (signed in). */
export interface AssociateSoftwareTokenRequest {
  Session?: string;
  AccessToken?: string;
}

export interface AssociateSoftwareTokenResponse {
  SecretCode?: string;
  Session?: string;
}

export interface VerifySoftwareTokenRequest {
  Session?: string;
  AccessToken?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}

export interface VerifySoftwareTokenResponse {
  Status?: 'SUCCESS' | 'ERROR';
  Session?: string;
}

export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: string;
  Salt?: string;
}

export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
  DeviceName?: string;
}

export interface ConfirmDeviceResponse {
  UserConfirmationNecessary?: boolean;
}

export type DeviceRememberedStatus = 'remembered' | 'not_remembered';

export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatus;
}

export type UpdateDeviceStatusResponse = Record<string, never>;

export interface ForgetDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
}

export type ForgetDeviceResponse = Record<string, never>;

export interface RevokeTokenRequest {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
}

export type RevokeTokenResponse = Record<string, never>;

export interface GlobalSignOutRequest {
  AccessToken: string;
}

export type GlobalSignOutResponse = Record<string, never>;

/** Operation name → request/response, for the `X-Amz-Target` header. */
export interface CognitoOperations {
  InitiateAuth: [InitiateAuthRequest, InitiateAuthResponse];
  RespondToAuthChallenge: [RespondToAuthChallengeRequest, RespondToAuthChallengeResponse];
  AssociateSoftwareToken: [AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse];
  VerifySoftwareToken: [VerifySoftwareTokenRequest, VerifySoftwareTokenResponse];
  ConfirmDevice: [ConfirmDeviceRequest, ConfirmDeviceResponse];
  UpdateDeviceStatus: [UpdateDeviceStatusRequest, UpdateDeviceStatusResponse];
  ForgetDevice: [ForgetDeviceRequest, ForgetDeviceResponse];
  RevokeToken: [RevokeTokenRequest, RevokeTokenResponse];
  GlobalSignOut: [GlobalSignOutRequest, GlobalSignOutResponse];
}

export type CognitoOperation = keyof CognitoOperations;
