// Cognito user-pool wire shapes, verbatim (AWS JSON 1.1 bodies), and the one operation table; see docs/protocol.md §2–10.

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

/** A string-to-string map, as Cognito's `ClientMetadata` and `ChallengeParameters`. */
export type StringMap = Record<string, string>;

/** Context data for advanced security (the encoded data string). */
export interface UserContextDataType {
  EncodedData?: string;
  IpAddress?: string;
}

/** The Pinpoint endpoint Cognito reports to. */
export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: string;
}

/** `InitiateAuth` request, as in the Cognito API reference. */
export interface InitiateAuthRequest {
  AuthFlow: AuthFlow;
  ClientId: string;
  AuthParameters: StringMap;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  /** USER_AUTH only: ConfirmSignUp's Session, to sign a new user in without the password. */
  Session?: string;
}

/** `RespondToAuthChallenge` request, as in the Cognito API reference. */
export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: ChallengeName;
  Session?: string;
  ChallengeResponses: StringMap;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

/** The device Cognito issued with the tokens, to confirm. */
export interface NewDeviceMetadataType {
  DeviceKey?: string;
  DeviceGroupKey?: string;
}

/** The tokens of a finished sign-in. */
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

/** `InitiateAuth` response, as in the Cognito API reference. */
export type InitiateAuthResponse = AuthResponse;
/** `RespondToAuthChallenge` response, as in the Cognito API reference. */
export type RespondToAuthChallengeResponse = AuthResponse;

/** Either `Session` (inside MFA_SETUP) or `AccessToken` (signed in). */
export interface AssociateSoftwareTokenRequest {
  Session?: string;
  AccessToken?: string;
}

/** `AssociateSoftwareToken` response, as in the Cognito API reference. */
export interface AssociateSoftwareTokenResponse {
  SecretCode?: string;
  Session?: string;
}

/** `VerifySoftwareToken` request, as in the Cognito API reference. */
export interface VerifySoftwareTokenRequest {
  Session?: string;
  AccessToken?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}

/** `VerifySoftwareToken` response, as in the Cognito API reference. */
export interface VerifySoftwareTokenResponse {
  Status?: 'SUCCESS' | 'ERROR';
  Session?: string;
}

/** A device's SRP verifier and salt, sent with ConfirmDevice. */
export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: string;
  Salt?: string;
}

/** `ConfirmDevice` request, as in the Cognito API reference. */
export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
  DeviceName?: string;
}

/** `ConfirmDevice` response, as in the Cognito API reference. */
export interface ConfirmDeviceResponse {
  UserConfirmationNecessary?: boolean;
}

/** Whether a device is remembered. */
export type DeviceRememberedStatus = 'remembered' | 'not_remembered';

/** `UpdateDeviceStatus` request, as in the Cognito API reference. */
export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatus;
}

/** `UpdateDeviceStatus` response, as in the Cognito API reference. */
export type UpdateDeviceStatusResponse = Record<string, never>;

/** `ForgetDevice` request, as in the Cognito API reference. */
export interface ForgetDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
}

/** `ForgetDevice` response, as in the Cognito API reference. */
export type ForgetDeviceResponse = Record<string, never>;

/** `RevokeToken` request, as in the Cognito API reference. */
export interface RevokeTokenRequest {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
}

/** `RevokeToken` response, as in the Cognito API reference. */
export type RevokeTokenResponse = Record<string, never>;

/** `GlobalSignOut` request, as in the Cognito API reference. */
export interface GlobalSignOutRequest {
  AccessToken: string;
}

/** `GlobalSignOut` response, as in the Cognito API reference. */
export type GlobalSignOutResponse = Record<string, never>;

/** One user attribute: name and value. */
export interface AttributeType {
  Name: string;
  Value?: string;
}

/** Where a code was sent. */
export type DeliveryMediumType = 'SMS' | 'EMAIL';

/** Where Cognito sent a code (masked destination, medium, attribute). */
export interface CodeDeliveryDetailsType {
  Destination?: string;
  DeliveryMedium?: DeliveryMediumType;
  AttributeName?: string;
}

/** The pool's `Policies.PasswordPolicy` (DescribeUserPool); public clients cannot read it, so the integrator passes it. */
export interface PasswordPolicyType {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
  PasswordHistorySize?: number;
  TemporaryPasswordValidityDays?: number;
}

