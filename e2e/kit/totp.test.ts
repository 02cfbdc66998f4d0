// The kit's TOTP helper gives the codes an authenticator app shows (RFC 6238 test vectors) and reads set-up URIs.
import { describe, expect, it } from 'vitest';
import { createTotp } from './totp.ts';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 below); 6-digit codes are the last 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('createTotp', () => {
  it('computes the RFC 6238 code for the time its clock reads', () => {
    expect(createTotp(() => 59_000).code(RFC_SECRET)).toBe('287082');
    expect(createTotp(() => 1_111_111_109_000).code(RFC_SECRET)).toBe('081804');
    expect(createTotp(() => 2_000_000_000_000).code(RFC_SECRET)).toBe('279037');
  });

  it('ignores the spaces people copy a grouped key with', () => {
    const totp = createTotp(() => 59_000);
    expect(totp.code('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ')).toBe('287082');
  });

  it('reads the secret of an otpauth:// URI as the MFA set-up step links it', () => {
    const uri = `otpauth://totp/DemoPool:alice?secret=${RFC_SECRET}&issuer=DemoPool&algorithm=SHA1&digits=6&period=30`;
    expect(createTotp().secretOf(uri)).toBe(RFC_SECRET);
  });

  it('refuses a URI that is not TOTP', () => {
    expect(() => createTotp().secretOf(`otpauth://hotp/x?secret=${RFC_SECRET}&counter=1`)).toThrow(/totp/);
  });
});
