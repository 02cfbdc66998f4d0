// The account machines' real actors: one fromPromise per Cognito call, through the same port and retry policy as sign-in.
import { fromPromise } from 'xstate';
import type {
  AttributeType,
  CodeDeliveryDetailsType,
  ConfirmSignUpRequest,
  WebAuthnCredentialDescription,
  DeviceType,
  MfaSettingsType,
  SetUserMFAPreferenceRequest,
  SignUpRequest,
  StringMap,
  UserContextDataType,
} from './protocol.ts';
import type {
  AttributeCallInput,
  ChangePasswordCallInput,
  CodeDelivery,
  ConfirmForgotPasswordCallInput,
  ConfirmSignUpCallInput,
  ConfirmSignUpCallOutput,
  DeviceCallInput,
  MfaPreferenceCallInput,
  MfaSetting,
  Passkey,
  PasskeyCallInput,
  PublicCallBase,
  RememberedDevice,
  SignedInCallBase,
  SignUpCallInput,
  SignUpCallOutput,
  TotpCodeCallInput,
  UpdateAttributesCallInput,
  UsernameCallInput,
  VerifyAttributeCallInput,
} from './accountTypes.ts';
import { callCognito, unexpected } from './cognitoCall.ts';
import { CognitoServiceError } from './errors.ts';
import { passkeyRegistrationActors, type PasskeyPorts } from './passkeyActors.ts';
import { passkeyRegistrationMachine } from './passkeyRegistration.machine.ts';
import type { CognitoPort } from './ports.ts';
import { secret, type Secret } from './secret.ts';

/** The old name of CognitoPort: the account calls share the one port with sign-in. */
export type AccountCognitoPort = CognitoPort;

/** What the account actors need: the same Cognito ports as sign-in, plus the passkey ceremony. Only `cognito` is required. */
export type AccountPorts = PasskeyPorts;

function toAttributes(attributes: StringMap): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

function toDelivery(details: CodeDeliveryDetailsType | undefined): CodeDelivery | null {
  if (details === undefined) return null;
  return {
    medium: details.DeliveryMedium ?? null,
    destination: details.Destination ?? null,
    attributeName: details.AttributeName ?? null,
  };
}

function wrap(value: string | undefined): Secret<string> | null {
  return value === undefined ? null : secret(value);
}

/** SecretHash, ClientMetadata and UserContextData, as every public account call accepts them. */
async function publicFields(
  ports: AccountPorts,
  base: PublicCallBase,
  username: string,
): Promise<{ SecretHash?: string; ClientMetadata?: StringMap; UserContextData?: UserContextDataType }> {
  const fields: { SecretHash?: string; ClientMetadata?: StringMap; UserContextData?: UserContextDataType } = {};
  if (ports.cognito.secretHash) fields.SecretHash = await ports.cognito.secretHash(username);
  if (base.clientMetadata !== null) fields.ClientMetadata = base.clientMetadata;
  const userContextData = ports.userContextData?.(username);
  if (userContextData !== undefined) fields.UserContextData = userContextData;
  return fields;
}

function metadata(base: SignedInCallBase): { ClientMetadata?: StringMap } {
  return base.clientMetadata === null ? {} : { ClientMetadata: base.clientMetadata };
}

function mfaSettings(setting: MfaSetting | undefined): MfaSettingsType | undefined {
  if (setting === undefined) return undefined;
  return { Enabled: setting !== 'disabled', PreferredMfa: setting === 'preferred' };
}

function attribute(device: DeviceType, name: string): string | undefined {
  return device.DeviceAttributes?.find((item) => item.Name === name)?.Value;
}

function toRememberedDevice(device: DeviceType): RememberedDevice | null {
  if (device.DeviceKey === undefined) return null;
  const lastAuthenticated = device.DeviceLastAuthenticatedDate;
  return {
    deviceKey: device.DeviceKey,
    name: attribute(device, 'device_name') ?? null,
    // Cognito reports `dev:device_remembered_status`; without it (some emulators) `device_status: valid` is the signal.
    remembered:
      (attribute(device, 'dev:device_remembered_status') ??
        (attribute(device, 'device_status') === 'valid' ? 'remembered' : '')) === 'remembered',
    lastAuthenticatedAt: lastAuthenticated === undefined ? null : lastAuthenticated * 1000,
  };
}

