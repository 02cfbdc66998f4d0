// Tests for the load generator's SRP helpers: padding, timestamp format and the OpenSSL modPow.
import { describe, expect, it } from 'vitest';
import { modPowN, padHex, srpTimestamp } from './srpClient.ts';

describe('padHex', () => {
  it('pads odd-length hex with one zero', () => {
    expect(padHex(0xabcn)).toBe('0abc');
  });

  it('prefixes 00 when the top bit is set, so the bytes read as positive', () => {
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0x7fn)).toBe('7f');
  });
});

describe('srpTimestamp', () => {
  it('formats UTC like the official client, with the day of the month unpadded', () => {
    expect(srpTimestamp(new Date(Date.UTC(2026, 2, 4, 18, 0, 7)))).toBe('Wed Mar 4 18:00:07 UTC 2026');
  });
});

describe('modPowN', () => {
  it('agrees with BigInt arithmetic for small operands', () => {
    expect(modPowN(3n, 5n)).toBe(243n);
    expect(modPowN(2n, 100n)).toBe(2n ** 100n);
  });
});
