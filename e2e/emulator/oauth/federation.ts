// Sign-in through an external OIDC provider: the redirect out, /oauth2/idpresponse, and the federated user.
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { createRemoteJWKSet } from 'jose/jwks/remote';
import { jwtVerify } from 'jose/jwt/verify';
import { triggerAttributes } from '../authResult.ts';
import type { Context } from '../context.ts';
import { CognitoError } from '../errors.ts';
import type { Pool, UserRecord } from '../store.ts';
import { errorReply } from './authorize.ts';
import { finishWithoutPassword, grant } from './grant.ts';
import { redirect, withQuery, type Reply } from './http.ts';
import { addIdentity } from './identities.ts';
import type { IdentityProviderConfig } from './model.ts';
import { findProvider } from './operations.ts';
import { live, oauthState, opaqueId, remember } from './state.ts';

/** How long the user may spend at the external provider. */
const FEDERATION_LIFETIME_MS = 15 * 60_000;

interface OidcEndpoints {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** `oidc_issuer`; a path (an emulator extension, for seeds) is resolved against the emulator's URL. */
function issuerOf(ctx: Context, provider: IdentityProviderConfig): string {
  const issuer = provider.ProviderDetails.oidc_issuer ?? '';
  return issuer.startsWith('/') ? `${ctx.baseUrl()}${issuer}` : issuer;
}

/** The provider's endpoints: from ProviderDetails when all are given, else from its discovery document. */
async function endpointsOf(ctx: Context, provider: IdentityProviderConfig): Promise<OidcEndpoints> {
  const d = provider.ProviderDetails;
  const issuer = issuerOf(ctx, provider);
  if (isString(d.authorize_url) && isString(d.token_url) && isString(d.jwks_uri))
    return {
      issuer,
      authorization_endpoint: d.authorize_url,
      token_endpoint: d.token_url,
      jwks_uri: d.jwks_uri,
      ...(isString(d.attributes_url) ? { userinfo_endpoint: d.attributes_url } : {}),
    };
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery failed: HTTP ${String(response.status)}`);
  const doc = (await response.json()) as Record<string, unknown>;
  if (!isString(doc.authorization_endpoint) || !isString(doc.token_endpoint) || !isString(doc.jwks_uri))
    throw new Error('discovery document lacks endpoints');
  return {
    issuer,
    authorization_endpoint: doc.authorization_endpoint,
    token_endpoint: doc.token_endpoint,
    jwks_uri: doc.jwks_uri,
    ...(isString(doc.userinfo_endpoint) ? { userinfo_endpoint: doc.userinfo_endpoint } : {}),
  };
}

function idpResponseUri(ctx: Context, domain: string): string {
  return `${ctx.baseUrl()}/${domain}/oauth2/idpresponse`;
}

export async function startFederation(
  ctx: Context,
  pool: Pool,
  domain: string,
  request: { id: string; redirectUri: string; state?: string | undefined },
  providerName: string,
): Promise<Reply> {
  const provider = findProvider(pool, providerName);
  if (!provider) return errorReply('invalid_request', `Unknown identity provider ${providerName}.`);
  let endpoints: OidcEndpoints;
  try {
    endpoints = await endpointsOf(ctx, provider);
  } catch (error) {
    return errorReply('server_error', `The identity provider ${providerName} could not be reached: ${String(error)}`);
  }
  const stateId = opaqueId();
  const nonce = opaqueId();
  remember(
    oauthState(ctx).federations,
    stateId,
    {
      requestId: request.id,
      providerName,
      nonce,
      expiresAt: ctx.clock.now() + FEDERATION_LIFETIME_MS,
    },
    ctx.clock.now(),
  );
  return redirect(
    withQuery(endpoints.authorization_endpoint, {
      client_id: provider.ProviderDetails.client_id,
      redirect_uri: idpResponseUri(ctx, domain),
      response_type: 'code',
      scope: provider.ProviderDetails.authorize_scopes,
      state: stateId,
      nonce,
    }),
  );
}

/** The provider's claims: the verified ID token, plus its userinfo endpoint's answer when it has one. */
async function providerClaims(
  ctx: Context,
  domain: string,
  provider: IdentityProviderConfig,
  code: string,
  nonce: string,
): Promise<JWTPayload> {
  const endpoints = await endpointsOf(ctx, provider);
  const d = provider.ProviderDetails;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: idpResponseUri(ctx, domain),
    client_id: d.client_id ?? '',
    ...(d.client_secret !== undefined ? { client_secret: d.client_secret } : {}),
  });
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  const tokens = (await response.json()) as Record<string, unknown>;
  if (!response.ok || !isString(tokens.id_token))
    throw new Error(`token exchange failed: HTTP ${String(response.status)}`);
  const { payload } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(endpoints.jwks_uri)), {
    issuer: endpoints.issuer,
    audience: d.client_id ?? '',
    currentDate: new Date(ctx.clock.now()),
  });
  if (payload.nonce !== nonce) throw new Error('nonce mismatch');
  if (endpoints.userinfo_endpoint === undefined || !isString(tokens.access_token)) return payload;
  const info = await fetch(endpoints.userinfo_endpoint, {
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });
  if (!info.ok) return payload;
  const extra = (await info.json()) as JWTPayload;
  return { ...extra, ...payload, ...(extra.sub === payload.sub ? extra : {}) };
}

function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** AttributeMapping applied to the provider's claims, at every federated sign-in. */
function applyMapping(user: UserRecord, provider: IdentityProviderConfig, claims: JWTPayload, now: number): void {
  for (const [attribute, claim] of Object.entries(provider.AttributeMapping ?? {})) {
    if (attribute === 'username') continue;
    const value = claimText(claims[claim]);
    if (value !== undefined) user.attributes[attribute] = value;
  }
  user.updatedAt = now;
}

/**
 * The user this external identity signs in as: a linked user, or `<ProviderName>_<subject>`, made on first use
 * after the pre sign-up trigger (PreSignUp_ExternalProvider) agrees, then confirmed (PostConfirmation).
 */
async function federatedUser(
  ctx: Context,
  pool: Pool,
  clientId: string,
  provider: IdentityProviderConfig,
  claims: JWTPayload,
): Promise<UserRecord | undefined> {
  const subject = claimText(claims[provider.AttributeMapping?.username ?? 'sub']);
  if (subject === undefined) return undefined;
  const now = ctx.clock.now();
  const link = pool.oauth.links.find((l) => l.providerName === provider.ProviderName && l.subject === subject);
  if (link) {
    const linked = pool.users.get(link.username);
    if (linked) applyMapping(linked, provider, claims, now);
    return linked;
  }
  const username = `${provider.ProviderName}_${subject}`;
  let user = pool.users.get(username);
  if (!user) {
    const sub = randomUUID();
    user = {
      username,
      sub,
      status: 'EXTERNAL_PROVIDER',
      enabled: true,
      attributes: { sub },
      mfa: { sms: false, email: false },
      mfaSetupRequired: false,
      createdAt: now,
      updatedAt: now,
      failedPasswordAttempts: 0,
      codes: {},
    };
    addIdentity(user, provider, subject, true, now);
    applyMapping(user, provider, claims, now);
    const trigger = { pool, clientId, userName: username };
    await ctx.triggers.run({
      ...trigger,
      name: 'PreSignUp',
      triggerSource: 'PreSignUp_ExternalProvider',
      request: { userAttributes: triggerAttributes(user), validationData: {} },
    });
    pool.users.set(username, user);
    pool.changed();
    await ctx.triggers.run({
      ...trigger,
      name: 'PostConfirmation',
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      request: { userAttributes: triggerAttributes(user) },
    });
  }

  applyMapping(user, provider, claims, now);
  pool.changed();
  return user;
}

/** GET /oauth2/idpresponse: the provider's answer; errors go back to the app's redirect URI. */
export async function idpResponse(
  ctx: Context,
  pool: Pool,
  domain: string,
  query: URLSearchParams,
  sessionId: string | undefined,
): Promise<Reply> {
  const state = oauthState(ctx);
  const stateId = query.get('state') ?? undefined;
  const federation = live(state.federations, stateId, ctx.clock.now());
  if (stateId !== undefined) state.federations.delete(stateId);
  const request = federation ? live(state.requests, federation.requestId, ctx.clock.now()) : undefined;
  const provider = federation ? findProvider(pool, federation.providerName) : undefined;
  const client = request ? pool.clients.get(request.clientId) : undefined;
  if (!federation || !request || !provider || !client)
    return errorReply('invalid_request', 'This sign-in has expired or was not started here. Start again from the app.');
  const back = (error: string, description: string): Reply =>
    redirect(withQuery(request.redirectUri, { error, error_description: description, state: request.state }));
  const providerError = query.get('error');
  if (providerError !== null) return back('invalid_request', `${provider.ProviderName}: ${providerError}`);
  let claims: JWTPayload;
  try {
    claims = await providerClaims(ctx, domain, provider, query.get('code') ?? '', federation.nonce);
  } catch (error) {
    return back(
      'invalid_request',
      `${provider.ProviderName} sign-in failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let user: UserRecord | undefined;
  try {
    user = await federatedUser(ctx, pool, client.ClientId, provider, claims);
  } catch (error) {
    if (error instanceof CognitoError) return back('invalid_request', error.message);
    throw error;
  }
  if (!user) return back('invalid_request', `${provider.ProviderName} sent no subject.`);
  if (!user.enabled) return back('invalid_request', 'User is disabled.');
  const result = await finishWithoutPassword(ctx, pool, client, user);
  return grant(ctx, pool, domain, request, user, result, sessionId);
}