/** `SignUp` request, as in the Cognito API reference. */
export interface SignUpRequest {
  ClientId: string;
  Username: string;
  Password: string;
  UserAttributes?: AttributeType[];
  ValidationData?: AttributeType[];
  SecretHash?: string;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

/** `SignUp` response, as in the Cognito API reference. */
export interface SignUpResponse {
  UserConfirmed?: boolean;
  UserSub?: string;
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  /** Present when the pool lets a confirmed user sign in with InitiateAuth USER_AUTH and this Session. */
  Session?: string;
}

/** `ConfirmSignUp` request, as in the Cognito API reference. */
export interface ConfirmSignUpRequest {
  ClientId: string;
  Username: string;
  ConfirmationCode: string;
  SecretHash?: string;
  ForceAliasCreation?: boolean;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  /** The Session SignUp returned, so ConfirmSignUp can hand back one for sign-in. */
  Session?: string;
}

/** `ConfirmSignUp` response, as in the Cognito API reference. */
export interface ConfirmSignUpResponse {
  /** Sign-in without the password: InitiateAuth `USER_AUTH` with this Session. */
  Session?: string;
}

/** `ResendConfirmationCode` request, as in the Cognito API reference. */
export interface ResendConfirmationCodeRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

/** `ResendConfirmationCode` response, as in the Cognito API reference. */
export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** `ForgotPassword` request, as in the Cognito API reference. */
export interface ForgotPasswordRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

/** `ForgotPassword` response, as in the Cognito API reference. */
export interface ForgotPasswordResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** `ConfirmForgotPassword` request, as in the Cognito API reference. */
export interface ConfirmForgotPasswordRequest {
  ClientId: string;
  Username: string;
  ConfirmationCode: string;
  Password: string;
  SecretHash?: string;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

/** `ConfirmForgotPassword` response, as in the Cognito API reference. */
export type ConfirmForgotPasswordResponse = Record<string, never>;

/** `ChangePassword` request, as in the Cognito API reference. */
export interface ChangePasswordRequest {
  PreviousPassword?: string;
  ProposedPassword: string;
  AccessToken: string;
}

/** `ChangePassword` response, as in the Cognito API reference. */
export type ChangePasswordResponse = Record<string, never>;

/** `UpdateUserAttributes` request, as in the Cognito API reference. */
export interface UpdateUserAttributesRequest {
  UserAttributes: AttributeType[];
  AccessToken: string;
  ClientMetadata?: StringMap;
}

/** `UpdateUserAttributes` response, as in the Cognito API reference. */
export interface UpdateUserAttributesResponse {
  CodeDeliveryDetailsList?: CodeDeliveryDetailsType[];
}

/** `VerifyUserAttribute` request, as in the Cognito API reference. */
export interface VerifyUserAttributeRequest {
  AccessToken: string;
  AttributeName: string;
  Code: string;
}

/** `VerifyUserAttribute` response, as in the Cognito API reference. */
export type VerifyUserAttributeResponse = Record<string, never>;

/** `GetUserAttributeVerificationCode` request, as in the Cognito API reference. */
export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: string;
  AttributeName: string;
  ClientMetadata?: StringMap;
}

/** `GetUserAttributeVerificationCode` response, as in the Cognito API reference. */
export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** One MFA factor's setting in SetUserMFAPreference. */
export interface MfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

/** `SetUserMFAPreference` request, as in the Cognito API reference. */
export interface SetUserMFAPreferenceRequest {
  SMSMfaSettings?: MfaSettingsType;
  SoftwareTokenMfaSettings?: MfaSettingsType;
  EmailMfaSettings?: MfaSettingsType;
  AccessToken: string;
}

/** `SetUserMFAPreference` response, as in the Cognito API reference. */
export type SetUserMFAPreferenceResponse = Record<string, never>;

/** `ListDevices` request, as in the Cognito API reference. */
export interface ListDevicesRequest {
  AccessToken: string;
  Limit?: number;
  PaginationToken?: string;
}

/** A device in ListDevices. */
export interface DeviceType {
  DeviceKey?: string;
  DeviceAttributes?: AttributeType[];
  /** Epoch seconds (the AWS JSON protocol's timestamp). */
  DeviceCreateDate?: number;
  DeviceLastModifiedDate?: number;
  DeviceLastAuthenticatedDate?: number;
}

/** `ListDevices` response, as in the Cognito API reference. */
export interface ListDevicesResponse {
  Devices?: DeviceType[];
  PaginationToken?: string;
}

/** Refresh outside InitiateAuth; needed when the app client rotates refresh tokens (API_GetTokensFromRefreshToken). */
export interface GetTokensFromRefreshTokenRequest {
  RefreshToken: string;
  ClientId: string;
  ClientSecret?: string;
  DeviceKey?: string;
  ClientMetadata?: StringMap;
}

/** `GetTokensFromRefreshToken` response, as in the Cognito API reference. */
export interface GetTokensFromRefreshTokenResponse {
  AuthenticationResult?: AuthenticationResultType;
}

/** `StartWebAuthnRegistration` request (API_StartWebAuthnRegistration). */
export interface StartWebAuthnRegistrationRequest {
  AccessToken: string;
}

/** `StartWebAuthnRegistration` response: PublicKeyCredentialCreationOptionsJSON as a JSON document. */
export interface StartWebAuthnRegistrationResponse {
  CredentialCreationOptions: Record<string, unknown>;
}

/** `CompleteWebAuthnRegistration` request: the RegistrationResponseJSON as a JSON document. */
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: string;
  Credential: Record<string, unknown>;
}

