// Cognito's temporary lockout after repeated wrong passwords: 2^(n - limit) seconds, doubling up to about 15 minutes.
//
// Cognito's developer guide ("Lockout behavior for failed sign-in attempts"): after five failed password attempts the
// user is locked out for one second, doubling with each further failure (2^(n-5) s for n failures, not counting
// "Password attempts exceeded" answers), to a maximum of about 15 minutes. Attempts during a lockout are refused and
// do not lengthen it. The count returns to zero on a successful sign-in after the lockout ends (finishSignIn), or
// after 15 consecutive minutes without any sign-in attempt.

/** The per-user fields this module reads and writes (kept on the user record, so `--data` persists them). */
export interface LockoutRecord {
  /** Wrong passwords since the last successful sign-in (n). */
  failedPasswordAttempts: number;
  /** Emulator clock (ms) of the latest wrong password: each lockout runs from here. */
  lastFailedPasswordAt?: number;
  /** Emulator clock (ms) of the latest password attempt of any outcome, refused ones included. */
  lastPasswordAttemptAt?: number;
}

export interface LockoutPolicy {
  /** Wrong passwords allowed before the first lockout (Cognito: 5). */
  readonly limit: number;
  /** Length of the first lockout (Cognito: 1 s); each further failure doubles it. */
  readonly firstLockoutSeconds: number;
}

/** "Up to a maximum of approximately 15 minutes." */
export const MAX_LOCKOUT_MS = 15 * 60_000;
/** "Not initiate any sign-in attempts for 15 consecutive minutes at any time after a lockout." */
export const QUIET_RESET_MS = 15 * 60_000;

/** When the current lockout ends (ms), or undefined when the user has not reached the limit. */
export function lockoutEndsAt(user: LockoutRecord, policy: LockoutPolicy): number | undefined {
  const over = user.failedPasswordAttempts - policy.limit;
  if (over < 0) return undefined;
  const length = Math.min(policy.firstLockoutSeconds * 1000 * 2 ** over, MAX_LOCKOUT_MS);
  return (user.lastFailedPasswordAt ?? 0) + length;
}

/**
 * Called for every password attempt before the password is checked: true means answer "Password attempts exceeded"
 * without looking at the password. Forgives a locked-out user who stayed quiet for 15 minutes.
 */
export function passwordAttemptLocked(user: LockoutRecord, policy: LockoutPolicy, now: number): boolean {
  if (user.failedPasswordAttempts < policy.limit) return false;
  const quietSince = user.lastPasswordAttemptAt ?? user.lastFailedPasswordAt ?? 0;
  user.lastPasswordAttemptAt = now;
  if (now - quietSince >= QUIET_RESET_MS) {
    user.failedPasswordAttempts = 0;
    delete user.lastFailedPasswordAt;
    return false;
  }
  const endsAt = lockoutEndsAt(user, policy);
  return endsAt !== undefined && now < endsAt;
}

/** A wrong password: one more failure, and the next lockout (if any) starts now. */
export function recordWrongPassword(user: LockoutRecord, now: number): void {
  user.failedPasswordAttempts += 1;
  user.lastFailedPasswordAt = now;
  user.lastPasswordAttemptAt = now;
}
