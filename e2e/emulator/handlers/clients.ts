// App clients: CreateUserPoolClient, UpdateUserPoolClient, DescribeUserPoolClient, ListUserPoolClients.
import { randomBytes, randomInt } from 'node:crypto';
import type { ClientConfig, TimeUnit } from '../config.ts';
import { getPool, type Handler } from '../context.ts';
import { invalidParameter, resourceNotFound } from '../errors.ts';
import { optBool, optIntInRange, optObject, optStr, optStrList, str, type Json } from '../input.ts';
import { page } from '../paging.ts';
import type { Pool } from '../store.ts';
import { checkLifetimes, shownValidity, TIME_UNITS } from '../tokenValidity.ts';
import { pickStored, refuseMembers } from '../unsupported.ts';
import { clientOAuthView, readClientOAuth } from '../oauth/clientSettings.ts';

/** Cognito's default when a client lists no flows; a rotation client cannot have REFRESH_TOKEN_AUTH. */
export function defaultFlows(client: Pick<ClientConfig, 'RefreshTokenRotation'>): string[] {
  return rotates(client)
    ? ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']
    : ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'];
}

export function rotates(client: Pick<ClientConfig, 'RefreshTokenRotation'>): boolean {
  return client.RefreshTokenRotation?.Feature === 'ENABLED';
}

const FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];

/** Members that change behaviour on AWS and that the emulator does not implement. */
const REFUSED = ['ReadAttributes', 'WriteAttributes'];

/** Members kept and echoed only: they govern analytics, which the emulator does not serve. */
const STORED_ONLY = ['AnalyticsConfiguration', 'EnablePropagateAdditionalUserContextData'];

