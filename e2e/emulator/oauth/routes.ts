// Routing for managed login: `/<domain>/oauth2/*`, `/<domain>/login`, `/<domain>/logout`, and the mock IdP.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.ts';
import type { Pool } from '../store.ts';
import { authorize, errorReply } from './authorize.ts';
import { logout, revoke, userInfo } from './endpoints.ts';
import { idpResponse } from './federation.ts';
import { SESSION_COOKIE } from './grant.ts';
import { cookie, readForm, send, type Reply } from './http.ts';
import { loginPage, loginSubmit } from './login.ts';
import { mockIdp } from './mockIdp.ts';
import { poolByDomain } from './operations.ts';
import { token } from './token.ts';

/**
 * Cognito serves these on the domain's own host (`<prefix>.auth.<region>.amazoncognito.com`). The emulator has
 * one origin, so a domain is a path prefix: `<emulator url>/<prefix>/oauth2/authorize`. Prefixes cannot contain
 * `_`, so they never collide with issuers (`/<region>_<id>`) or `/_emulator/`.
 */
const DOMAIN_ROUTE =
  /^\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\/oauth2\/(?:authorize|token|userInfo|revoke|idpresponse)|\/login|\/logout)$/;

async function route(
  ctx: Context,
  req: IncomingMessage,
  pool: Pool,
  domain: string,
  endpoint: string,
  query: URLSearchParams,
): Promise<Reply> {
  const session = cookie(req, SESSION_COOKIE);
  const method = req.method ?? 'GET';
  switch (`${method} ${endpoint}`) {
    case 'GET /oauth2/authorize':
      return authorize(ctx, pool, domain, query, session);
    case 'GET /login':
      return loginPage(ctx, pool, domain, query);
    case 'POST /login':
      return loginSubmit(ctx, pool, domain, await readForm(req));
    case 'POST /oauth2/token':
      return token(ctx, pool, req, await readForm(req));
    case 'GET /oauth2/userInfo':
    case 'POST /oauth2/userInfo':
      return userInfo(ctx, pool, req);
    case 'POST /oauth2/revoke':
      return revoke(pool, req, await readForm(req));
    case 'GET /oauth2/idpresponse':
      return idpResponse(ctx, pool, domain, query, session);
    case 'GET /logout':
      return logout(ctx, pool, domain, query, session);
    default:
      return errorReply('invalid_request', `${method} is not allowed on ${endpoint}.`);
  }
}

/** Answers managed-login and mock-IdP requests; false for any other path. */
export async function handleOAuth(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  testEndpoints: boolean,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  if (testEndpoints) {
    const reply = await mockIdp(ctx, req, url.pathname, url.searchParams);
    if (reply) {
      send(res, reply);
      return true;
    }
  }
  const match = DOMAIN_ROUTE.exec(url.pathname);
  const domain = match?.[1];
  const pool = domain !== undefined ? poolByDomain(ctx, domain) : undefined;
  if (!match || domain === undefined || !pool) return false;
  send(res, await route(ctx, req, pool, domain, match[2] ?? '', url.searchParams));
  return true;
}

/** The OAuth endpoints for the issuer's discovery document, when the pool has a domain. */
export function oauthDiscovery(ctx: Context, pool: Pool): Record<string, string> {
  const domain = pool.oauth.domain;
  if (domain === undefined) return {};
  const base = `${ctx.baseUrl()}/${domain}`;
  return {
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    userinfo_endpoint: `${base}/oauth2/userInfo`,
    revocation_endpoint: `${base}/oauth2/revoke`,
    end_session_endpoint: `${base}/logout`,
  };
}
