// Server-side admin helpers over @aws-sdk/client-cognito-identity-provider: create, confirm and update users, ClientMetadata included.
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  type AttributeType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoServiceError, fromErrorType, toSignInError } from '../../machines/errors.ts';
import type { StringMap } from '../../machines/protocol.ts';

/** Options of the admin client: pool, region or endpoint, credentials. */
export interface CognitoAdminOptions {
  readonly userPoolId: string;
  /** Default: the pool id's prefix (`eu-west-1_AbC` → `eu-west-1`). */
  readonly region?: string;
  /** e.g. the local emulator's URL; omit for real Cognito. */
  readonly endpoint?: string;
  /** Omit to use the SDK's default credential chain (environment, profile, role). */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /** Bring your own configured client instead (region, retries, middleware). */
  readonly client?: CognitoIdentityProviderClient;
}

/**
 * ClientMetadata reaches the pool's Lambda triggers as `request.clientMetadata`. Cognito neither stores,
 * validates nor encrypts it: never put secrets in it.
 */
export interface WithClientMetadata {
  readonly clientMetadata?: StringMap;
}

/** A user for `createUser`: username, password, attributes and MFA. */
export interface CreateUserOptions extends WithClientMetadata {
  readonly username: string;
  readonly attributes?: StringMap;
  /** The user signs in with it once and must choose a new one (NEW_PASSWORD_REQUIRED). Cognito generates one if omitted. */
  readonly temporaryPassword?: string;
  /** `SUPPRESS`: no invitation message; `RESEND`: send the invitation again to an existing user. Default: send it. */
  readonly messageAction?: 'SUPPRESS' | 'RESEND';
  /** Where the invitation goes; default `['SMS']` in Cognito. */
  readonly desiredDeliveryMediums?: readonly ('SMS' | 'EMAIL')[];
  /** Move an email / phone alias from another user to this one. */
  readonly forceAliasCreation?: boolean;
}

/** The created user as AdminCreateUser describes it (no password material). */
export interface AdminUser {
  readonly username: string;
  /** `FORCE_CHANGE_PASSWORD` for a new user. */
  readonly status: string | null;
  readonly enabled: boolean;
  readonly attributes: StringMap;
}

/** The admin client over the AWS SDK: create users, set MFA (server side only). */
export interface CognitoAdmin {
  readonly client: CognitoIdentityProviderClient;
  /** AdminCreateUser; ClientMetadata reaches the pre sign-up trigger (and custom message for the invitation). */
  createUser(options: CreateUserOptions): Promise<AdminUser>;
  /** AdminConfirmSignUp; ClientMetadata reaches the post confirmation trigger. */
  confirmSignUp(username: string, options?: WithClientMetadata): Promise<void>;
  /** AdminUpdateUserAttributes; ClientMetadata reaches the custom message trigger (verification codes for email / phone). */
  updateUserAttributes(username: string, attributes: StringMap, options?: WithClientMetadata): Promise<void>;
  /** AdminSetUserPassword: `permanent` (default) makes the user CONFIRMED; otherwise the next sign-in asks for a new one. */
  setPassword(username: string, password: string, permanent?: boolean): Promise<void>;
  /** AdminSetUserMFAPreference: only the methods named change. */
  setMfaPreference(username: string, preference: AdminMfaPreference): Promise<void>;
  /** AdminDeleteUser. */
  deleteUser(username: string): Promise<void>;
}

/** Per method: enabled or not; `preferred` names the one Cognito asks for first. */
export interface AdminMfaPreference {
  readonly sms?: boolean;
  readonly totp?: boolean;
  readonly email?: boolean;
  readonly preferred?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
}

function mfaSetting(
  enabled: boolean | undefined,
  preferred: boolean,
): { Enabled: boolean; PreferredMfa: boolean } | undefined {
  return enabled === undefined ? undefined : { Enabled: enabled, PreferredMfa: preferred };
}

