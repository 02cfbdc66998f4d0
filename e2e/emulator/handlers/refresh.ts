// Refresh: REFRESH_TOKEN_AUTH through InitiateAuth, and GetTokensFromRefreshToken with refresh-token rotation.
import { mintTokens } from '../authResult.ts';
import type { ClientConfig } from '../config.ts';
import { checkSecretHash, type Context } from '../context.ts';
import { MESSAGES, notAuthorized } from '../errors.ts';
import type { Json } from '../input.ts';
import type { Pool } from '../store.ts';
import { param } from './signInSteps.ts';

export async function refreshTokenAuth(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
): Promise<Json> {
  const token = param(params, 'REFRESH_TOKEN');
  const originJti = pool.refreshByToken.get(token);
  const record = originJti !== undefined ? pool.refresh.get(originJti) : undefined;
  if (record?.clientId !== client.ClientId) throw notAuthorized(MESSAGES.invalidRefreshToken);
  if (record.revoked) throw notAuthorized(MESSAGES.revokedRefreshToken);
  if (record.expiresAt <= ctx.clock.now()) throw notAuthorized(MESSAGES.expiredRefreshToken);
  const user = pool.users.get(record.username);
  if (!user) throw notAuthorized(MESSAGES.invalidRefreshToken);
  checkSecretHash(client, [user.username, user.sub], params.SECRET_HASH);
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  const deviceKey = params.DEVICE_KEY ?? record.deviceKey;
  const tokens = await mintTokens(ctx, pool, client, user, {
    originJti: record.originJti,
    authTime: record.authTime,
    deviceKey,
    source: 'RefreshTokens',
  });
  return {
    ChallengeParameters: {},
    AuthenticationResult: {
      ...tokens,
      ExpiresIn: 60 * (client.AccessTokenValidity ?? 60),
      TokenType: 'Bearer',
    },
  };
}
