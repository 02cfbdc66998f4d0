// A small client half of Cognito SRP (BigInt), written from docs/protocol.md for SDK-driven tests.
import { createHash, createHmac, getDiffieHellman, randomBytes } from 'node:crypto';

const N = BigInt(`0x${getDiffieHellman('modp15').getPrime('hex')}`);
const g = 2n;

function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  else if ('89abcdef'.includes(hex.charAt(0))) hex = `00${hex}`;
  return hex;
}

const hexHash = (hex: string): string => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const k = BigInt(`0x${hexHash(`${padHex(N)}${padHex(g)}`)}`);

function modPow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = ((base % N) + N) % N;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
    e >>= 1n;
  }
  return result;
}

/** Java's `EEE MMM d HH:mm:ss UTC yyyy`, day not padded, as identity-js's DateHelper writes it. */
export function timestamp(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()] ?? ''} ${months[date.getUTCMonth()] ?? ''} ${String(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${String(date.getUTCFullYear())}`;
}

export interface SrpSession {
  readonly srpA: string;
  /** PASSWORD_VERIFIER ChallengeResponses (without USERNAME extras such as SECRET_HASH). */
  claim(input: { realm: string; user: string; password: string; salt: string; srpB: string; secretBlock: string }): {
    PASSWORD_CLAIM_SECRET_BLOCK: string;
    PASSWORD_CLAIM_SIGNATURE: string;
    TIMESTAMP: string;
  };
}

export function startSrp(): SrpSession {
  const a = BigInt(`0x${randomBytes(32).toString('hex')}`);
  const A = modPow(g, a);
  return {
    srpA: A.toString(16),
    claim({ realm, user, password, salt, srpB, secretBlock }) {
      const B = BigInt(`0x${srpB}`);
      const u = BigInt(`0x${hexHash(`${padHex(A)}${padHex(B)}`)}`);
      const inner = createHash('sha256').update(`${realm}${user}:${password}`).digest('hex');
      const x = BigInt(`0x${hexHash(`${padHex(BigInt(`0x${salt}`))}${inner}`)}`);
      const S = modPow(B - k * modPow(g, x), a + u * x);
      const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
        .update(Buffer.from(padHex(S), 'hex'))
        .digest();
      const key = createHmac('sha256', prk)
        .update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])]))
        .digest()
        .subarray(0, 16);
      const TIMESTAMP = timestamp(new Date());
      const signature = createHmac('sha256', key)
        .update(
          Buffer.concat([
            Buffer.from(realm),
            Buffer.from(user),
            Buffer.from(secretBlock, 'base64'),
            Buffer.from(TIMESTAMP),
          ]),
        )
        .digest('base64');
      return {
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        PASSWORD_CLAIM_SIGNATURE: signature,
        TIMESTAMP,
      };
    },
  };
}
