// /oauth2/token: authorization_code (with PKCE), refresh_token and client_credentials grants.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { mintTokens } from '../authResult.ts';
import type { ClientConfig } from '../config.ts';
import { issuer, nowSeconds, type Context } from '../context.ts';
import type { Pool } from '../store.ts';
import { lifetimeSeconds } from '../tokenValidity.ts';
import { sign } from '../tokens.ts';
import { authenticateClient } from './clientAuth.ts';
import { json, oauthError, type Reply } from './http.ts';
import { oauthState } from './state.ts';

const invalidGrant = (description: string): Reply => oauthError(400, 'invalid_grant', description);

function expiresIn(client: ClientConfig): number {
  return lifetimeSeconds(client, 'AccessToken');
}

function pkceMatches(challenge: string, verifier: string): boolean {
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}

async function authorizationCode(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  form: URLSearchParams,
): Promise<Reply> {
  const codes = oauthState(ctx).codes;
  const code = form.get('code') ?? '';
  const record = codes.get(code);
  // Single use: a code is gone after its first redemption attempt, whatever the outcome.
  codes.delete(code);
  if (record?.clientId !== client.ClientId || record.poolId !== pool.id)
    return invalidGrant('Invalid authorization code.');
  if (record.expiresAt <= ctx.clock.now()) return invalidGrant('The authorization code has expired.');
  if (form.get('redirect_uri') !== record.redirectUri)
    return invalidGrant('redirect_uri does not match the authorization request.');
  if (record.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier');
    if (verifier === null || !pkceMatches(record.codeChallenge, verifier))
      return invalidGrant('Invalid code_verifier.');
  }
  const user = pool.users.get(record.username);
  const refresh = pool.refresh.get(record.originJti);
  if (!user?.enabled || !refresh || refresh.revoked) return invalidGrant('The sign-in has been revoked.');
  const tokens = await mintTokens(ctx, pool, client, user, {
    originJti: record.originJti,
    authTime: record.authTime,
    deviceKey: refresh.deviceKey,
    source: 'HostedAuth',
    scope: record.scope,
    nonce: record.nonce,
  });
  return json(200, {
    // Cognito issues an ID token only when the openid scope was granted.
    ...(record.scope.split(' ').includes('openid') ? { id_token: tokens.IdToken } : {}),
    access_token: tokens.AccessToken,
    refresh_token: record.refreshToken,
    expires_in: expiresIn(client),
    token_type: 'Bearer',
  });
}

async function refreshToken(ctx: Context, pool: Pool, client: ClientConfig, form: URLSearchParams): Promise<Reply> {
  const token = form.get('refresh_token') ?? '';
  const originJti = pool.refreshByToken.get(token);
  const record = originJti !== undefined ? pool.refresh.get(originJti) : undefined;
  const now = ctx.clock.now();
  // A token rotated out (GetTokensFromRefreshToken or this endpoint on a rotation client) is refused here.
  if (record?.clientId !== client.ClientId || record.token !== token || record.revoked || record.expiresAt <= now)
    return invalidGrant('Invalid refresh token.');
  const user = pool.users.get(record.username);
  if (!user?.enabled) return invalidGrant('Invalid refresh token.');
  const scope = record.scope ?? 'aws.cognito.signin.user.admin';
  const tokens = await mintTokens(ctx, pool, client, user, {
    originJti: record.originJti,
    authTime: record.authTime,
    deviceKey: record.deviceKey,
    source: 'RefreshTokens',
    scope,
  });
  // With refresh token rotation the token endpoint hands out a new refresh token too.
  if (client.RefreshTokenRotation?.Feature === 'ENABLED')
    pool.rotate(
      record,
      randomBytes(192).toString('base64url'),
      now,
      1000 * (client.RefreshTokenRotation.RetryGracePeriodSeconds ?? 0),
    );
  return json(200, {
    ...(scope.split(' ').includes('openid') ? { id_token: tokens.IdToken } : {}),
    access_token: tokens.AccessToken,
    ...(record.token !== token ? { refresh_token: record.token } : {}),
    expires_in: expiresIn(client),
    token_type: 'Bearer',
  });
}

/** Machine-to-machine: an access token whose subject is the client, with resource-server scopes only. */
async function clientCredentials(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  form: URLSearchParams,
): Promise<Reply> {
  if (
    client.ClientSecret === undefined ||
    client.AllowedOAuthFlowsUserPoolClient !== true ||
    !(client.AllowedOAuthFlows ?? []).includes('client_credentials')
  )
    return oauthError(400, 'unauthorized_client', 'The app client is not allowed the client_credentials grant.');
  const allowed = client.AllowedOAuthScopes ?? [];
  const asked = form.get('scope');
  const scopes = asked === null ? allowed : asked.split(' ').filter((s) => s !== '');
  if (scopes.length === 0 || scopes.some((s) => !allowed.includes(s))) return oauthError(400, 'invalid_scope');
  const iat = nowSeconds(ctx);
  const keys = await pool.keys();
  const accessToken = await sign(keys.access, {
    sub: client.ClientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: iat,
    iss: issuer(ctx, pool),
    exp: iat + expiresIn(client),
    iat,
    version: 2,
    jti: randomUUID(),
    client_id: client.ClientId,
  });
  return json(200, { access_token: accessToken, expires_in: expiresIn(client), token_type: 'Bearer' });
}

export async function token(
  ctx: Context,
  domainPool: Pool,
  req: IncomingMessage,
  form: URLSearchParams,
): Promise<Reply> {
  const authenticated = authenticateClient([domainPool], req, form);
  if ('kind' in authenticated) return authenticated;
  const { pool, client } = authenticated;
  const grantType = form.get('grant_type');
  if (grantType === 'client_credentials') return clientCredentials(ctx, pool, client, form);
  if (client.AllowedOAuthFlowsUserPoolClient !== true && grantType === 'authorization_code')
    return oauthError(400, 'unauthorized_client');
  if (grantType === 'authorization_code') return authorizationCode(ctx, pool, client, form);
  if (grantType === 'refresh_token') return refreshToken(ctx, pool, client, form);
  if (grantType === null) return oauthError(400, 'invalid_request', 'grant_type is required.');
  return oauthError(400, 'unsupported_grant_type');
}
