// The fast SRP engine on plain strings (native BigInt, Web Crypto): what the worker file runs, in a worker or inline.
//
// It imports nothing that holds secrets (no Secret), so the worker file it is bundled into stays self-contained: the
// page wraps and unwraps Secret on its side of the boundary (srpWorkerProtocol.ts, srpFast.ts).
import type { SrpClaim } from '../../machines/ports.ts';
import { bytesToBase64, bytesToHex, concatBytes, hexToBytes, utf8 } from './srpEncoding.ts';
import { hmacSha256, sha256Hex } from './srpHash.ts';
import { N, hexHashInt, mod, modPow, multiplierK, padHex, parseHex, powG } from './srpMath.ts';
import { signClaim } from './srpSignature.ts';
import type {
  SrpWorkerRequest,
  SrpWorkerResponse,
  WireChallenge,
  WireDeviceClaim,
  WireDeviceVerifier,
  WireEphemeral,
  WirePasswordClaim,
  WireResult,
} from './srpWorkerProtocol.ts';

/** HKDF info, with the single-block counter byte 0x01 appended. */
const derivedKeyInfo = concatBytes(utf8('Caldera Derived Key'), new Uint8Array([1]));

function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** The ephemeral for a private `a` given as hex: A = g^a mod N, sent unpadded as CognitoUser sends it. */
export function ephemeralFrom(aHex: string): WireEphemeral {
  const a = parseHex(aHex);
  const srpA = powG(a);
  if (srpA % N === 0n) throw new Error('Illegal paramater. A mod N cannot be 0.');
  return { srpA: srpA.toString(16), a: a.toString(16) };
}

/** x = H(padHex(salt) | H(name | user | ":" | password)), as getPasswordAuthenticationKey and generateHashDevice compute it. */
async function privateKeyX(saltHex: string, name: string, user: string, password: string): Promise<bigint> {
  const inner = await sha256Hex(utf8(`${name}${user}:${password}`));
  return hexHashInt(saltHex + inner);
}

/** The 16-byte HKDF key for `name` (pool name or DeviceGroupKey) and `user` (USER_ID_FOR_SRP or DeviceKey). */
export async function authenticationKey(
  challenge: Omit<WireChallenge, 'now' | 'secretBlock'>,
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
  const a = parseHex(challenge.ephemeral.a);
  const sharedS = modPow(mod(serverB - k * powG(x), N), a + u * x, N);
  const prk = await hmacSha256(hexToBytes(padHex(u)), hexToBytes(padHex(sharedS)));
  return (await hmacSha256(prk, derivedKeyInfo)).slice(0, 16);
}

/** The device verifier for a given device password and 16 salt bytes (createDeviceVerifier draws both). */
async function deviceVerifierFrom(
  deviceGroupKey: string,
  deviceKey: string,
  devicePassword: string,
  saltBytes: Uint8Array,
): Promise<WireDeviceVerifier> {
  // The salt goes through padHex like the official client's, so leading zero bytes drop and a high bit gains 00.
  const salt = padHex(parseHex(bytesToHex(saltBytes)));
  const x = await privateKeyX(salt, deviceGroupKey, deviceKey, devicePassword);
  return {
    passwordVerifier: bytesToBase64(hexToBytes(padHex(powG(x)))),
    salt: bytesToBase64(hexToBytes(salt)),
    devicePassword,
  };
}

async function claim(input: WireChallenge, name: string, user: string, password: string): Promise<SrpClaim> {
  const key = await authenticationKey(input, name, user, password);
  return signClaim(key, name, user, input.secretBlock, new Date(input.now));
}

export function createEphemeral(): WireEphemeral {
  // 128 random bytes, as AuthenticationHelper.generateRandomSmallA draws them.
  return ephemeralFrom(bytesToHex(randomBytes(128)));
}

export function passwordClaim(input: WirePasswordClaim): Promise<SrpClaim> {
  return claim(input, input.poolName, input.userIdForSrp, input.password);
}

export function deviceClaim(input: WireDeviceClaim): Promise<SrpClaim> {
  return claim(input, input.deviceGroupKey, input.deviceKey, input.devicePassword);
}

export function createDeviceVerifier(input: {
  deviceGroupKey: string;
  deviceKey: string;
}): Promise<WireDeviceVerifier> {
  // Password first, then salt: the order (and sizes) in which generateHashDevice draws its randomness.
  const devicePassword = bytesToBase64(randomBytes(40));
  return deviceVerifierFrom(input.deviceGroupKey, input.deviceKey, devicePassword, randomBytes(16));
}

async function run(request: SrpWorkerRequest): Promise<WireResult> {
  switch (request.method) {
    case 'createEphemeral':
      return createEphemeral();
    case 'passwordClaim':
      return passwordClaim(request.input);
    case 'deviceClaim':
      return deviceClaim(request.input);
    case 'createDeviceVerifier':
      return createDeviceVerifier(request.input);
  }
}

const methods = new Set(['createEphemeral', 'passwordClaim', 'deviceClaim', 'createDeviceVerifier']);

/** A structural check on what arrives over postMessage; the engine validates the values themselves. */
export function isSrpWorkerRequest(value: unknown): value is SrpWorkerRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'number' &&
    'method' in value &&
    typeof value.method === 'string' &&
    methods.has(value.method)
  );
}

/** Runs one request and answers with the result or the error's name and message, as the worker posts it back. */
export async function answerSrpRequest(request: SrpWorkerRequest): Promise<SrpWorkerResponse> {
  try {
    return { id: request.id, ok: true, result: await run(request) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, ok: false, error: { name, message } };
  }
}
