// A mock external OIDC provider at /_emulator/idp: discovery, a pick-a-user page, token, userinfo, JWKS.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK } from 'jose/key/export';
import { generateKeyPair } from 'jose/key/generate/keypair';
import { SignJWT } from 'jose/jwt/sign';
import type { Context } from '../context.ts';
import { isObject } from '../input.ts';
import { json, oauthError, readForm, readText, redirect, withQuery, type Reply } from './http.ts';
import { escapeHtml, page } from './pages.ts';
import { live, opaqueId } from './state.ts';

const MOCK_IDP_PATH = '/_emulator/idp';

/** A user of the mock provider: `sub` plus any claims its ID token should carry. */
type MockUser = { sub: string } & Record<string, unknown>;

interface MockState {
  readonly users: Map<string, MockUser>;
  /** Set by a test: the next authorization signs this user in without showing the page. */
  next: string | undefined;
  readonly codes: Map<
    string,
    { sub: string; clientId: string; redirectUri: string; nonce?: string; expiresAt: number }
  >;
  readonly accessTokens: Map<string, { sub: string; expiresAt: number }>;
  keys?: Promise<{ privateKey: CryptoKey; jwk: JWK }>;
}

const states = new WeakMap<Context, MockState>();

function mock(ctx: Context): MockState {
  let state = states.get(ctx);
  if (!state) {
    state = { users: new Map(), next: undefined, codes: new Map(), accessTokens: new Map() };
    states.set(ctx, state);
  }
  return state;
}

function keys(state: MockState): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  state.keys ??= (async () => {
    const pair = await generateKeyPair('RS256');
    return {
      privateKey: pair.privateKey,
      jwk: { ...(await exportJWK(pair.publicKey)), kid: 'mock-idp', alg: 'RS256', use: 'sig' },
    };
  })();
  return state.keys;
}

function mockIssuer(ctx: Context): string {
  return `${ctx.baseUrl()}${MOCK_IDP_PATH}`;
}

function discovery(ctx: Context): Reply {
  const iss = mockIssuer(ctx);
  return json(200, {
    issuer: iss,
    authorization_endpoint: `${iss}/authorize`,
    token_endpoint: `${iss}/token`,
    userinfo_endpoint: `${iss}/userinfo`,
    jwks_uri: `${iss}/jwks.json`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
  });
}

const AUTH_PARAMS = ['client_id', 'redirect_uri', 'state', 'nonce', 'scope'] as const;

function pickPage(state: MockState, params: URLSearchParams): Reply {
  const hidden = AUTH_PARAMS.map(
    (n) => `<input type="hidden" name="${n}" value="${escapeHtml(params.get(n) ?? '')}">`,
  ).join('');
  const users = [...state.users.values()]
    .map((u) => {
      const label = typeof u.name === 'string' ? u.name : typeof u.email === 'string' ? u.email : u.sub;
      return `<li><form method="post" action="${MOCK_IDP_PATH}/authorize">${hidden}<input type="hidden" name="sub" value="${escapeHtml(u.sub)}"><button type="submit">Continue as ${escapeHtml(label)}</button></form></li>`;
    })
    .join('');
  return {
    kind: 'html',
    status: 200,
    html: page(
      'Mock IdP',
      `<h1>Mock IdP</h1><p>Test identity provider of the Cognito emulator. Pick who signs in.</p>
${users === '' ? '<p>No users defined yet.</p>' : `<ul aria-label="Users">${users}</ul>`}
<h2>Sign in as a new user</h2><form method="post" action="${MOCK_IDP_PATH}/authorize">${hidden}
<label for="sub">Subject (sub)</label><input id="sub" name="sub" required>
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="off">
<label for="name">Name</label><input id="name" name="name" autocomplete="off">
<button type="submit">Sign in</button></form>`,
    ),
  };
}

function issueCode(ctx: Context, state: MockState, sub: string, params: URLSearchParams): Reply {
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === null || redirectUri === '')
    return oauthError(400, 'invalid_request', 'redirect_uri is required.');
  const code = opaqueId();
  const nonce = params.get('nonce');
  state.codes.set(code, {
    sub,
    clientId: params.get('client_id') ?? '',
    redirectUri,
    ...(nonce !== null && nonce !== '' ? { nonce } : {}),
    expiresAt: ctx.clock.now() + 5 * 60_000,
  });
  return redirect(withQuery(redirectUri, { code, state: params.get('state') ?? undefined }));
}

