// Admin calls over the AWS SDK v3 (AdminCreateUser with ClientMetadata, passwords, MFA): the same against the
// emulator and a real user pool.
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TotpCodes } from './totp.ts';

/** Which pool the admin calls go to; `endpoint` set means the emulator (any credentials are accepted there). */
export interface AdminTarget {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly endpoint?: string | undefined;
  /** Real pools: omit to use the SDK's default credential chain (env, profile, role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string } | undefined;
}

export interface CreateUserInput {
  readonly username: string;
  /** e.g. `{ email: 'a@example.com', email_verified: 'true', phone_number: '+15555550100' }`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** The user signs in with this and must choose a new password (NEW_PASSWORD_REQUIRED). */
  readonly temporaryPassword?: string;
  /** Set as the permanent password right after creation (the user is CONFIRMED). */
  readonly password?: string;
  /** Passed to AdminCreateUser, and so to the pool's pre sign-up and custom message triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
  /** Default `SUPPRESS`: tests rarely want an invitation message. */
  readonly messageAction?: 'SUPPRESS' | 'RESEND';
  readonly desiredDeliveryMediums?: readonly ('SMS' | 'EMAIL')[];
}

export interface MfaPreference {
  readonly sms?: boolean;
  readonly totp?: boolean;
  readonly email?: boolean;
  readonly preferred?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
}

export interface Admin {
  readonly client: CognitoIdentityProviderClient;
  /** AdminCreateUser (+ AdminSetUserPassword when `password` is given). */
  createUser(input: CreateUserInput): Promise<void>;
  setPassword(username: string, password: string, permanent?: boolean): Promise<void>;
  setMfaPreference(username: string, preference: MfaPreference): Promise<void>;
  /**
   * Registers an authenticator app for a CONFIRMED user as the user would (USER_PASSWORD_AUTH, then
   * AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference) and returns its secret. The app client
   * must allow USER_PASSWORD_AUTH.
   */
  enableTotp(username: string, password: string, totp: TotpCodes): Promise<string>;
  deleteUser(username: string): Promise<void>;
}

function attributeList(attributes: Readonly<Record<string, string>>): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

function setting(enabled: boolean | undefined, preferred: boolean) {
  return enabled === undefined ? undefined : { Enabled: enabled, PreferredMfa: preferred };
}

export function createAdmin(target: AdminTarget): Admin {
  const client = new CognitoIdentityProviderClient({
    region: target.region,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    ...(target.credentials === undefined ? {} : { credentials: target.credentials }),
  });
  const UserPoolId = target.userPoolId;
  const admin: Admin = {
    client,
    async createUser(input) {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: input.username,
          UserAttributes: attributeList(input.attributes ?? {}),
          TemporaryPassword: input.temporaryPassword,
          MessageAction: input.messageAction ?? 'SUPPRESS',
          DesiredDeliveryMediums: input.desiredDeliveryMediums === undefined ? undefined : [...input.desiredDeliveryMediums],
          ClientMetadata: input.clientMetadata === undefined ? undefined : { ...input.clientMetadata },
        }),
      );
      if (input.password !== undefined) await admin.setPassword(input.username, input.password, true);
    },
    async setPassword(username, password, permanent = true) {
      await client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: password, Permanent: permanent }));
    },
    async setMfaPreference(username, preference) {
      await client.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId,
          Username: username,
          SMSMfaSettings: setting(preference.sms, preference.preferred === 'SMS_MFA'),
          SoftwareTokenMfaSettings: setting(preference.totp, preference.preferred === 'SOFTWARE_TOKEN_MFA'),
          EmailMfaSettings: setting(preference.email, preference.preferred === 'EMAIL_OTP'),
        }),
      );
    },
    async enableTotp(username, password, totp) {
      const auth = await client.send(
        new InitiateAuthCommand({
          ClientId: target.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      );
      const AccessToken = auth.AuthenticationResult?.AccessToken;
      if (AccessToken === undefined) throw new Error(`enableTotp: ${username} got ${auth.ChallengeName ?? 'no tokens'}, not tokens`);
      const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      if (SecretCode === undefined) throw new Error('enableTotp: AssociateSoftwareToken returned no SecretCode');
      await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp.code(SecretCode) }));
      await client.send(
        new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
      );
      return SecretCode;
    },
    async deleteUser(username) {
      await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: username }));
    },
  };
  return admin;
}
