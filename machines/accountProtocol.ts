// Wire shapes, verbatim, for sign-up, forgotten password and signed-in account calls (see docs/protocol.md §9–10).
import type {
  AnalyticsMetadataType,
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  ForgetDeviceRequest,
  ForgetDeviceResponse,
  StringMap,
  UserContextDataType,
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
} from './protocol.ts';

export interface AttributeType {
  Name: string;
  Value?: string;
}

export type DeliveryMediumType = 'SMS' | 'EMAIL';

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

export interface SignUpResponse {
  UserConfirmed?: boolean;
  UserSub?: string;
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  /** Present when the pool lets a confirmed user sign in with InitiateAuth USER_AUTH and this Session. */
  Session?: string;
}

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

export interface ConfirmSignUpResponse {
  /** Sign-in without the password: InitiateAuth `USER_AUTH` with this Session. */
  Session?: string;
}

export interface ResendConfirmationCodeRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

export interface ForgotPasswordRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string;
  ClientMetadata?: StringMap;
  UserContextData?: UserContextDataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
}

export interface ForgotPasswordResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

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

export type ConfirmForgotPasswordResponse = Record<string, never>;

export interface ChangePasswordRequest {
  PreviousPassword?: string;
  ProposedPassword: string;
  AccessToken: string;
}

export type ChangePasswordResponse = Record<string, never>;

export interface UpdateUserAttributesRequest {
  UserAttributes: AttributeType[];
  AccessToken: string;
  ClientMetadata?: StringMap;
}

export interface UpdateUserAttributesResponse {
  CodeDeliveryDetailsList?: CodeDeliveryDetailsType[];
}

export interface VerifyUserAttributeRequest {
  AccessToken: string;
  AttributeName: string;
  Code: string;
}

export type VerifyUserAttributeResponse = Record<string, never>;

export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: string;
  AttributeName: string;
  ClientMetadata?: StringMap;
}

export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

export interface MfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

export interface SetUserMFAPreferenceRequest {
  SMSMfaSettings?: MfaSettingsType;
  SoftwareTokenMfaSettings?: MfaSettingsType;
  EmailMfaSettings?: MfaSettingsType;
  AccessToken: string;
}

export type SetUserMFAPreferenceResponse = Record<string, never>;

export interface ListDevicesRequest {
  AccessToken: string;
  Limit?: number;
  PaginationToken?: string;
}

export interface DeviceType {
  DeviceKey?: string;
  DeviceAttributes?: AttributeType[];
  /** Epoch seconds (the AWS JSON protocol's timestamp). */
  DeviceCreateDate?: number;
  DeviceLastModifiedDate?: number;
  DeviceLastAuthenticatedDate?: number;
}

export interface ListDevicesResponse {
  Devices?: DeviceType[];
  PaginationToken?: string;
}

/** Operation name → request/response for the account calls, for the `X-Amz-Target` header. */
export interface AccountOperations {
  SignUp: [SignUpRequest, SignUpResponse];
  ConfirmSignUp: [ConfirmSignUpRequest, ConfirmSignUpResponse];
  ResendConfirmationCode: [ResendConfirmationCodeRequest, ResendConfirmationCodeResponse];
  ForgotPassword: [ForgotPasswordRequest, ForgotPasswordResponse];
  ConfirmForgotPassword: [ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse];
  ChangePassword: [ChangePasswordRequest, ChangePasswordResponse];
  UpdateUserAttributes: [UpdateUserAttributesRequest, UpdateUserAttributesResponse];
  VerifyUserAttribute: [VerifyUserAttributeRequest, VerifyUserAttributeResponse];
  GetUserAttributeVerificationCode: [GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse];
  SetUserMFAPreference: [SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse];
  ListDevices: [ListDevicesRequest, ListDevicesResponse];
  AssociateSoftwareToken: [AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse];
  VerifySoftwareToken: [VerifySoftwareTokenRequest, VerifySoftwareTokenResponse];
  ForgetDevice: [ForgetDeviceRequest, ForgetDeviceResponse];
}

export type AccountOperation = keyof AccountOperations;
