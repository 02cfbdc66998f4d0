// The account machines' real actors: one fromPromise per Cognito call, over the same transport and error data as sign-in.
import { fromPromise } from 'xstate';
import type {
  AccountOperations,
  AttributeType,
  CodeDeliveryDetailsType,
  ConfirmSignUpRequest,
  DeviceType,
  MfaSettingsType,
  SetUserMFAPreferenceRequest,
  SignUpRequest,
} from './accountProtocol.ts';
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
import { DEFAULT_RETRY } from './actors.ts';
import { CognitoServiceError, toSignInError } from './errors.ts';
import type { RetryPolicy, UserContextDataProvider } from './ports.ts';
import type { StringMap, UserContextDataType } from './protocol.ts';
import { secret, type Secret } from './secret.ts';

type Call<K extends keyof AccountOperations> = (request: AccountOperations[K][0]) => Promise<AccountOperations[K][1]>;

/** One method per account operation; rejects with CognitoServiceError, like the sign-in CognitoPort. */
export interface AccountCognitoPort {
  signUp: Call<'SignUp'>;
  confirmSignUp: Call<'ConfirmSignUp'>;
  resendConfirmationCode: Call<'ResendConfirmationCode'>;
  forgotPassword: Call<'ForgotPassword'>;
  confirmForgotPassword: Call<'ConfirmForgotPassword'>;
  changePassword: Call<'ChangePassword'>;
  updateUserAttributes: Call<'UpdateUserAttributes'>;
  verifyUserAttribute: Call<'VerifyUserAttribute'>;
  getUserAttributeVerificationCode: Call<'GetUserAttributeVerificationCode'>;
  setUserMFAPreference: Call<'SetUserMFAPreference'>;
  listDevices: Call<'ListDevices'>;
  associateSoftwareToken: Call<'AssociateSoftwareToken'>;
  verifySoftwareToken: Call<'VerifySoftwareToken'>;
  forgetDevice: Call<'ForgetDevice'>;
  /** SECRET_HASH for app clients with a secret (server-side only). */
  secretHash?(username: string): Promise<string>;
}

/** What the account actors need. Only `cognito` is required. */
export interface AccountPorts {
  readonly cognito: AccountCognitoPort;
  readonly userContextData?: UserContextDataProvider;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** FriendlyDeviceName for VerifySoftwareToken. */
  readonly deviceName?: string;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries network failures and throttling with bounded backoff; always throws CognitoServiceError. */
async function withRetry<T>(ports: AccountPorts, call: () => Promise<T>, retry = true): Promise<T> {
  const policy = ports.retry ?? DEFAULT_RETRY;
  const sleep = ports.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (thrown) {
      const error = toSignInError(thrown);
      if (!retry || !error.retryable || attempt >= policy.attempts) throw new CognitoServiceError(error);
      await sleep(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

function unexpected(detail: string): CognitoServiceError {
  return new CognitoServiceError({ code: 'UnexpectedResponse', retryable: false, detail });
}

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
      const response = await withRetry(ports, () => ports.cognito.signUp(request), false);
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
      const response = await withRetry(ports, () => ports.cognito.confirmSignUp(request));
      return { session: wrap(response.Session) };
    }),

    resendConfirmationCode: fromPromise<CodeDelivery | null, UsernameCallInput>(async ({ input }) => {
      const request = {
        ClientId: input.base.clientId,
        Username: input.username,
        ...(await publicFields(ports, input.base, input.username)),
      };
      const response = await withRetry(ports, () => ports.cognito.resendConfirmationCode(request));
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
      const response = await withRetry(ports, () => ports.cognito.forgotPassword(request));
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
      await withRetry(ports, () => ports.cognito.confirmForgotPassword(request));
      return null;
    }),
  };
}

/** Actors for `accountMachine.provide({ actors: accountActors(ports) })`. */
export function accountActors(ports: AccountPorts) {
  return {
    changePassword: fromPromise<null, ChangePasswordCallInput>(async ({ input }) => {
      await withRetry(ports, () =>
        ports.cognito.changePassword({
          PreviousPassword: input.previousPassword.reveal(),
          ProposedPassword: input.proposedPassword.reveal(),
          AccessToken: input.base.accessToken.reveal(),
        }),
      );
      return null;
    }),

    updateUserAttributes: fromPromise<CodeDelivery[], UpdateAttributesCallInput>(async ({ input }) => {
      const response = await withRetry(ports, () =>
        ports.cognito.updateUserAttributes({
          UserAttributes: toAttributes(input.attributes),
          AccessToken: input.base.accessToken.reveal(),
          ...metadata(input.base),
        }),
      );
      return (response.CodeDeliveryDetailsList ?? []).map(toDelivery).filter((delivery) => delivery !== null);
    }),

    verifyUserAttribute: fromPromise<null, VerifyAttributeCallInput>(async ({ input }) => {
      await withRetry(ports, () =>
        ports.cognito.verifyUserAttribute({
          AccessToken: input.base.accessToken.reveal(),
          AttributeName: input.attributeName,
          Code: input.code.reveal(),
        }),
      );
      return null;
    }),

    getUserAttributeVerificationCode: fromPromise<CodeDelivery | null, AttributeCallInput>(async ({ input }) => {
      const response = await withRetry(ports, () =>
        ports.cognito.getUserAttributeVerificationCode({
          AccessToken: input.base.accessToken.reveal(),
          AttributeName: input.attributeName,
          ...metadata(input.base),
        }),
      );
      return toDelivery(response.CodeDeliveryDetails);
    }),

    associateSoftwareToken: fromPromise<Secret<string>, { base: SignedInCallBase }>(async ({ input }) => {
      const response = await withRetry(ports, () =>
        ports.cognito.associateSoftwareToken({ AccessToken: input.base.accessToken.reveal() }),
      );
      if (response.SecretCode === undefined) throw unexpected('AssociateSoftwareToken without SecretCode');
      return secret(response.SecretCode);
    }),

    verifySoftwareToken: fromPromise<null, TotpCodeCallInput>(async ({ input }) => {
      const friendlyDeviceName = input.friendlyDeviceName ?? ports.deviceName;
      const response = await withRetry(ports, () =>
        ports.cognito.verifySoftwareToken({
          AccessToken: input.base.accessToken.reveal(),
          UserCode: input.code.reveal(),
          ...(friendlyDeviceName === undefined ? {} : { FriendlyDeviceName: friendlyDeviceName }),
        }),
      );
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
      await withRetry(ports, () => ports.cognito.setUserMFAPreference(request));
      return null;
    }),

    listDevices: fromPromise<RememberedDevice[], { base: SignedInCallBase }>(async ({ input }) => {
      const devices: RememberedDevice[] = [];
      let paginationToken: string | undefined;
      // ListDevices pages at 60; follow PaginationToken so "forget" can reach every device.
      do {
        const token = paginationToken;
        const response = await withRetry(ports, () =>
          ports.cognito.listDevices({
            AccessToken: input.base.accessToken.reveal(),
            Limit: 60,
            ...(token === undefined ? {} : { PaginationToken: token }),
          }),
        );
        for (const device of response.Devices ?? []) {
          const remembered = toRememberedDevice(device);
          if (remembered !== null) devices.push(remembered);
        }
        paginationToken = response.PaginationToken;
      } while (paginationToken !== undefined);
      return devices;
    }),

    forgetDevice: fromPromise<null, DeviceCallInput>(async ({ input }) => {
      await withRetry(ports, () =>
        ports.cognito.forgetDevice({ AccessToken: input.base.accessToken.reveal(), DeviceKey: input.deviceKey }),
      );
      return null;
    }),
  };
}