function enumMember<T extends string>(input: Json, name: string, values: readonly T[]): T | undefined {
  const value = optStr(input, name);
  if (value === undefined) return undefined;
  const found = values.find((v) => v === value);
  if (found === undefined)
    throw invalidParameter(
      `1 validation error detected: Value '${value}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
    );
  return found;
}

/** Reads and checks every setting of a Create/UpdateUserPoolClient request; throws before anything is stored. */
function clientSettings(pool: Pool, input: Json, clientId: string, secret: string | undefined): ClientConfig {
  refuseMembers(input, REFUSED);
  const flows = optStrList(input, 'ExplicitAuthFlows');
  const unknownFlow = flows?.find((flow) => !FLOWS.includes(flow));
  if (unknownFlow !== undefined)
    throw invalidParameter(
      `The Cognito emulator does not support the auth flow ${unknownFlow}; use ${FLOWS.join(', ')}.`,
    );
  const pue = enumMember(input, 'PreventUserExistenceErrors', ['ENABLED', 'LEGACY'] as const);
  const session = optIntInRange(input, 'AuthSessionValidity', 3, 15);
  const unitsIn = optObject(input, 'TokenValidityUnits');
  const units: NonNullable<ClientConfig['TokenValidityUnits']> = {};
  for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const unit = unitsIn ? enumMember<TimeUnit>(unitsIn, kind, TIME_UNITS) : undefined;
    if (unit !== undefined) units[kind] = unit;
  }
  const rotationIn = optObject(input, 'RefreshTokenRotation');
  const feature = rotationIn ? enumMember(rotationIn, 'Feature', ['ENABLED', 'DISABLED'] as const) : undefined;
  if (rotationIn && feature === undefined)
    throw invalidParameter(
      "1 validation error detected: Value null at 'refreshTokenRotation.feature' failed to satisfy constraint: Member must not be null",
    );
  const grace = rotationIn ? optIntInRange(rotationIn, 'RetryGracePeriodSeconds', 0, 60) : undefined;
  const access = optIntInRange(input, 'AccessTokenValidity', 1, 86_400);
  const id = optIntInRange(input, 'IdTokenValidity', 1, 86_400);
  const refresh = optIntInRange(input, 'RefreshTokenValidity', 0, 315_360_000);
  const revocation = optBool(input, 'EnableTokenRevocation');
  const stored = pickStored(input, STORED_ONLY);
  const client: ClientConfig = {
    ClientId: clientId,
    ClientName: str(input, 'ClientName'),
    ...(secret !== undefined ? { ClientSecret: secret } : {}),
    ...(flows ? { ExplicitAuthFlows: flows } : {}),
    ...(pue !== undefined ? { PreventUserExistenceErrors: pue } : {}),
    ...(session !== undefined ? { AuthSessionValidity: session } : {}),
    ...(access !== undefined ? { AccessTokenValidity: access } : {}),
    ...(id !== undefined ? { IdTokenValidity: id } : {}),
    ...(refresh !== undefined ? { RefreshTokenValidity: refresh } : {}),
    ...(Object.keys(units).length > 0 ? { TokenValidityUnits: units } : {}),
    ...(revocation !== undefined ? { EnableTokenRevocation: revocation } : {}),
    ...(feature !== undefined
      ? {
          RefreshTokenRotation: {
            Feature: feature,
            ...(grace !== undefined ? { RetryGracePeriodSeconds: grace } : {}),
          },
        }
      : {}),
    ...(Object.keys(stored).length > 0 ? { StoredOnly: stored } : {}),
    ...readClientOAuth(pool, input, secret !== undefined),
  };
  checkLifetimes(client);
  // Rotation and REFRESH_TOKEN_AUTH do not mix: the Developer Guide has the flow disabled on rotation clients.
  if (rotates(client) && flows?.includes('ALLOW_REFRESH_TOKEN_AUTH') === true)
    throw invalidParameter('ALLOW_REFRESH_TOKEN_AUTH cannot be enabled when refresh token rotation is enabled.');
  return client;
}

function clientType(pool: Pool, client: ClientConfig): Json {
  return {
    ...client.StoredOnly,
    UserPoolId: pool.id,
    ClientId: client.ClientId,
    ClientName: client.ClientName ?? client.ClientId,
    ...(client.ClientSecret !== undefined ? { ClientSecret: client.ClientSecret } : {}),
    ExplicitAuthFlows: client.ExplicitAuthFlows ?? defaultFlows(client),
    PreventUserExistenceErrors: client.PreventUserExistenceErrors ?? 'LEGACY',
    AuthSessionValidity: client.AuthSessionValidity ?? 3,
    AccessTokenValidity: shownValidity(client, 'AccessToken'),
    IdTokenValidity: shownValidity(client, 'IdToken'),
    RefreshTokenValidity: shownValidity(client, 'RefreshToken'),
    TokenValidityUnits: {
      AccessToken: client.TokenValidityUnits?.AccessToken ?? 'hours',
      IdToken: client.TokenValidityUnits?.IdToken ?? 'hours',
      RefreshToken: client.TokenValidityUnits?.RefreshToken ?? 'days',
    },
    EnableTokenRevocation: client.EnableTokenRevocation ?? true,
    RefreshTokenRotation: client.RefreshTokenRotation ?? { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    ...clientOAuthView(client),
  };
}

function requireClient(pool: Pool, clientId: string): ClientConfig {
  const client = pool.clients.get(clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

export const createUserPoolClient: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const clientId = Array.from({ length: 26 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'.charAt(randomInt(36))).join(
    '',
  );
  const given = optStr(input, 'ClientSecret');
  const generate = optBool(input, 'GenerateSecret') === true;
  if (given !== undefined && generate)
    throw invalidParameter('You cannot specify both GenerateSecret as true and provide a ClientSecret value.');
  if (given !== undefined && !/^[\w+]{24,64}$/.test(given))
    throw invalidParameter('ClientSecret must be 24 to 64 letters, digits, _ or +.');
  const secret = given ?? (generate ? randomBytes(39).toString('base64url').slice(0, 51) : undefined);
  const client = clientSettings(pool, input, clientId, secret);
  pool.clients.set(client.ClientId, client);
  pool.changed();
  return Promise.resolve({ UserPoolClient: clientType(pool, client) });
};

/** As on AWS, a member left out goes back to its default: the request is the whole new configuration. */
export const updateUserPoolClient: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const existing = requireClient(pool, str(input, 'ClientId'));
  const client = clientSettings(
    pool,
    { ClientName: existing.ClientName ?? existing.ClientId, ...input },
    existing.ClientId,
    existing.ClientSecret,
  );
  pool.clients.set(client.ClientId, client);
  pool.changed();
  return Promise.resolve({ UserPoolClient: clientType(pool, client) });
};

export const describeUserPoolClient: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  return Promise.resolve({
    UserPoolClient: clientType(pool, requireClient(pool, str(input, 'ClientId'))),
  });
};

export const listUserPoolClients: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const { items, next } = page([...pool.clients.values()], input, 'MaxResults', 'NextToken', [1, 60]);
  return Promise.resolve({
    UserPoolClients: items.map((c) => ({
      UserPoolId: pool.id,
      ClientId: c.ClientId,
      ClientName: c.ClientName ?? c.ClientId,
    })),
    ...(next !== undefined ? { NextToken: next } : {}),
  });
};
