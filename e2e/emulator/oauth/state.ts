// Short-lived managed-login state per emulator: pending authorizations, codes, login sessions, federation round trips.
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.ts';

/** A validated /oauth2/authorize request waiting for the user to sign in. */
export interface AuthorizationRequest {
  readonly id: string;
  readonly poolId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state?: string | undefined;
  readonly nonce?: string | undefined;
  readonly codeChallenge?: string | undefined;
  readonly expiresAt: number;
}

/** An authorization code: single use, bound to client, redirect URI and PKCE challenge. */
interface CodeRecord {
  readonly poolId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge?: string | undefined;
  readonly scope: string;
  readonly nonce?: string | undefined;
  readonly username: string;
  readonly originJti: string;
  readonly refreshToken: string;
  readonly authTime: number;
  readonly expiresAt: number;
}

/** The managed login session behind the `cognito` cookie on the login domain. */
interface LoginSession {
  readonly poolId: string;
  readonly username: string;
  expiresAt: number;
}

/** A sign-in sent to an external provider, waiting for /oauth2/idpresponse. */
interface FederationRequest {
  readonly requestId: string;
  readonly providerName: string;
  readonly nonce: string;
  readonly expiresAt: number;
}

export interface OAuthState {
  readonly requests: Map<string, AuthorizationRequest>;
  readonly codes: Map<string, CodeRecord>;
  readonly sessions: Map<string, LoginSession>;
  readonly federations: Map<string, FederationRequest>;
}

const states = new WeakMap<Context, OAuthState>();

/** This emulator's state; kept beside the Context so the Context itself needs no new member. */
export function oauthState(ctx: Context): OAuthState {
  let state = states.get(ctx);
  if (!state) {
    state = { requests: new Map(), codes: new Map(), sessions: new Map(), federations: new Map() };
    states.set(ctx, state);
  }
  return state;
}

export function opaqueId(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Adds an entry; past 10 000 entries the expired ones go first, so abandoned flows don't accumulate. */
export function remember<T extends { expiresAt: number }>(
  map: Map<string, T>,
  id: string,
  entry: T,
  now: number,
): void {
  if (map.size >= 10_000) for (const [key, old] of map) if (old.expiresAt <= now) map.delete(key);
  map.set(id, entry);
}

/** Entry that is still valid at `now`, else undefined (and dropped). */
export function live<T extends { expiresAt: number }>(
  map: Map<string, T>,
  id: string | undefined,
  now: number,
): T | undefined {
  if (id === undefined) return undefined;
  const entry = map.get(id);
  if (entry && entry.expiresAt > now) return entry;
  map.delete(id);
  return undefined;
}
