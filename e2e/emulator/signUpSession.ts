// Sign-in after sign-up: SignUp's Session, traded by ConfirmSignUp for one that InitiateAuth USER_AUTH accepts once.
import type { ClientConfig } from './config.ts';
import type { Context } from './context.ts';
import { invalidParameter } from './errors.ts';
import type { Pool, UserRecord } from './store.ts';
import { allowedFirstFactors } from './webauthn.ts';

const SIGN_UP_STEP = 'SIGN_UP';
/** Must match handlers/userAuth.ts, which opens it. */
const SIGNED_UP_STEP = 'USER_AUTH_AFTER_SIGN_UP';

function issue(ctx: Context, pool: Pool, client: ClientConfig, user: UserRecord, step: string): string {
  return ctx.sessions.issue({
    poolId: pool.id,
    clientId: client.ClientId,
    username: user.username,
    step,
    // Bounded like every sign-in Session by the client's AuthSessionValidity (minutes, default 3).
    expiresAt: ctx.clock.now() + (client.AuthSessionValidity ?? 3) * 60_000,
    state: {},
  });
}

function allowsUserAuth(client: ClientConfig): boolean {
  return client.ExplicitAuthFlows?.includes('ALLOW_USER_AUTH') === true;
}

/** SignUp without Password: only where the pool offers a first factor other than a password. */
export function checkPasswordless(pool: Pool): void {
  if (!allowedFirstFactors(pool).some((factor) => factor !== 'PASSWORD'))
    throw invalidParameter('Password is required: the pool allows no passwordless first factor.');
}

/** SignUp's `Session`, for clients that may sign in with USER_AUTH. */
export function signUpSession(ctx: Context, pool: Pool, client: ClientConfig, user: UserRecord): { Session?: string } {
  return allowsUserAuth(client) ? { Session: issue(ctx, pool, client, user, SIGN_UP_STEP) } : {};
}

/** ConfirmSignUp's `Session`: given SignUp's (single use), a new one for InitiateAuth USER_AUTH. */
export function confirmedSession(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
  sessionId: string | undefined,
): { Session?: string } {
  if (sessionId === undefined) return {};
  // The code already confirmed the user: a stale SignUp Session only costs the shortcut, never the confirmation.
  const session = ctx.sessions.peek(sessionId);
  if (
    session?.poolId !== pool.id ||
    session.clientId !== client.ClientId ||
    session.step !== SIGN_UP_STEP ||
    session.username !== user.username ||
    session.expiresAt <= ctx.clock.now()
  )
    return {};
  ctx.sessions.consume(session);
  return { Session: issue(ctx, pool, client, user, SIGNED_UP_STEP) };
}
