// The MFA_SETUP Session that AssociateSoftwareToken and VerifySoftwareToken carry between sign-in steps.
import type { Context } from '../context.ts';
import { MESSAGES, notAuthorized } from '../errors.ts';
import type { AuthSession, FlowState } from '../sessions.ts';
import type { Pool, UserRecord } from '../store.ts';

/** AssociateSoftwareToken / VerifySoftwareToken during MFA_SETUP: the Session alone names pool, client and user. */
export function openSetupSession(
  ctx: Context,
  sessionId: string,
): { session: AuthSession; pool: Pool; user: UserRecord } {
  const found = ctx.sessions.peek(sessionId);
  if (!found) throw notAuthorized(MESSAGES.invalidSession);
  const session = ctx.sessions.open(sessionId, {
    poolId: found.poolId,
    clientId: found.clientId,
    step: 'MFA_SETUP',
    now: ctx.clock.now(),
  });
  const user = ctx.store.pools.get(session.poolId)?.users.get(session.username);
  const pool = ctx.store.pools.get(session.poolId);
  if (!user || !pool) throw notAuthorized(MESSAGES.invalidSession);
  return { session, pool, user };
}

/** Replaces a setup Session with a new one carrying updated state (Sessions are new on every step). */
export function reissueSetupSession(ctx: Context, session: AuthSession, state: FlowState): string {
  ctx.sessions.consume(session);
  return ctx.sessions.issue({
    poolId: session.poolId,
    clientId: session.clientId,
    username: session.username,
    step: 'MFA_SETUP',
    expiresAt: session.expiresAt,
    state,
  });
}
