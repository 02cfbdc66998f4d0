// Token stores: in-memory (default), or web storage (opt-in) under amazon-cognito-identity-js's and Amplify v6's keys.
import { jwtPayload } from '../../machines/claims.ts';
import type { StoredTokens, TokenStore } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';

const lastUserKey = (clientId: string) => `CognitoIdentityServiceProvider.${clientId}.LastAuthUser`;
const userKey = (clientId: string, username: string, name: string) =>
  `CognitoIdentityServiceProvider.${clientId}.${username}.${name}`;

/** A token store that can say at once, before any code that loads it runs, whether a session may be stored. */
export interface PeekableTokenStore extends TokenStore {
  /** False when no session is stored for `clientId` (the widget then paints its form instead of "Please wait…"). */
  mayHaveSession(clientId: string): boolean;
}

/**
 * `localStorage` (default) or `sessionStorage`, with the key layout CognitoUser and Amplify v6 share
 * (`CognitoIdentityServiceProvider.<clientId>.<username>.idToken`, `.accessToken`, `.refreshToken`, `.clockDrift`,
 * `LastAuthUser`), so users signed in by either stay signed in. Opt-in: any script on the page can read web storage.
 * The default `localStorage` is looked up on first use, so creating the store at import time is safe in server render.
 */
export function createWebStorageTokenStore(given?: Storage): PeekableTokenStore {
  const store = (): Storage => given ?? localStorage;
  return {
    mayHaveSession: (clientId) => store().getItem(lastUserKey(clientId)) !== null,
    load(clientId) {
      const storage = store();
      const username = storage.getItem(lastUserKey(clientId));
      if (username === null) return null;
      const idToken = storage.getItem(userKey(clientId, username, 'idToken'));
      const accessToken = storage.getItem(userKey(clientId, username, 'accessToken'));
      if (idToken === null || accessToken === null) return null;
      const refreshToken = storage.getItem(userKey(clientId, username, 'refreshToken'));
      const exp = jwtPayload(accessToken).exp;
      const drift = Number(storage.getItem(userKey(clientId, username, 'clockDrift')) ?? '0');
      const clockDrift = Number.isFinite(drift) ? drift : 0;
      return {
        username,
        idToken: secret(idToken),
        accessToken: secret(accessToken),
        refreshToken: refreshToken === null || refreshToken === '' ? null : secret(refreshToken),
        // The access token's own `exp` (server time) moved onto the local clock; 0 (already due) if unreadable.
        expiresAt: typeof exp === 'number' ? (exp + clockDrift) * 1000 : 0,
        clockDrift,
      };
    },
    save(clientId, tokens) {
      const storage = store();
      storage.setItem(userKey(clientId, tokens.username, 'idToken'), tokens.idToken.reveal());
      storage.setItem(userKey(clientId, tokens.username, 'accessToken'), tokens.accessToken.reveal());
      if (tokens.refreshToken !== null)
        storage.setItem(userKey(clientId, tokens.username, 'refreshToken'), tokens.refreshToken.reveal());
      storage.setItem(userKey(clientId, tokens.username, 'clockDrift'), String(tokens.clockDrift ?? 0));
      storage.setItem(lastUserKey(clientId), tokens.username);
    },
    clear(clientId) {
      const storage = store();
      const username = storage.getItem(lastUserKey(clientId));
      if (username === null) return;
      for (const name of ['idToken', 'accessToken', 'refreshToken', 'clockDrift'])
        storage.removeItem(userKey(clientId, username, name));
      storage.removeItem(lastUserKey(clientId));
    },
  };
}

/** Tokens kept only in this JavaScript realm: gone on reload. The default. */
export function createMemoryTokenStore(): PeekableTokenStore {
  const tokens = new Map<string, StoredTokens>();
  return {
    mayHaveSession: (clientId) => tokens.has(clientId),
    load: (clientId) => tokens.get(clientId) ?? null,
    save: (clientId, stored) => {
      tokens.set(clientId, stored);
    },
    clear: (clientId) => {
      tokens.delete(clientId);
    },
  };
}
