// Headless signed-in state from the session machine: who is signed in, fresh tokens on demand, and sign-out.
import { useMemo } from 'react';
import { waitFor, type ActorRefFrom } from 'xstate';
import {
  sessionStatus,
  type SessionStatus,
  type SignInError,
  type SignOutScope,
  type TokenClaims,
  type TokenSet,
  type sessionMachine,
} from '../../machines/index.ts';
import { decodeJwtPayload } from './decodeJwtPayload.ts';
import { SessionContext } from './SignInProvider.tsx';

/** Thrown by the token getters when nobody is signed in (or the refresh token was refused). */
export class NotSignedInError extends Error {
  readonly code = 'NotSignedIn';

  constructor() {
    super('Not signed in');
    this.name = 'NotSignedInError';
  }
}

/** What `useAuth()` returns: the status, the claims, fresh tokens on demand, and sign-out. */
export interface Auth {
  /**
   * `loading` while a stored session is checked or sign-out is in flight; `offline` while signed in but Cognito
   * cannot be reached to refresh (the tokens still work until they expire, then the status turns `signedOut`).
   */
  readonly status: SessionStatus;
  /** Why the session last failed: a refused refresh, or tokens that expired while offline (`NetworkError`). */
  readonly error: SignInError | undefined;
  /** Non-secret facts from the ID token (sub, username, email, groups…). */
  readonly claims: TokenClaims | undefined;
  /** Every claim of the ID token, decoded for display (not verified: only a backend may trust them). */
  readonly idTokenClaims: Readonly<Record<string, unknown>> | undefined;
  /** `revoke` (default) revokes the refresh token, `global` signs out every device, `local` forgets tokens only. */
  readonly signOut: (scope?: SignOutScope) => void;
  /** The access token, refreshed first when it is about to expire. */
  readonly getAccessToken: () => Promise<string>;
  /** The ID token, refreshed first when the access token is about to expire. */
  readonly getIdToken: () => Promise<string>;
}

type SessionActorRef = ActorRefFrom<typeof sessionMachine>;

/** Current tokens, refreshed first (under the tab lock) when they are within the refresh margin. */
export async function freshTokens(actorRef: SessionActorRef, now: () => number = Date.now): Promise<TokenSet> {
  let snapshot = actorRef.getSnapshot();
  const tokens = snapshot.context.tokens;
  if (!snapshot.matches('signedIn') || tokens === null) throw new NotSignedInError();
  const stale = tokens.expiresAt - snapshot.context.refreshMarginSeconds * 1000 <= now();
  if (stale && (snapshot.matches({ signedIn: 'active' }) || snapshot.matches({ signedIn: 'offline' })))
    actorRef.send({ type: 'tokens.refresh' });
  snapshot = await waitFor(
    actorRef,
    (next) => !next.matches({ signedIn: 'refreshing' }) && !next.matches({ signedIn: 'syncing' }),
  );
  if (!snapshot.matches('signedIn') || snapshot.context.tokens === null) throw new NotSignedInError();
  return snapshot.context.tokens;
}

/** The signed-in state, read from the session machine. */
export function useAuth(): Auth {
  const actorRef = SessionContext.useActorRef();
  const status = SessionContext.useSelector(sessionStatus);
  const error = SessionContext.useSelector((snapshot) => snapshot.context.error ?? undefined);
  const claims = SessionContext.useSelector((snapshot) => snapshot.context.claims ?? undefined);
  // The Secret's identity changes only when new tokens arrive, so decoding happens once per token.
  const idToken = SessionContext.useSelector((snapshot) => snapshot.context.tokens?.idToken);
  const idTokenClaims = useMemo(
    () => (idToken === undefined ? undefined : decodeJwtPayload(idToken.reveal())),
    [idToken],
  );
  return useMemo(
    () => ({
      status,
      error,
      claims,
      idTokenClaims,
      signOut: (scope?: SignOutScope) => {
        actorRef.send(scope === undefined ? { type: 'signOut' } : { type: 'signOut', scope });
      },
      getAccessToken: async () => (await freshTokens(actorRef)).accessToken.reveal(),
      getIdToken: async () => (await freshTokens(actorRef)).idToken.reveal(),
    }),
    [actorRef, status, error, claims, idTokenClaims],
  );
}