function toAttributeList(attributes: StringMap): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

function fromAttributeList(list: readonly AttributeType[] | undefined): StringMap {
  const attributes: StringMap = {};
  for (const { Name, Value } of list ?? []) if (Name !== undefined && Value !== undefined) attributes[Name] = Value;
  return attributes;
}

function toUser(user: UserType | undefined, fallbackUsername: string): AdminUser {
  return {
    username: user?.Username ?? fallbackUsername,
    status: user?.UserStatus ?? null,
    enabled: user?.Enabled ?? true,
    attributes: fromAttributeList(user?.Attributes),
  };
}

/** SDK exceptions become the same `{ code, retryable, detail }` data the browser side branches on. */
async function send<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    if (thrown instanceof CognitoIdentityProviderServiceException)
      throw new CognitoServiceError(fromErrorType(thrown.name, thrown.message));
    throw new CognitoServiceError(toSignInError(thrown));
  }
}

function metadata(options: WithClientMetadata | undefined): { ClientMetadata?: Record<string, string> } {
  return options?.clientMetadata === undefined ? {} : { ClientMetadata: { ...options.clientMetadata } };
}

/** Admin calls for a back-end (signed with IAM credentials; never ship these to a browser). */
export function createCognitoAdmin(options: CognitoAdminOptions): CognitoAdmin {
  const region = options.region ?? options.userPoolId.split('_')[0] ?? '';
  const client =
    options.client ??
    new CognitoIdentityProviderClient({
      region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    });
  const UserPoolId = options.userPoolId;
  return {
    client,
    async createUser(input) {
      const output = await send(() =>
        client.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: input.username,
            ...(input.attributes === undefined ? {} : { UserAttributes: toAttributeList(input.attributes) }),
            ...(input.temporaryPassword === undefined ? {} : { TemporaryPassword: input.temporaryPassword }),
            ...(input.messageAction === undefined ? {} : { MessageAction: input.messageAction }),
            ...(input.desiredDeliveryMediums === undefined
              ? {}
              : { DesiredDeliveryMediums: [...input.desiredDeliveryMediums] }),
            ...(input.forceAliasCreation === undefined ? {} : { ForceAliasCreation: input.forceAliasCreation }),
            ...metadata(input),
          }),
        ),
      );
      return toUser(output.User, input.username);
    },
    async confirmSignUp(username, confirmOptions) {
      await send(() =>
        client.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: username, ...metadata(confirmOptions) })),
      );
    },
    async updateUserAttributes(username, attributes, updateOptions) {
      await send(() =>
        client.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId,
            Username: username,
            UserAttributes: toAttributeList(attributes),
            ...metadata(updateOptions),
          }),
        ),
      );
    },
    async setPassword(username, password, permanent = true) {
      await send(() =>
        client.send(
          new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: password, Permanent: permanent }),
        ),
      );
    },
    async setMfaPreference(username, preference) {
      const SMSMfaSettings = mfaSetting(preference.sms, preference.preferred === 'SMS_MFA');
      const SoftwareTokenMfaSettings = mfaSetting(preference.totp, preference.preferred === 'SOFTWARE_TOKEN_MFA');
      const EmailMfaSettings = mfaSetting(preference.email, preference.preferred === 'EMAIL_OTP');
      await send(() =>
        client.send(
          new AdminSetUserMFAPreferenceCommand({
            UserPoolId,
            Username: username,
            ...(SMSMfaSettings === undefined ? {} : { SMSMfaSettings }),
            ...(SoftwareTokenMfaSettings === undefined ? {} : { SoftwareTokenMfaSettings }),
            ...(EmailMfaSettings === undefined ? {} : { EmailMfaSettings }),
          }),
        ),
      );
    },
    async deleteUser(username) {
      await send(() => client.send(new AdminDeleteUserCommand({ UserPoolId, Username: username })));
    },
  };
}
