// Server half of Cognito's SRP-6a: verifiers, B, and the PASSWORD_CLAIM_SIGNATURE check (OpenSSL modexp).
import {
  createDiffieHellman,
  createHash,
  createHmac,
  getDiffieHellman,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** RFC 3526 group 15 (3072-bit MODP), the `initN` of amazon-cognito-identity-js. */
const N_BYTES = getDiffieHellman('modp15').getPrime();
export const N = BigInt(`0x${N_BYTES.toString('hex')}`);
export const g = 2n;

function hexOf(n: bigint): string {
  return n.toString(16);
}

/** The official client's padHex: even length, plus `00` when the top bit is set (Java's signed BigInteger bytes). */
export function padHex(n: bigint): string {
  let hex = hexOf(n);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  else if ('89abcdef'.includes(hex.charAt(0))) hex = `00${hex}`;
  return hex;
}

function toBuffer(n: bigint): Buffer {
  let hex = hexOf(n);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, 'hex');
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hexHash(hex: string): string {
  return sha256Hex(Buffer.from(hex, 'hex'));
}

/** base^exp mod N through OpenSSL: DH with `exp` as private key computes `peer^exp mod N`. */
export function modPowN(base: bigint, exp: bigint): bigint {
  const b = ((base % N) + N) % N;
  // OpenSSL rejects peer values outside (1, N-1); those degenerate bases are cheap in BigInt.
  if (b <= 1n || b >= N - 1n || exp <= 0n) return slowModPow(b, exp);
  const dh = createDiffieHellman(N_BYTES, 2);
  dh.setPrivateKey(toBuffer(exp));
  return BigInt(`0x${dh.computeSecret(toBuffer(b)).toString('hex')}`);
}

function slowModPow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = base % N;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
    e >>= 1n;
  }
  return result;
}

export const k = BigInt(`0x${hexHash(`${padHex(N)}${padHex(g)}`)}`);

/** x = H(padHex(salt) | H(realm | user | ":" | password)), as the client derives it. */
function computeX(saltHex: string, realm: string, user: string, password: string): bigint {
  const inner = sha256Hex(`${realm}${user}:${password}`);
  return BigInt(`0x${hexHash(`${padHex(BigInt(`0x${saltHex}`))}${inner}`)}`);
}

export interface SrpVerifier {
  /** Salt as hex (what goes out as SALT). */
  readonly salt: string;
  /** v = g^x mod N, hex. */
  readonly verifier: string;
}

/** Makes the stored salt + verifier for a password; the password itself is dropped. */
/** A new salt + verifier; `saltHex` (16 bytes) only for the stable decoy of an unknown user. */
export function createVerifier(realm: string, user: string, password: string, saltHex?: string): SrpVerifier {
  const salt = padHex(BigInt(`0x${saltHex ?? randomBytes(16).toString('hex')}`));
  return {
    salt,
    verifier: hexOf(modPowN(g, computeX(salt, realm, user, password))),
  };
}

/**
 * SHA-256 of x for the password that last matched each verifier: memory only, never persisted, and dropped with the
 * verifier when the password changes (verifiers are replaced, never mutated). A hit skips the 3072-bit modexp that
 * otherwise dominates USER_PASSWORD_AUTH; the digest is no more guessable offline than the stored verifier itself.
 */
const lastMatch = new WeakMap<SrpVerifier, Buffer>();

/** USER_PASSWORD_AUTH: recompute the verifier from the offered password and compare. */
export function passwordMatches(stored: SrpVerifier, realm: string, user: string, password: string): boolean {
  const x = computeX(stored.salt, realm, user, password);
  const digest = createHash('sha256').update(hexOf(x)).digest();
  const known = lastMatch.get(stored);
  if (known !== undefined && timingSafeEqual(known, digest)) return true;
  const v = modPowN(g, x);
  const ok = safeEqual(Buffer.from(padHex(v)), Buffer.from(padHex(BigInt(`0x${stored.verifier}`))));
  if (ok) lastMatch.set(stored, digest);
  return ok;
}

/** The server's ephemeral for one PASSWORD_VERIFIER / DEVICE_PASSWORD_VERIFIER step. */
export interface ServerEphemeral {
  readonly b: string;
  readonly B: string;
}

export function createServerEphemeral(verifierHex: string): ServerEphemeral {
  const v = BigInt(`0x${verifierHex}`);
  for (;;) {
    const b = BigInt(`0x${randomBytes(32).toString('hex')}`);
    const B = (k * v + modPowN(g, b)) % N;
    if (B !== 0n) return { b: hexOf(b), B: hexOf(B) };
  }
}

/** False when A is 0 mod N (the client would be forcing S). */
export function isValidA(aHex: string): boolean {
  if (!/^[0-9a-fA-F]+$/.test(aHex)) return false;
  return BigInt(`0x${aHex}`) % N !== 0n;
}

export interface ClaimCheck {
  readonly A: string;
  readonly ephemeral: ServerEphemeral;
  readonly verifier: string;
  /** Pool name (pool id after `_`) for users; DeviceGroupKey for devices. */
  readonly realm: string;
  /** USER_ID_FOR_SRP for users; DeviceKey for devices. */
  readonly user: string;
  readonly secretBlock: string;
  readonly timestamp: string;
  readonly signature: string;
}

/** Verifies PASSWORD_CLAIM_SIGNATURE: S = (A·v^u)^b, HKDF to K, HMAC over realm|user|secret block|timestamp. */
export function verifyClaim(c: ClaimCheck): boolean {
  const A = BigInt(`0x${c.A}`);
  const B = BigInt(`0x${c.ephemeral.B}`);
  const u = BigInt(`0x${hexHash(`${padHex(A)}${padHex(B)}`)}`);
  if (u === 0n) return false;
  const v = BigInt(`0x${c.verifier}`);
  const S = modPowN((A * modPowN(v, u)) % N, BigInt(`0x${c.ephemeral.b}`));
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  const expected = createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(c.realm, 'utf8'),
        Buffer.from(c.user, 'utf8'),
        Buffer.from(c.secretBlock, 'base64'),
        Buffer.from(c.timestamp, 'utf8'),
      ]),
    )
    .digest();
  return safeEqual(expected, Buffer.from(c.signature, 'base64'));
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Device verifiers arrive as base64 bytes (ConfirmDevice); keep them as hex like user verifiers. */
export function base64ToHex(b64: string): string {
  return Buffer.from(b64, 'base64').toString('hex');
}
