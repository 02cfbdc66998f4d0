// The end of every managed sign-in (password, returning session, federation): a single-use code for the app.
import { decodeJwt } from 'jose/jwt/decode';
import { finishSignIn } from '../authResult.ts';
import type { ClientConfig } from '../config.ts';
import type { Context } from '../context.ts';
import { isObject, type Json } from '../input.ts';
import type { Pool, UserRecord } from '../store.ts';
import { redirect, withQuery, type Reply } from './http.ts';
import { opaqueId, oauthState, remember, type AuthorizationRequest } from './state.ts';

/** Cognito: an authorization code is valid for five minutes. */
const CODE_LIFETIME_MS = 5 * 60_000;
/** Cognito: the managed login session cookie is valid for one hour, renewed when used. */
const SESSION_LIFETIME_MS = 60 * 60_000;
export const SESSION_COOKIE = 'cognito';

function sessionCookie(domain: string, id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/${domain}; HttpOnly; SameSite=Lax; Max-Age=${String(SESSION_LIFETIME_MS / 1000)}`;
}

export function clearedSessionCookie(domain: string): string {
  return `${SESSION_COOKIE}=; Path=/${domain}; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** The refresh record an engine sign-in created, found through its access token's `origin_jti`. */
function signInOf(result: Json): { originJti: string; refreshToken: string; authTime: number } {
  const auth = result.AuthenticationResult;
  if (!isObject(auth) || typeof auth.AccessToken !== 'string' || typeof auth.RefreshToken !== 'string')
    throw new TypeError('sign-in ended without tokens');
  const claims = decodeJwt(auth.AccessToken);
  if (typeof claims.origin_jti !== 'string' || typeof claims.auth_time !== 'number')
    throw new TypeError('access token without origin_jti');
  return { originJti: claims.origin_jti, refreshToken: auth.RefreshToken, authTime: claims.auth_time };
}

/** Signs a user in without a password (returning session, federation) through the same finish as the API. */
export function finishWithoutPassword(ctx: Context, pool: Pool, client: ClientConfig, user: UserRecord): Promise<Json> {
  return finishSignIn(ctx, pool, client, user, { source: 'Authentication' });
}

/**
 * Completes an authorization: a code for the app's redirect URI (with `state`), and a login session cookie
 * (new, or the one the user came back with, renewed).
 */
export function grant(
  ctx: Context,
  pool: Pool,
  domain: string,
  request: AuthorizationRequest,
  user: UserRecord,
  result: Json,
  sessionId?: string,
): Reply {
  const state = oauthState(ctx);
  const signIn = signInOf(result);
  const scope = request.scopes.join(' ');
  const record = pool.refresh.get(signIn.originJti);
  if (record) {
    record.scope = scope;
    pool.changed();
  }
  const code = opaqueId();
  const now = ctx.clock.now();
  remember(
    state.codes,
    code,
    {
      poolId: pool.id,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scope,
      nonce: request.nonce,
      username: user.username,
      ...signIn,
      expiresAt: now + CODE_LIFETIME_MS,
    },
    now,
  );
  state.requests.delete(request.id);
  const session = sessionId ?? opaqueId();
  remember(
    state.sessions,
    session,
    { poolId: pool.id, username: user.username, expiresAt: now + SESSION_LIFETIME_MS },
    now,
  );
  return redirect(withQuery(request.redirectUri, { code, state: request.state }), [sessionCookie(domain, session)]);
}
