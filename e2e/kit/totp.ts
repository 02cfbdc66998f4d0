// TOTP codes (RFC 6238: SHA-1, 6 digits, 30 s) computed with otpauth, as an authenticator app would.
import { Secret, TOTP, URI } from 'otpauth';

/** What the kit needs to compute codes: a clock (the emulator's, or the wall clock for a real pool). */
export interface TotpCodes {
  /** The current code for a base32 secret (spaces ignored, as people copy them in groups). */
  code(secret: string): string;
  /** The base32 secret of an `otpauth://totp/...` URI, e.g. the one an MFA set-up step links to. */
  secretOf(uri: string): string;
}

/** A TOTP helper reading time from `now` (ms since the epoch). */
export function createTotp(now: () => number = Date.now): TotpCodes {
  return {
    code(secret) {
      const totp = new TOTP({
        secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
      });
      return totp.generate({ timestamp: now() });
    },
    secretOf(uri) {
      const parsed = URI.parse(uri);
      if (!(parsed instanceof TOTP)) throw new Error('expected an otpauth://totp/ URI');
      return parsed.secret.base32;
    },
  };
}
