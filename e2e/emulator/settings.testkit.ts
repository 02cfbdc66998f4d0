// Test helpers for settings: a pool and client made through the SDK, a signed-in user, and the emulator clock.
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export const PASSWORD = 'Settings-Passw0rd!';

/** A pool made with CreateUserPool; returns its id. */
export async function createPool(
  client: CognitoIdentityProviderClient,
  input: Partial<CreateUserPoolCommandInput> = {},
): Promise<string> {
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'settings', ...input }));
  const id = UserPool?.Id;
  if (id === undefined) throw new Error('CreateUserPool returned no Id');
  return id;
}

/** An app client made with CreateUserPoolClient (USER_PASSWORD_AUTH allowed unless the input says otherwise). */
export async function createClient(
  client: CognitoIdentityProviderClient,
  UserPoolId: string,
  input: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<{ ClientId: string; ClientSecret?: string }> {
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ...input,
    }),
  );
  const ClientId = UserPoolClient?.ClientId;
  if (ClientId === undefined) throw new Error('CreateUserPoolClient returned no ClientId');
  return UserPoolClient?.ClientSecret !== undefined
    ? { ClientId, ClientSecret: UserPoolClient.ClientSecret }
    : { ClientId };
}

/** A CONFIRMED user with PASSWORD, made by AdminCreateUser + AdminSetUserPassword. */
export async function createUser(
  client: CognitoIdentityProviderClient,
  UserPoolId: string,
  Username: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: PASSWORD, Permanent: true }));
}

/** USER_PASSWORD_AUTH; the tokens of a sign-in without challenges. */
export async function passwordSignIn(
  client: CognitoIdentityProviderClient,
  ClientId: string,
  USERNAME: string,
  extra: Record<string, string> = {},
): Promise<{ AccessToken: string; IdToken: string; RefreshToken: string; ExpiresIn: number }> {
  const { AuthenticationResult: r } = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId,
      AuthParameters: { USERNAME, PASSWORD, ...extra },
    }),
  );
  if (
    r?.AccessToken === undefined ||
    r.IdToken === undefined ||
    r.RefreshToken === undefined ||
    r.ExpiresIn === undefined
  )
    throw new Error('sign-in returned no tokens');
  return { AccessToken: r.AccessToken, IdToken: r.IdToken, RefreshToken: r.RefreshToken, ExpiresIn: r.ExpiresIn };
}

/** Moves the emulator clock forward through its HTTP test endpoint. */
export async function advanceClock(url: string, seconds: number): Promise<void> {
  const response = await fetch(`${url}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  if (!response.ok) throw new Error(`clock: HTTP ${String(response.status)}`);
}

export interface SentMessage {
  username: string;
  channel: 'SMS' | 'EMAIL';
  destination: string;
  message: string;
  code: string;
}

/** The messages the emulator sent, read through its HTTP test endpoint. */
export async function outboxMessages(url: string): Promise<SentMessage[]> {
  const response = await fetch(`${url}/_emulator/messages`);
  return (await response.json()) as SentMessage[];
}

/** The newest code sent to this email address or phone number. */
export async function lastCodeTo(url: string, destination: string): Promise<SentMessage> {
  const sent = (await outboxMessages(url)).filter((m) => m.destination === destination).at(-1);
  if (!sent) throw new Error(`no message was sent to ${destination}`);
  return sent;
}
