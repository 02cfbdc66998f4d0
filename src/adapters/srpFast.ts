// Fast SRP engine: native BigInt and Web Crypto, byte-identical to AuthenticationHelper, no Node imports.
import type {
  DeviceClaimInput,
  DeviceVerifier,
  PasswordClaimInput,
  SrpClaim,
  SrpEphemeral,
  SrpPort,
  SrpServerChallenge,
} from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { bytesToBase64, bytesToHex, concatBytes, hexToBytes, utf8 } from './srpEncoding.ts';
import { hmacSha256, sha256Hex } from './srpHash.ts';
import { N, hexHashInt, mod, modPow, multiplierK, padHex, parseHex, powG } from './srpMath.ts';
import { signClaim } from './srpSignature.ts';

/** HKDF info, with the single-block counter byte 0x01 appended. */
const derivedKeyInfo = concatBytes(utf8('Caldera Derived Key'), new Uint8Array([1]));

function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** The ephemeral for a private `a` given as hex: A = g^a mod N, sent unpadded as CognitoUser sends it. */
export function fastEphemeralFrom(aHex: string): SrpEphemeral {
  const a = parseHex(aHex);
  const srpA = powG(a);
  if (srpA % N === 0n) throw new Error('Illegal paramater. A mod N cannot be 0.');
  return { srpA: srpA.toString(16), a: secret(a.toString(16)) };
}

/** x = H(padHex(salt) | H(name | user | ":" | password)), as getPasswordAuthenticationKey and generateHashDevice compute it. */
async function privateKeyX(saltHex: string, name: string, user: string, password: string): Promise<bigint> {
  const inner = await sha256Hex(utf8(`${name}${user}:${password}`));
  return hexHashInt(saltHex + inner);
}

/** The 16-byte HKDF key for `name` (pool name or DeviceGroupKey) and `user` (USER_ID_FOR_SRP or DeviceKey). */
export async function fastAuthenticationKey(
  challenge: SrpServerChallenge,
  name: string,
  user: string,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const serverB = parseHex(challenge.srpB);
  // Same checks and messages as AuthenticationHelper, so both engines fail alike on a hostile server.
  if (serverB % N === 0n) throw new Error('B cannot be zero.');
  const clientA = parseHex(challenge.ephemeral.srpA);
  const u = await hexHashInt(padHex(clientA) + padHex(serverB));
  if (u === 0n) throw new Error('U cannot be zero.');
  const x = await privateKeyX(padHex(parseHex(challenge.salt)), name, user, password);
  const k = await multiplierK();
  const a = parseHex(challenge.ephemeral.a.reveal());
  const sharedS = modPow(mod(serverB - k * powG(x), N), a + u * x, N);
  const prk = await hmacSha256(hexToBytes(padHex(u)), hexToBytes(padHex(sharedS)));
  return (await hmacSha256(prk, derivedKeyInfo)).slice(0, 16);
}

/** The device verifier for a given device password and 16 salt bytes (createDeviceVerifier draws both). */
export async function fastDeviceVerifierFrom(
  deviceGroupKey: string,
  deviceKey: string,
  devicePassword: string,
  saltBytes: Uint8Array,
): Promise<DeviceVerifier> {
  // The salt goes through padHex like the official client's, so leading zero bytes drop and a high bit gains 00.
  const salt = padHex(parseHex(bytesToHex(saltBytes)));
  const x = await privateKeyX(salt, deviceGroupKey, deviceKey, devicePassword);
  return {
    passwordVerifier: bytesToBase64(hexToBytes(padHex(powG(x)))),
    salt: bytesToBase64(hexToBytes(salt)),
    devicePassword: secret(devicePassword),
  };
}

function createEphemeral(): Promise<SrpEphemeral> {
  // 128 random bytes, as AuthenticationHelper.generateRandomSmallA draws them.
  return Promise.resolve(fastEphemeralFrom(bytesToHex(randomBytes(128))));
}

async function passwordClaim(input: PasswordClaimInput): Promise<SrpClaim> {
  const key = await fastAuthenticationKey(input, input.poolName, input.userIdForSrp, input.password.reveal());
  return signClaim(key, input.poolName, input.userIdForSrp, input.secretBlock, input.now);
}

async function deviceClaim(input: DeviceClaimInput): Promise<SrpClaim> {
  const key = await fastAuthenticationKey(input, input.deviceGroupKey, input.deviceKey, input.devicePassword.reveal());
  return signClaim(key, input.deviceGroupKey, input.deviceKey, input.secretBlock, input.now);
}

function createDeviceVerifier(input: { deviceGroupKey: string; deviceKey: string }): Promise<DeviceVerifier> {
  // Password first, then salt: the order (and sizes) in which generateHashDevice draws its randomness.
  const devicePassword = bytesToBase64(randomBytes(40));
  return fastDeviceVerifierFrom(input.deviceGroupKey, input.deviceKey, devicePassword, randomBytes(16));
}

/** SrpPort on native BigInt and crypto.subtle: about a tenth of AuthenticationHelper's CPU, same bytes on the wire. */
export function createFastSrp(): SrpPort {
  return { createEphemeral, passwordClaim, deviceClaim, createDeviceVerifier };
}
