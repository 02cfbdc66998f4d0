// RS256 ID/access tokens with jose, the pool's JWKS, and access-token checks for self-service calls.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { MESSAGES, notAuthorized } from './errors.ts';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
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

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const kid = jwk.kid ?? randomUUID();
  const privateKey = await importJWK(jwk, 'RS256', { extractable: false });
  if (jwk.n === undefined || jwk.e === undefined) throw new TypeError('RSA JWK expected');
  const publicJwk: JWK = { kty: 'RSA', n: jwk.n, e: jwk.e };
  const publicKey = await importJWK(publicJwk, 'RS256');
  if (!(privateKey instanceof CryptoKey) || !(publicKey instanceof CryptoKey)) throw new TypeError('RSA JWK expected');
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' },
  };
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256' };
}

export async function createPoolKeys(): Promise<PoolKeys> {
  const [id, access] = await Promise.all([newPrivateJwk(), newPrivateJwk()]);
  return importPoolKeys({ id, access });
}

export async function importPoolKeys(stored: StoredKeys): Promise<PoolKeys> {
  const [id, access] = await Promise.all([fromPrivateJwk(stored.id), fromPrivateJwk(stored.access)]);
  return { id, access, stored };
}

export function jwks(keys: PoolKeys): { keys: JWK[] } {
  return { keys: [keys.id.publicJwk, keys.access.publicJwk] };
}

export async function sign(key: SigningKey, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
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
