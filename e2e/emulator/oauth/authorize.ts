// /oauth2/authorize: checks the request, then a returning session, an identity provider, or the login page.
import type { ClientConfig } from '../config.ts';
import type { Context } from '../context.ts';
import type { Pool } from '../store.ts';
import { poolScopes } from './clientSettings.ts';
import { startFederation } from './federation.ts';
import { finishWithoutPassword, grant } from './grant.ts';
import { redirect, withQuery, type Reply } from './http.ts';
import { errorPage } from './pages.ts';
import { live, oauthState, remember, opaqueId, type AuthorizationRequest } from './state.ts';

/** How long a user may take on the login page before the authorization must start over. */
const REQUEST_LIFETIME_MS = 60 * 60_000;

export function errorReply(error: string, description: string): Reply {
  return { kind: 'html', status: 400, html: errorPage(error, description) };
}

/** Errors after the redirect URI is known good go back to the app, with `state` (RFC 6749 §4.1.2.1). */
function redirectError(redirectUri: string, error: string, description: string, state: string | undefined): Reply {
  return redirect(withQuery(redirectUri, { error, error_description: description, state }));
}

export interface Checked {
  pool: Pool;
  client: ClientConfig;
  request: AuthorizationRequest;
}

/** Validates an authorize (or /login) query; a Reply means it was refused. */
export function checkAuthorize(ctx: Context, pool: Pool, query: URLSearchParams): Checked | Reply {
  const clientId = query.get('client_id') ?? '';
  const client = pool.clients.get(clientId);
  if (!client) return errorReply('invalid_request', 'Invalid client_id: no such app client in this user pool.');
  const redirectUri = query.get('redirect_uri') ?? client.DefaultRedirectURI;
  // Never redirect to a URL the client did not register: answer here instead.
  if (redirectUri === undefined || !(client.CallbackURLs ?? []).includes(redirectUri))
    return errorReply('redirect_mismatch', 'redirect_uri is not one of the app client\u2019s callback URLs.');
  const state = query.get('state') ?? undefined;
  const fail = (error: string, description: string): Reply => redirectError(redirectUri, error, description, state);
  if (client.AllowedOAuthFlowsUserPoolClient !== true || !(client.AllowedOAuthFlows ?? []).includes('code'))
    return fail('unauthorized_client', 'The app client is not allowed the authorization code grant.');
  const responseType = query.get('response_type');
  if (responseType === null) return fail('invalid_request', 'response_type is required.');
  if (responseType !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? undefined;
  if (challenge !== undefined && method !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256.');
  if (challenge === undefined && method !== undefined) return fail('invalid_request', 'code_challenge is required.');
  if (challenge !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge))
    return fail('invalid_request', 'Invalid code_challenge.');
  const allowed = client.AllowedOAuthScopes ?? [];
  const asked = query.get('scope');
  const scopes = asked === null ? allowed : asked.split(' ').filter((s) => s !== '');
  const known = poolScopes(pool);
  if (scopes.some((s) => !allowed.includes(s) || !known.has(s)))
    return fail('invalid_scope', 'A requested scope is not allowed for this app client.');
  const request: AuthorizationRequest = {
    id: opaqueId(),
    poolId: pool.id,
    clientId,
    redirectUri,
    scopes,
    state,
    nonce: query.get('nonce') ?? undefined,
    codeChallenge: challenge,
    expiresAt: ctx.clock.now() + REQUEST_LIFETIME_MS,
  };
  return { pool, client, request };
}

/** The identity provider asked for by name or by one of its IdpIdentifiers, if the client supports it. */
function requestedProvider(pool: Pool, client: ClientConfig, query: URLSearchParams): string | undefined {
  const byName = query.get('identity_provider');
  const byIdentifier = query.get('idp_identifier');
  if (byName === null && byIdentifier === null) return undefined;
  const provider =
    byName ?? pool.oauth.identityProviders.find((p) => p.IdpIdentifiers?.includes(byIdentifier ?? ''))?.ProviderName;
  if (provider === undefined || !(client.SupportedIdentityProviders ?? []).includes(provider)) return 'unsupported';
  return provider;
}

export async function authorize(
  ctx: Context,
  pool: Pool,
  domain: string,
  query: URLSearchParams,
  sessionId: string | undefined,
): Promise<Reply> {
  const checked = checkAuthorize(ctx, pool, query);
  if ('kind' in checked) return checked;
  const { client, request } = checked;
  const state = oauthState(ctx);
  const prompt = query.get('prompt') ?? undefined;
  const provider = requestedProvider(pool, client, query);
  if (provider === 'unsupported')
    return redirectError(
      request.redirectUri,
      'invalid_request',
      'The identity provider is not enabled for this app client.',
      request.state,
    );
  const session = live(state.sessions, sessionId, ctx.clock.now());
  const user = session?.poolId === pool.id ? pool.users.get(session.username) : undefined;
  if (user?.enabled === true && prompt !== 'login' && provider === undefined) {
    // A live managed login session lets a returning user through without a password.
    const result = await finishWithoutPassword(ctx, pool, client, user);
    return grant(ctx, pool, domain, request, user, result, sessionId);
  }
  if (prompt === 'none')
    return redirectError(request.redirectUri, 'login_required', 'No managed login session.', request.state);
  if (provider !== undefined && provider !== 'COGNITO') {
    remember(state.requests, request.id, request, ctx.clock.now());
    return startFederation(ctx, pool, domain, request, provider);
  }
  // As Cognito: on to the login page with the same parameters.
  return redirect(`/${domain}/login?${query.toString()}`);
}
