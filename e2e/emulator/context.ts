// What every handler works with: the store, sessions, clock, outbox, triggers, and shared lookups.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { decodeJwt } from 'jose/jwt/decode';
import type { Clock } from './clock.ts';
import type { ClientConfig } from './config.ts';
import { CognitoError, MESSAGES, notAuthorized, resourceNotFound, secretHashMismatch, userNotFound } from './errors.ts';
import type { Json } from './input.ts';
import { maskEmail, maskPhone, type Outbox } from './outbox.ts';
import type { SessionStore } from './sessions.ts';
import type { Pool, Store, UserRecord } from './store.ts';
import { verifyAccessToken } from './tokens.ts';
import type { Triggers } from './triggers.ts';

export interface Context {
  readonly store: Store;
  readonly sessions: SessionStore;
  readonly clock: Clock;
  readonly outbox: Outbox;
  readonly triggers: Triggers;
  /** The emulator's own base URL; issuers are `<baseUrl>/<poolId>`. */
  baseUrl(): string;
}

export type Handler = (ctx: Context, input: Json) => Promise<Json>;

export function issuer(ctx: Context, pool: Pool): string {
  return `${ctx.baseUrl()}/${pool.id}`;
}

export function nowSeconds(ctx: Context): number {
  return Math.floor(ctx.clock.now() / 1000);
}

export function getPool(ctx: Context, poolId: string): Pool {
  const pool = ctx.store.pools.get(poolId);
  if (!pool) throw resourceNotFound(`User pool ${poolId} does not exist.`);
  return pool;
}

export function getClient(ctx: Context, clientId: string): { pool: Pool; client: ClientConfig } {
  for (const pool of ctx.store.pools.values()) {
    const client = pool.clients.get(clientId);
    if (client) return { pool, client };
  }
  throw resourceNotFound(`User pool client ${clientId} does not exist.`);
}

export function computeSecretHash(secret: string, username: string, clientId: string): string {
  return createHmac('sha256', secret).update(`${username}${clientId}`).digest('base64');
}

/** A client secret sent in the clear (RevokeToken, GetTokensFromRefreshToken), compared in constant time. */
export function secretMatches(secret: string, provided: string | undefined): boolean {
  if (provided === undefined) return false;
  const expected = Buffer.from(secret);
  const given = Buffer.from(provided);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** SECRET_HASH is required exactly when the client has a secret; the username may be the alias the caller used. */
export function checkSecretHash(
  client: ClientConfig,
  usernames: readonly string[],
  provided: string | undefined,
): void {
  const secret = client.ClientSecret;
  if (secret === undefined) return;
  if (provided === undefined) throw secretHashMismatch(client.ClientId);
  const given = Buffer.from(provided);
  const ok = usernames.some((name) => {
    const expected = Buffer.from(computeSecretHash(secret, name, client.ClientId));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!ok) throw secretHashMismatch(client.ClientId);
}

export function preventsUserExistenceErrors(client: ClientConfig): boolean {
  return client.PreventUserExistenceErrors === 'ENABLED';
}

/** Unknown user: UserNotFoundException, or with PreventUserExistenceErrors the wrong-password answer. */
export function unknownUser(client: ClientConfig | undefined): CognitoError {
  if (client && preventsUserExistenceErrors(client)) return notAuthorized(MESSAGES.incorrectPassword);
  return userNotFound();
}

export function requireUser(pool: Pool, username: string): UserRecord {
  const user = pool.findUser(username);
  if (!user) throw userNotFound();
  return user;
}

export interface Authenticated {
  pool: Pool;
  user: UserRecord;
  claims: JWTPayload;
}

/** Self-service calls: the access token names the pool, proves the user, and must not be revoked. */
export async function authenticate(ctx: Context, accessToken: string): Promise<Authenticated> {
  let iss: unknown;
  try {
    iss = decodeJwt(accessToken).iss;
  } catch {
    throw notAuthorized(MESSAGES.invalidAccessToken);
  }
  const pool = typeof iss === 'string' ? ctx.store.pools.get(iss.slice(iss.lastIndexOf('/') + 1)) : undefined;
  if (!pool) throw notAuthorized(MESSAGES.invalidAccessToken);
  const claims = await verifyAccessToken(await pool.keys(), issuer(ctx, pool), accessToken, ctx.clock.now());
  const username = typeof claims.username === 'string' ? claims.username : '';
  const user = pool.users.get(username);
  if (!user || user.sub !== claims.sub) throw notAuthorized(MESSAGES.invalidAccessToken);
  const originJti = typeof claims.origin_jti === 'string' ? claims.origin_jti : '';
  if (pool.refresh.get(originJti)?.revoked !== false) throw notAuthorized(MESSAGES.revokedAccessToken);
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  return { pool, user, claims };
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'SMS' | 'EMAIL';
  AttributeName: string;
}

/** Puts a code in the outbox by SMS (phone_number) or email; returns Cognito's masked delivery details. */
export function deliverCode(
  ctx: Context,
  pool: Pool,
  user: UserRecord,
  channel: 'SMS' | 'EMAIL',
  code: string,
  message: string,
): CodeDeliveryDetails {
  const attribute = channel === 'SMS' ? 'phone_number' : 'email';
  const destination = user.attributes[attribute];
  if (destination === undefined || destination === '')
    throw new CognitoError('InvalidParameterException', `Cannot send a code: the user has no ${attribute}.`);
  ctx.outbox.send({
    poolId: pool.id,
    username: user.username,
    channel,
    destination,
    code,
    message,
    sentAt: new Date(ctx.clock.now()).toISOString(),
  });
  return {
    Destination: channel === 'SMS' ? maskPhone(destination) : maskEmail(destination),
    DeliveryMedium: channel,
    AttributeName: attribute,
  };
}
