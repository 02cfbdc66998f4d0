// RS256 ID/access tokens signed with node:crypto, the pool's JWKS, and access-token checks (jose) for self-service calls.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomUUID,
  sign as rsaSign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import type { JWK, JWTPayload } from 'jose';
import { jwtVerify } from 'jose/jwt/verify';
import { MESSAGES, notAuthorized } from './errors.ts';

const generateRsaKeyPair = promisify(generateKeyPair);

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicJwk: JWK;
  /** base64url of the protected header, the same for every token this key signs. */
  readonly encodedHeader: string;
}

export interface StoredKeys {
  id: JWK;
  access: JWK;
}

/** ID and access tokens are signed with different keys, as Cognito does. */
export interface PoolKeys {
  readonly id: SigningKey;
  readonly access: SigningKey;
  readonly stored: StoredKeys;
}

/** jose's JWK and node's JsonWebKey describe the same JSON; copy the RSA members across. */
function toNodeJwk(jwk: JWK): JsonWebKey {
  const out: JsonWebKey = {};
  for (const name of ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const) {
    const member = jwk[name];
    if (typeof member === 'string') out[name] = member;
  }
  return out;
}

function fromNodeJwk(jwk: JsonWebKey): JWK {
  const out: JWK = {};
  for (const name of ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const) {
    const member = jwk[name];
    if (typeof member === 'string') out[name] = member;
  }
  return out;
}

function fromPrivateJwk(jwk: JWK): SigningKey {
  const kid = jwk.kid ?? randomUUID();
  if (jwk.kty !== 'RSA' || jwk.n === undefined || jwk.e === undefined) throw new TypeError('RSA JWK expected');
  const privateKey = createPrivateKey({ key: toNodeJwk(jwk), format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  // Cognito's token header is exactly {"kid", "alg"}.
  const encodedHeader = Buffer.from(JSON.stringify({ kid, alg: 'RS256' })).toString('base64url');
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' },
    encodedHeader,
  };
}

/** A fresh 2048-bit RSA key (Cognito's size), generated off the event loop in libuv's thread pool. */
async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return { ...fromNodeJwk(privateKey.export({ format: 'jwk' })), kid: randomUUID(), alg: 'RS256' };
}

export async function createPoolKeys(): Promise<PoolKeys> {
  const [id, access] = await Promise.all([newPrivateJwk(), newPrivateJwk()]);
  return importPoolKeys({ id, access });
}

export function importPoolKeys(stored: StoredKeys): PoolKeys {
  return { id: fromPrivateJwk(stored.id), access: fromPrivateJwk(stored.access), stored };
}

export function jwks(keys: PoolKeys): { keys: JWK[] } {
  return { keys: [keys.id.publicJwk, keys.access.publicJwk] };
}

/**
 * Signs a compact JWS (RS256, PKCS#1 v1.5 over SHA-256) with a cached KeyObject. One RSA signature is most of a
 * sign-in's server CPU, so it runs in libuv's thread pool: the event loop keeps parsing other requests meanwhile,
 * and on a machine with spare cores the ID and access tokens of concurrent sign-ins are signed in parallel.
 */
export async function sign(key: SigningKey, claims: JWTPayload): Promise<string> {
  const signingInput = `${key.encodedHeader}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = await new Promise<Buffer>((resolve, reject) => {
    rsaSign('sha256', Buffer.from(signingInput), key.privateKey, (error, result) => {
      if (error) reject(error);
      else resolve(result);
    });
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Checks an access token's signature, issuer, use and expiry at the emulator's time. */
export async function verifyAccessToken(
  keys: PoolKeys,
  issuer: string,
  token: string,
  nowMs: number,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, keys.access.publicKey, {
      issuer,
      algorithms: ['RS256'],
      currentDate: new Date(nowMs),
      clockTolerance: 0,
    });
    if (payload.token_use !== 'access') throw notAuthorized(MESSAGES.invalidAccessToken);
    return payload;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_JWT_EXPIRED')
      throw notAuthorized(MESSAGES.expiredAccessToken);
    throw notAuthorized(MESSAGES.invalidAccessToken);
  }
}