function toPasskey(credential: WebAuthnCredentialDescription): Passkey {
  return {
    credentialId: credential.CredentialId,
    friendlyName: credential.FriendlyCredentialName,
    relyingPartyId: credential.RelyingPartyId,
    authenticatorAttachment: credential.AuthenticatorAttachment ?? null,
    createdAt: credential.CreatedAt * 1000,
  };
}

/** Actors for `signUpMachine.provide({ actors: signUpActors(ports) })`. */
export function signUpActors(ports: AccountPorts) {
  return {
    signUp: fromPromise<SignUpCallOutput, SignUpCallInput>(async ({ input }) => {
      const request: SignUpRequest = {
        ClientId: input.base.clientId,
        Username: input.username,
        Password: input.password.reveal(),
        UserAttributes: toAttributes(input.attributes),
        ...(await publicFields(ports, input.base, input.username)),
      };
      // No replay of SignUp after a dropped connection: the first try may have created the user,
      // and the retry would then fail with UsernameExistsException for the user's own account.
      const response = await callCognito(ports, 'SignUp', request, { retry: false });
      return {
        userConfirmed: response.UserConfirmed === true,
        userSub: response.UserSub ?? null,
        codeDelivery: toDelivery(response.CodeDeliveryDetails),
        session: wrap(response.Session),
      };
    }),

    confirmSignUp: fromPromise<ConfirmSignUpCallOutput, ConfirmSignUpCallInput>(async ({ input }) => {
      const request: ConfirmSignUpRequest = {
        ClientId: input.base.clientId,
        Username: input.username,
        ConfirmationCode: input.code.reveal(),
        ...(await publicFields(ports, input.base, input.username)),
      };
      if (input.session !== null) request.Session = input.session.reveal();
      const response = await callCognito(ports, 'ConfirmSignUp', request);
      return { session: wrap(response.Session) };
    }),

    resendConfirmationCode: fromPromise<CodeDelivery | null, UsernameCallInput>(async ({ input }) => {
      const request = {
        ClientId: input.base.clientId,
        Username: input.username,
        ...(await publicFields(ports, input.base, input.username)),
      };
      const response = await callCognito(ports, 'ResendConfirmationCode', request);
      return toDelivery(response.CodeDeliveryDetails);
    }),
  };
}

/** Actors for `forgotPasswordMachine.provide({ actors: forgotPasswordActors(ports) })`. */
export function forgotPasswordActors(ports: AccountPorts) {
  return {
    forgotPassword: fromPromise<CodeDelivery | null, UsernameCallInput>(async ({ input }) => {
      const request = {
        ClientId: input.base.clientId,
        Username: input.username,
        ...(await publicFields(ports, input.base, input.username)),
      };
      const response = await callCognito(ports, 'ForgotPassword', request);
      return toDelivery(response.CodeDeliveryDetails);
    }),

    confirmForgotPassword: fromPromise<null, ConfirmForgotPasswordCallInput>(async ({ input }) => {
      const request = {
        ClientId: input.base.clientId,
        Username: input.username,
        ConfirmationCode: input.code.reveal(),
        Password: input.password.reveal(),
        ...(await publicFields(ports, input.base, input.username)),
      };
      await callCognito(ports, 'ConfirmForgotPassword', request);
      return null;
    }),
  };
}