/** `ListWebAuthnCredentials` request (paged). */
export interface ListWebAuthnCredentialsRequest {
  AccessToken: string;
  MaxResults?: number;
  NextToken?: string;
}

/** One registered passkey, as ListWebAuthnCredentials describes it. */
export interface WebAuthnCredentialDescription {
  CredentialId: string;
  FriendlyCredentialName: string;
  RelyingPartyId: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports: string[];
  /** Epoch seconds. */
  CreatedAt: number;
}

/** `ListWebAuthnCredentials` response. */
export interface ListWebAuthnCredentialsResponse {
  Credentials: WebAuthnCredentialDescription[];
  NextToken?: string;
}

/** `DeleteWebAuthnCredential` request. */
export interface DeleteWebAuthnCredentialRequest {
  AccessToken: string;
  CredentialId: string;
}

interface Op<Request, Response> {
  request: Request;
  response: Response;
}

/**
 * Every Cognito operation the library calls, by its `X-Amz-Target` name: one table for sign-in, sign-up, reset and
 * account. A new flow (passkeys, managed login) adds its rows here and calls them through `CognitoPort.call`.
 */
export interface Operations {
  InitiateAuth: Op<InitiateAuthRequest, InitiateAuthResponse>;
  RespondToAuthChallenge: Op<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse>;
  GetTokensFromRefreshToken: Op<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse>;
  AssociateSoftwareToken: Op<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse>;
  VerifySoftwareToken: Op<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse>;
  ConfirmDevice: Op<ConfirmDeviceRequest, ConfirmDeviceResponse>;
  UpdateDeviceStatus: Op<UpdateDeviceStatusRequest, UpdateDeviceStatusResponse>;
  ForgetDevice: Op<ForgetDeviceRequest, ForgetDeviceResponse>;
  ListDevices: Op<ListDevicesRequest, ListDevicesResponse>;
  RevokeToken: Op<RevokeTokenRequest, RevokeTokenResponse>;
  GlobalSignOut: Op<GlobalSignOutRequest, GlobalSignOutResponse>;
  SignUp: Op<SignUpRequest, SignUpResponse>;
  ConfirmSignUp: Op<ConfirmSignUpRequest, ConfirmSignUpResponse>;
  ResendConfirmationCode: Op<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse>;
  ForgotPassword: Op<ForgotPasswordRequest, ForgotPasswordResponse>;
  ConfirmForgotPassword: Op<ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse>;
  ChangePassword: Op<ChangePasswordRequest, ChangePasswordResponse>;
  UpdateUserAttributes: Op<UpdateUserAttributesRequest, UpdateUserAttributesResponse>;
  VerifyUserAttribute: Op<VerifyUserAttributeRequest, VerifyUserAttributeResponse>;
  GetUserAttributeVerificationCode: Op<
    GetUserAttributeVerificationCodeRequest,
    GetUserAttributeVerificationCodeResponse
  >;
  SetUserMFAPreference: Op<SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse>;
  StartWebAuthnRegistration: Op<StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse>;
  CompleteWebAuthnRegistration: Op<CompleteWebAuthnRegistrationRequest, Record<string, never>>;
  ListWebAuthnCredentials: Op<ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse>;
  DeleteWebAuthnCredential: Op<DeleteWebAuthnCredentialRequest, Record<string, never>>;
}

/** A Cognito operation name, as it goes in `X-Amz-Target: AWSCognitoIdentityProviderService.<name>`. */
export type Operation = keyof Operations;