async function tokenReply(ctx: Context, state: MockState, form: URLSearchParams): Promise<Reply> {
  const code = form.get('code') ?? '';
  const record = live(state.codes, code, ctx.clock.now());
  state.codes.delete(code);
  if (form.get('grant_type') !== 'authorization_code' || !record) return oauthError(400, 'invalid_grant');
  if (record.redirectUri !== form.get('redirect_uri')) return oauthError(400, 'invalid_grant');
  const user = state.users.get(record.sub);
  if (!user) return oauthError(400, 'invalid_grant');
  const { privateKey } = await keys(state);
  const now = Math.floor(ctx.clock.now() / 1000);
  const idToken = await new SignJWT({ ...user, ...(record.nonce !== undefined ? { nonce: record.nonce } : {}) })
    .setProtectedHeader({ alg: 'RS256', kid: 'mock-idp' })
    .setIssuer(mockIssuer(ctx))
    .setAudience(record.clientId)
    .setSubject(user.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .setJti(randomUUID())
    .sign(privateKey);
  const accessToken = opaqueId();
  state.accessTokens.set(accessToken, { sub: user.sub, expiresAt: ctx.clock.now() + 3_600_000 });
  return json(200, { id_token: idToken, access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readText(req));
  } catch {
    return undefined;
  }
}

/** Routes /_emulator/idp/*; answers undefined for paths that are not the mock provider's. */
export async function mockIdp(
  ctx: Context,
  req: IncomingMessage,
  path: string,
  query: URLSearchParams,
): Promise<Reply | undefined> {
  if (!path.startsWith(`${MOCK_IDP_PATH}/`)) return undefined;
  const route = `${req.method ?? 'GET'} ${path.slice(MOCK_IDP_PATH.length)}`;
  const state = mock(ctx);
  switch (route) {
    case 'GET /.well-known/openid-configuration':
      return discovery(ctx);
    case 'GET /jwks.json':
      return json(200, { keys: [(await keys(state)).jwk] });
    case 'GET /authorize': {
      const next = state.next;
      if (next !== undefined && state.users.has(next)) {
        state.next = undefined;
        return issueCode(ctx, state, next, query);
      }
      return pickPage(state, query);
    }
    case 'POST /authorize': {
      const form = await readForm(req);
      const sub = form.get('sub') ?? '';
      if (sub === '') return pickPage(state, form);
      if (!state.users.has(sub)) {
        const email = form.get('email') ?? '';
        const name = form.get('name') ?? '';
        state.users.set(sub, {
          sub,
          ...(email !== '' ? { email, email_verified: true } : {}),
          ...(name !== '' ? { name } : {}),
        });
      }
      return issueCode(ctx, state, sub, form);
    }
    case 'POST /token':
      return tokenReply(ctx, state, await readForm(req));
    case 'GET /userinfo': {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const entry = live(state.accessTokens, token, ctx.clock.now());
      const user = entry ? state.users.get(entry.sub) : undefined;
      return user ? json(200, user) : oauthError(401, 'invalid_token');
    }
    case 'GET /users':
      return json(200, [...state.users.values()]);
    case 'PUT /users': {
      const user = await readJson(req);
      if (!isObject(user) || typeof user.sub !== 'string' || user.sub === '')
        return json(400, { message: 'expected {"sub": "<subject>", ...claims}' });
      state.users.set(user.sub, { ...user, sub: user.sub });
      return json(200, state.users.get(user.sub));
    }
    case 'DELETE /users':
      state.users.clear();
      state.next = undefined;
      return json(200, {});
    case 'POST /next': {
      const body = await readJson(req);
      const sub = isObject(body) && typeof body.sub === 'string' ? body.sub : undefined;
      if (sub === undefined || !state.users.has(sub))
        return json(400, { message: 'expected {"sub": "<a defined user>"}' });
      state.next = sub;
      return json(200, { next: sub });
    }
    default:
      return json(404, { message: 'Not found' });
  }
}
