// The kit's admin calls (AdminCreateUser with ClientMetadata, passwords, MFA) over src/server/admin.ts, the same
// module back-ends use: the same against the emulator and a real user pool.
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoAdmin, type AdminMfaPreference } from '../../src/server/admin.ts';
import type { TotpCodes } from './totp.ts';

/** Which pool the admin calls go to; `endpoint` set means the emulator (any credentials are accepted there). */
export interface AdminTarget {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly endpoint?: string | undefined;
  /** Real pools: omit to use the SDK's default credential chain (env, profile, role). */
  readonly credentials?:
    { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string } | undefined;
}

/** A user for the kit to create: username, password, attributes and MFA. */
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

/** Per method: enabled or not; `preferred` names the one asked for first (src/server/admin.ts's AdminMfaPreference). */
export type MfaPreference = AdminMfaPreference;

/** The kit's admin client: create users and set MFA in the worker's emulator. */
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

export function createAdmin(target: AdminTarget): Admin {
  const client = new CognitoIdentityProviderClient({
    region: target.region,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    ...(target.credentials === undefined ? {} : { credentials: target.credentials }),
  });
  const server = createCognitoAdmin({ userPoolId: target.userPoolId, region: target.region, client });
  const admin: Admin = {
    client,
    async createUser(input) {
      await server.createUser({
        username: input.username,
        attributes: { ...input.attributes },
        ...(input.temporaryPassword === undefined ? {} : { temporaryPassword: input.temporaryPassword }),
        messageAction: input.messageAction ?? 'SUPPRESS',
        ...(input.desiredDeliveryMediums === undefined ? {} : { desiredDeliveryMediums: input.desiredDeliveryMediums }),
        ...(input.clientMetadata === undefined ? {} : { clientMetadata: { ...input.clientMetadata } }),
      });
      if (input.password !== undefined) await admin.setPassword(input.username, input.password, true);
    },
    setPassword: (username, password, permanent = true) => server.setPassword(username, password, permanent),
    setMfaPreference: (username, preference) => server.setMfaPreference(username, preference),
    async enableTotp(username, password, totp) {
      const auth = await client.send(
        new InitiateAuthCommand({
          ClientId: target.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      );
      const AccessToken = auth.AuthenticationResult?.AccessToken;
      if (AccessToken === undefined)
        throw new Error(`enableTotp: ${username} got ${auth.ChallengeName ?? 'no tokens'}, not tokens`);
      const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      if (SecretCode === undefined) throw new Error('enableTotp: AssociateSoftwareToken returned no SecretCode');
      await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp.code(SecretCode) }));
      await client.send(
        new SetUserMFAPreferenceCommand({
          AccessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
      return SecretCode;
    },
    deleteUser: (username) => server.deleteUser(username),
  };
  return admin;
}
