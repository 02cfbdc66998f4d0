// Refresh: REFRESH_TOKEN_AUTH through InitiateAuth, and GetTokensFromRefreshToken with refresh-token rotation.
import { randomBytes } from 'node:crypto';
import { mintTokens } from '../authResult.ts';
import type { ClientConfig } from '../config.ts';
import { checkSecretHash, getClient, secretMatches, type Context, type Handler } from '../context.ts';
import { CognitoError, invalidParameter, MESSAGES, notAuthorized, resourceNotFound } from '../errors.ts';
import { optStr, optStrMap, str, type Json } from '../input.ts';
import type { Pool, RefreshRecord, UserRecord } from '../store.ts';
import { lifetimeSeconds } from '../tokenValidity.ts';
import { rotates } from './clients.ts';
import { param } from './signInSteps.ts';

/** The sign-in a refresh token belongs to, if this client issued it and it still stands. */
function liveRecord(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  token: string,
): { record: RefreshRecord; user: UserRecord } {
  const originJti = pool.refreshByToken.get(token);
  const record = originJti !== undefined ? pool.refresh.get(originJti) : undefined;
  if (record?.clientId !== client.ClientId) throw notAuthorized(MESSAGES.invalidRefreshToken);
  if (record.revoked) throw notAuthorized(MESSAGES.revokedRefreshToken);
  if (record.expiresAt <= ctx.clock.now()) throw notAuthorized(MESSAGES.expiredRefreshToken);
  const user = pool.users.get(record.username);
  if (!user) throw notAuthorized(MESSAGES.invalidRefreshToken);
  return { record, user };
}

function authenticationResult(client: ClientConfig, tokens: Json, refreshToken?: string): Json {
  return {
    ...tokens,
    ...(refreshToken !== undefined ? { RefreshToken: refreshToken } : {}),
    ExpiresIn: lifetimeSeconds(client, 'AccessToken'),
    TokenType: 'Bearer',
  };
}

/** InitiateAuth REFRESH_TOKEN_AUTH: new ID and access tokens; refused on rotation clients, as the Developer Guide says. */
export async function refreshTokenAuth(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
): Promise<Json> {
  if (rotates(client))
    throw invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client: it uses refresh token rotation.');
  const { record, user } = liveRecord(ctx, pool, client, param(params, 'REFRESH_TOKEN'));
  if (record.token !== param(params, 'REFRESH_TOKEN')) throw notAuthorized(MESSAGES.invalidRefreshToken);
  checkSecretHash(client, [user.username, user.sub], params.SECRET_HASH);
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  const tokens = await mintTokens(ctx, pool, client, user, {
    originJti: record.originJti,
    authTime: record.authTime,
    deviceKey: params.DEVICE_KEY ?? record.deviceKey,
    source: 'RefreshTokens',
  });
  return { ChallengeParameters: {}, AuthenticationResult: authenticationResult(client, tokens) };
}

/**
 * GetTokensFromRefreshToken. With rotation the answer carries a new refresh token and the submitted one stays valid
 * only for RetryGracePeriodSeconds; a retry inside that window gets the same new refresh token back (one live token
 * per sign-in), and a rotated-out token after it gets RefreshTokenReuseException.
 */
export const getTokensFromRefreshToken: Handler = async (ctx, input) => {
  const token = str(input, 'RefreshToken');
  const { pool, client } = getClient(ctx, str(input, 'ClientId'));
  const secret = optStr(input, 'ClientSecret');
  if (client.ClientSecret !== undefined && !secretMatches(client.ClientSecret, secret))
    throw notAuthorized(`Unable to verify secret hash for client ${client.ClientId}`);
  const { record, user } = liveRecord(ctx, pool, client, token);
  const now = ctx.clock.now();
  const inGrace = record.previous?.token === token && now < record.previous.validUntil;
  if (record.token !== token && !inGrace)
    throw new CognitoError(
      'RefreshTokenReuseException',
      'Refresh token has been invalidated by refresh token rotation.',
    );
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  const deviceKey = optStr(input, 'DeviceKey');
  if (deviceKey !== undefined && pool.devices.get(deviceKey)?.username !== user.username)
    throw resourceNotFound('Device does not exist.');
  const tokens = await mintTokens(ctx, pool, client, user, {
    originJti: record.originJti,
    authTime: record.authTime,
    deviceKey: deviceKey ?? record.deviceKey,
    source: 'RefreshTokens',
    clientMetadata: optStrMap(input, 'ClientMetadata'),
  });
  if (!rotates(client)) return { AuthenticationResult: authenticationResult(client, tokens) };
  // The new token lives for what remained of the original one (Developer Guide, refresh token rotation).
  if (!inGrace) {
    const graceMs = 1000 * (client.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0);
    pool.rotate(record, randomBytes(192).toString('base64url'), now, graceMs);
  }
  return { AuthenticationResult: authenticationResult(client, tokens, record.token) };
};
