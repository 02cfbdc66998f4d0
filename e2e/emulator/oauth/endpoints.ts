// /oauth2/userInfo, /oauth2/revoke and /logout.
import type { IncomingMessage } from 'node:http';
import { authenticate, type Context } from '../context.ts';
import { CognitoError } from '../errors.ts';
import type { Pool } from '../store.ts';
import { errorReply } from './authorize.ts';
import { authenticateClient } from './clientAuth.ts';
import { clearedSessionCookie } from './grant.ts';
import { json, oauthError, redirect, type Reply } from './http.ts';
import { oauthState } from './state.ts';

const EMAIL = ['email', 'email_verified'];
const PHONE = ['phone_number', 'phone_number_verified'];

/** The user's attributes the token's scopes allow (aws.cognito.signin.user.admin: all of them), as strings. */
export async function userInfo(ctx: Context, pool: Pool, req: IncomingMessage): Promise<Reply> {
  const header = req.headers.authorization ?? '';
  const invalid = (description: string): Reply =>
    oauthError(401, 'invalid_token', description, {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
    });
  if (!header.startsWith('Bearer ')) return invalid('Access token is missing');
  let found;
  try {
    found = await authenticate(ctx, header.slice(7));
  } catch (error) {
    if (error instanceof CognitoError) return invalid(error.message);
    throw error;
  }
  if (found.pool !== pool) return invalid('Invalid Access Token');
  const scopes = typeof found.claims.scope === 'string' ? found.claims.scope.split(' ') : [];
  const all = scopes.includes('aws.cognito.signin.user.admin');
  if (!all && !scopes.includes('openid')) return invalid('Access token does not have the openid scope');
  const out: Record<string, string> = { sub: found.user.sub };
  for (const [name, value] of Object.entries(found.user.attributes)) {
    const allowed =
      all ||
      (EMAIL.includes(name)
        ? scopes.includes('email')
        : PHONE.includes(name)
          ? scopes.includes('phone')
          : scopes.includes('profile'));
    if (allowed) out[name] = value;
  }
  out.username = found.user.username;
  return json(200, out);
}

/** Revokes a refresh token and every access token minted from it; an unknown token is not an error (RFC 7009). */
export function revoke(pool: Pool, req: IncomingMessage, form: URLSearchParams): Reply {
  const authenticated = authenticateClient([pool], req, form);
  if ('kind' in authenticated) return authenticated;
  const token = form.get('token');
  if (token === null || token === '') return oauthError(400, 'invalid_request', 'token is required.');
  if (token.split('.').length === 3)
    return oauthError(400, 'unsupported_token_type', 'Only refresh tokens can be revoked.');
  const originJti = pool.refreshByToken.get(token);
  const record = originJti !== undefined ? pool.refresh.get(originJti) : undefined;
  if (record?.clientId === authenticated.client.ClientId) {
    record.revoked = true;
    pool.changed();
  }
  return json(200, {});
}

/**
 * Ends the managed login session, then goes to a registered sign-out URL (`logout_uri`), or back to sign-in
 * (`redirect_uri` + `response_type`, checked again by /login). An unregistered URL gets an error page.
 */
export function logout(
  ctx: Context,
  pool: Pool,
  domain: string,
  query: URLSearchParams,
  sessionId: string | undefined,
): Reply {
  const client = pool.clients.get(query.get('client_id') ?? '');
  if (!client) return errorReply('invalid_request', 'Invalid client_id: no such app client in this user pool.');
  const logoutUri = query.get('logout_uri');
  const redirectUri = query.get('redirect_uri');
  let target: string;
  if (logoutUri !== null) {
    if (!(client.LogoutURLs ?? []).includes(logoutUri))
      return errorReply('redirect_mismatch', 'logout_uri is not one of the app client\u2019s sign-out URLs.');
    target = logoutUri;
  } else if (redirectUri !== null && query.get('response_type') !== null) {
    target = `/${domain}/login?${query.toString()}`;
  } else {
    return errorReply('invalid_request', 'logout_uri (or redirect_uri with response_type) is required.');
  }
  if (sessionId !== undefined) oauthState(ctx).sessions.delete(sessionId);
  return redirect(target, [clearedSessionCookie(domain)]);
}
