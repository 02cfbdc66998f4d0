// TOTP (RFC 6238, SHA-1, 6 digits, 30 s) checks at the emulator's time, through otpauth.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ buffer: randomBytes(20).buffer }).base32;
}

/** Accepts the current code and one period either side, as authenticator apps drift. */
export function totpMatches(secret: string, code: string, nowMs: number): boolean {
  const totp = new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
  return totp.validate({ token: code, timestamp: nowMs, window: 1 }) !== null;
}
