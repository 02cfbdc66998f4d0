// Tests that the BigInt group arithmetic matches AuthenticationHelper's jsbn arithmetic bit for bit.
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
import type { OracleBigInteger } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { N, g, modPow, multiplierK, padHex, parseHex, powG } from './srpMath.ts';
import { VectorSource } from './srpTestVectors.testkit.ts';

const official = new AuthenticationHelper('');
const jsbn = (value: bigint): OracleBigInteger =>
  new official.N.constructor(value < 0n ? `-${(-value).toString(16)}` : value.toString(16), 16);

function officialModPow(base: bigint, exponent: bigint): bigint {
  return parseHex(
    jsbn(base)
      .modPow(jsbn(exponent), official.N, () => undefined)
      .toString(16),
  );
}

describe('srpMath', () => {
  it('uses the official client’s N, g and k', async () => {
    expect(N.toString(16)).toBe(official.N.toString(16));
    expect(g.toString(16)).toBe(official.g.toString(16));
    expect((await multiplierK()).toString(16)).toBe(official.k.toString(16));
  });

  it('pads hex like AuthenticationHelper.padHex for zero, small, high-bit and random values', () => {
    const source = new VectorSource(42);
    const values = [
      0n,
      1n,
      0x7fn,
      0x80n,
      0xffn,
      0x100n,
      N,
      ...Array.from({ length: 300 }, () => parseHex(source.hex(source.int(1, 400)))),
    ];
    for (const value of values) expect(padHex(value)).toBe(official.padHex(jsbn(value)));
  });

  it('exponentiates like jsbn for 12 random bases (also negative and above N) and exponents of 8 to 1,400 bits', () => {
    const source = new VectorSource(7);
    for (let i = 0; i < 12; i += 1) {
      const base = parseHex(source.hex(source.int(1, 400))) * (source.int(0, 4) === 0 ? -1n : 1n);
      const exponent = parseHex(source.hex(source.int(1, 175)));
      expect(modPow(base, exponent, N)).toBe(officialModPow(base, exponent));
    }
  });

  it('raises g to 12 random exponents like jsbn, and to 0 and 1', () => {
    const source = new VectorSource(8);
    expect(powG(0n)).toBe(1n);
    expect(powG(1n)).toBe(2n);
    for (let i = 0; i < 12; i += 1) {
      const exponent = parseHex(source.hex(source.int(1, 175)));
      expect(powG(exponent)).toBe(officialModPow(2n, exponent));
    }
  });

  it('refuses malformed hex instead of guessing a number', () => {
    expect(() => parseHex('')).toThrow(RangeError);
    expect(() => parseHex('12g4')).toThrow(RangeError);
    expect(() => parseHex('-ff')).toThrow(RangeError);
  });
});
