// SRP-6a group arithmetic on native BigInt: the RFC 3526 3072-bit group, padHex, and modular exponentiation.
import { hexToBytes } from './srpEncoding.ts';
import { sha256Hex } from './srpHash.ts';

/** N: the 3072-bit MODP prime of RFC 3526 (group 15), AuthenticationHelper's `initN`. */
export const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);

/** The generator g = 2. */
export const g = 2n;

/** A hex challenge parameter (SRP_B, SALT) as an integer; case and leading zeros do not matter. */
export function parseHex(hex: string): bigint {
  if (!/^[0-9a-f]+$/i.test(hex)) throw new RangeError('expected a hex number');
  return BigInt(`0x${hex}`);
}

/**
 * Even-length hex of a non-negative integer with `00` prepended when the top bit is set: the hex of Java's
 * BigInteger.toByteArray(), which is what Cognito hashes.
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex takes non-negative integers only');
  const hex = value.toString(16);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

/** hexHash of docs/protocol.md §3: SHA-256 over the bytes a hex string spells, as an integer. */
export async function hexHashInt(hex: string): Promise<bigint> {
  return BigInt(`0x${await sha256Hex(hexToBytes(hex))}`);
}

let multiplier: Promise<bigint> | undefined;

/** k = H(padHex(N) | padHex(g)), computed once. */
export function multiplierK(): Promise<bigint> {
  multiplier ??= hexHashInt(padHex(N) + padHex(g));
  return multiplier;
}

/** Non-negative remainder, as jsbn's `mod` returns it. */
export function mod(value: bigint, modulus: bigint): bigint {
  const remainder = value % modulus;
  return remainder < 0n ? remainder + modulus : remainder;
}

/**
 * g^exponent mod N for g = 2, left to right: multiplying by 2 is a shift and one conditional subtraction,
 * so the cost is the squarings alone.
 */
export function powG(exponent: bigint): bigint {
  let result = 1n;
  for (const bit of exponent.toString(2)) {
    result = (result * result) % N;
    if (bit === '1') {
      result <<= 1n;
      if (result >= N) result -= N;
    }
  }
  return result;
}

/**
 * base^exponent mod modulus by left-to-right sliding windows (HAC 14.85): one squaring per exponent bit and
 * one multiplication per window of up to `width` bits, from a table of odd powers. Measured faster than
 * plain square-and-multiply and bigint-mod-arith's modPow (see bench/srpEngines.ts).
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent < 0n) throw new RangeError('negative exponents are not used by SRP');
  const bits = exponent.toString(2);
  const width = bits.length > 2048 ? 6 : bits.length > 512 ? 5 : bits.length > 64 ? 4 : 1;
  const reduced = mod(base, modulus);
  const square = (reduced * reduced) % modulus;
  const oddPowers = [reduced];
  for (let i = 1; i < 1 << (width - 1); i += 1) oddPowers.push(((oddPowers[i - 1] ?? 1n) * square) % modulus);

  let result = 1n % modulus;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      result = (result * result) % modulus;
      i += 1;
      continue;
    }
    let end = Math.min(i + width, bits.length);
    while (bits[end - 1] === '0') end -= 1;
    for (let j = i; j < end; j += 1) result = (result * result) % modulus;
    const windowValue = Number.parseInt(bits.slice(i, end), 2);
    result = (result * (oddPowers[(windowValue - 1) >> 1] ?? 1n)) % modulus;
    i = end;
  }
  return result;
}