/** Actors for `accountMachine.provide({ actors: accountActors(ports) })`. */
export function accountActors(ports: AccountPorts) {
  return {
    changePassword: fromPromise<null, ChangePasswordCallInput>(async ({ input }) => {
      await callCognito(ports, 'ChangePassword', {
        PreviousPassword: input.previousPassword.reveal(),
        ProposedPassword: input.proposedPassword.reveal(),
        AccessToken: input.base.accessToken.reveal(),
      });
      return null;
    }),

    updateUserAttributes: fromPromise<CodeDelivery[], UpdateAttributesCallInput>(async ({ input }) => {
      const response = await callCognito(ports, 'UpdateUserAttributes', {
        UserAttributes: toAttributes(input.attributes),
        AccessToken: input.base.accessToken.reveal(),
        ...metadata(input.base),
      });
      return (response.CodeDeliveryDetailsList ?? []).map(toDelivery).filter((delivery) => delivery !== null);
    }),

    verifyUserAttribute: fromPromise<null, VerifyAttributeCallInput>(async ({ input }) => {
      await callCognito(ports, 'VerifyUserAttribute', {
        AccessToken: input.base.accessToken.reveal(),
        AttributeName: input.attributeName,
        Code: input.code.reveal(),
      });
      return null;
    }),

    getUserAttributeVerificationCode: fromPromise<CodeDelivery | null, AttributeCallInput>(async ({ input }) => {
      const response = await callCognito(ports, 'GetUserAttributeVerificationCode', {
        AccessToken: input.base.accessToken.reveal(),
        AttributeName: input.attributeName,
        ...metadata(input.base),
      });
      return toDelivery(response.CodeDeliveryDetails);
    }),

    associateSoftwareToken: fromPromise<Secret<string>, { base: SignedInCallBase }>(async ({ input }) => {
      const response = await callCognito(ports, 'AssociateSoftwareToken', {
        AccessToken: input.base.accessToken.reveal(),
      });
      if (response.SecretCode === undefined) throw unexpected('AssociateSoftwareToken without SecretCode');
      return secret(response.SecretCode);
    }),

    verifySoftwareToken: fromPromise<null, TotpCodeCallInput>(async ({ input }) => {
      const friendlyDeviceName = input.friendlyDeviceName ?? ports.deviceName;
      const response = await callCognito(ports, 'VerifySoftwareToken', {
        AccessToken: input.base.accessToken.reveal(),
        UserCode: input.code.reveal(),
        ...(friendlyDeviceName === undefined ? {} : { FriendlyDeviceName: friendlyDeviceName }),
      });
      if (response.Status !== 'SUCCESS')
        throw new CognitoServiceError({ code: 'EnableSoftwareTokenMFAException', retryable: false });
      return null;
    }),

    setUserMFAPreference: fromPromise<null, MfaPreferenceCallInput>(async ({ input }) => {
      const request: SetUserMFAPreferenceRequest = { AccessToken: input.base.accessToken.reveal() };
      // Methods left out keep their settings, as in Cognito: send only what the user changed.
      const sms = mfaSettings(input.preference.SMS_MFA);
      const totp = mfaSettings(input.preference.SOFTWARE_TOKEN_MFA);
      const email = mfaSettings(input.preference.EMAIL_OTP);
      if (sms !== undefined) request.SMSMfaSettings = sms;
      if (totp !== undefined) request.SoftwareTokenMfaSettings = totp;
      if (email !== undefined) request.EmailMfaSettings = email;
      await callCognito(ports, 'SetUserMFAPreference', request);
      return null;
    }),

    listDevices: fromPromise<RememberedDevice[], { base: SignedInCallBase }>(async ({ input }) => {
      const devices: RememberedDevice[] = [];
      let paginationToken: string | undefined;
      // ListDevices pages at 60; follow PaginationToken so "forget" can reach every device.
      do {
        const token = paginationToken;
        const response = await callCognito(ports, 'ListDevices', {
          AccessToken: input.base.accessToken.reveal(),
          Limit: 60,
          ...(token === undefined ? {} : { PaginationToken: token }),
        });
        for (const device of response.Devices ?? []) {
          const remembered = toRememberedDevice(device);
          if (remembered !== null) devices.push(remembered);
        }
        paginationToken = response.PaginationToken;
      } while (paginationToken !== undefined);
      return devices;
    }),

    forgetDevice: fromPromise<null, DeviceCallInput>(async ({ input }) => {
      await callCognito(ports, 'ForgetDevice', {
        AccessToken: input.base.accessToken.reveal(),
        DeviceKey: input.deviceKey,
      });
      return null;
    }),

    passkeyRegistration: passkeyRegistrationMachine.provide({ actors: passkeyRegistrationActors(ports) }),

    listWebAuthnCredentials: fromPromise<Passkey[], { base: SignedInCallBase }>(async ({ input }) => {
      const passkeys: Passkey[] = [];
      let nextToken: string | undefined;
      // ListWebAuthnCredentials pages (MaxResults up to 20): follow NextToken so every passkey can be deleted.
      do {
        const token = nextToken;
        const response = await callCognito(ports, 'ListWebAuthnCredentials', {
          AccessToken: input.base.accessToken.reveal(),
          MaxResults: 20,
          ...(token === undefined ? {} : { NextToken: token }),
        });
        passkeys.push(...response.Credentials.map(toPasskey));
        nextToken = response.NextToken;
      } while (nextToken !== undefined);
      return passkeys;
    }),

    deleteWebAuthnCredential: fromPromise<null, PasskeyCallInput>(async ({ input }) => {
      await callCognito(ports, 'DeleteWebAuthnCredential', {
        AccessToken: input.base.accessToken.reveal(),
        CredentialId: input.credentialId,
      });
      return null;
    }),
  };
}
