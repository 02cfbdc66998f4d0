// The load generator's own SRP client (docs/protocol.md §3): node:crypto OpenSSL modPow + BigInt, nothing from src/.
import { createDiffieHellman, createHash, createHmac, randomBytes } from 'node:crypto';

const initN =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

const N = BigInt(`0x${initN}`);
const g = 2n;

/** Hex of n with an even length and a leading 00 when the top bit is set, as the official client pads. */
export function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hexHash = (hex: string): string => sha256Hex(Buffer.from(hex, 'hex'));
const big = (hex: string): bigint => BigInt(`0x${hex}`);
const mod = (n: bigint): bigint => ((n % N) + N) % N;

const k = big(hexHash(`${padHex(N)}${padHex(g)}`));

// OpenSSL computes base^e mod N through a Diffie-Hellman object: private key e, "public key" base.
const dh = createDiffieHellman(Buffer.from(initN, 'hex'), Buffer.from([2]));
export function modPowN(base: bigint, exponent: bigint): bigint {
  dh.setPrivateKey(Buffer.from(padHex(exponent), 'hex'));
  return big(toHex(dh.computeSecret(Buffer.from(padHex(base), 'hex'))));
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** `ddd MMM D HH:mm:ss UTC YYYY`, day not padded (DateHelper.getNowString). */
export function srpTimestamp(date: Date): string {
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${days[date.getUTCDay()] ?? ''} ${months[date.getUTCMonth()] ?? ''} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

export interface Ephemeral {
  readonly a: bigint;
  readonly srpA: string;
}

export function createEphemeral(): Ephemeral {
  const a = big(toHex(randomBytes(128)));
  return { a, srpA: modPowN(g, a).toString(16) };
}

export interface ClaimInput {
  readonly ephemeral: Ephemeral;
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly password: string;
  readonly srpB: string;
  readonly salt: string;
  readonly secretBlock: string;
  readonly now: Date;
}

// g^x depends only on the user, password and salt, so the load generator computes it once per user.
const gxCache = new Map<string, { x: bigint; gx: bigint }>();

export function passwordClaim(input: ClaimInput): { signature: string; timestamp: string } {
  const A = big(input.ephemeral.srpA);
  const B = big(input.srpB);
  if (B % N === 0n) throw new Error('SRP_B is 0 mod N');
  const u = big(hexHash(`${padHex(A)}${padHex(B)}`));
  if (u === 0n) throw new Error('u is 0');
  const cacheKey = `${input.poolName}|${input.userIdForSrp}|${input.salt}|${input.password}`;
  let cached = gxCache.get(cacheKey);
  if (cached === undefined) {
    const x = big(
      hexHash(`${padHex(big(input.salt))}${sha256Hex(`${input.poolName}${input.userIdForSrp}:${input.password}`)}`),
    );
    cached = { x, gx: modPowN(g, x) };
    gxCache.set(cacheKey, cached);
  }
  const S = modPowN(mod(B - k * cached.gx), input.ephemeral.a + u * cached.x);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  const timestamp = srpTimestamp(input.now);
  const signature = createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(input.poolName, 'utf8'),
        Buffer.from(input.userIdForSrp, 'utf8'),
        Buffer.from(input.secretBlock, 'base64'),
        Buffer.from(timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
  return { signature, timestamp };
}
