// Messages between the page and the SRP worker, and the conversions that unwrap and re-wrap Secret at the boundary.
//
// Secret keeps its value in a private field, which structured cloning drops, so secrets cross the boundary as plain
// strings inside these messages and are wrapped again on arrival. That is acceptable: the worker is a same-origin
// module of this package, the messages go only to it and back (no logging, no storage, no other listener), and the
// strings live only as long as the message.
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

export interface WireEphemeral {
  readonly srpA: string;
  readonly a: string;
}

export interface WireChallenge {
  readonly ephemeral: WireEphemeral;
  readonly srpB: string;
  readonly salt: string;
  readonly secretBlock: string;
  readonly now: number;
}

export interface WirePasswordClaim extends WireChallenge {
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly password: string;
}

export interface WireDeviceClaim extends WireChallenge {
  readonly deviceGroupKey: string;
  readonly deviceKey: string;
  readonly devicePassword: string;
}

export interface WireDeviceVerifier {
  readonly passwordVerifier: string;
  readonly salt: string;
  readonly devicePassword: string;
}

export type SrpWorkerRequest =
  | { readonly id: number; readonly method: 'createEphemeral' }
  | { readonly id: number; readonly method: 'passwordClaim'; readonly input: WirePasswordClaim }
  | { readonly id: number; readonly method: 'deviceClaim'; readonly input: WireDeviceClaim }
  | {
      readonly id: number;
      readonly method: 'createDeviceVerifier';
      readonly input: { readonly deviceGroupKey: string; readonly deviceKey: string };
    };

export type WireResult = WireEphemeral | SrpClaim | WireDeviceVerifier;

export type SrpWorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: WireResult }
  | { readonly id: number; readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

/** What the worker posts once it listens: the page waits for it before trusting a worker that may 404 or be blocked. */
export const srpWorkerReady = 'cognito-xstate:srp-worker-ready';

/** Distributes Omit over a union, so each request keeps its own `input`. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isSrpWorkerResponse(value: unknown): value is SrpWorkerResponse {
  return isRecord(value) && typeof value.id === 'number' && typeof value.ok === 'boolean';
}

export function challengeToWire(input: SrpServerChallenge): WireChallenge {
  return {
    ephemeral: { srpA: input.ephemeral.srpA, a: input.ephemeral.a.reveal() },
    srpB: input.srpB,
    salt: input.salt,
    secretBlock: input.secretBlock,
    now: input.now.getTime(),
  };
}

export function ephemeralFromWire(wire: WireEphemeral): SrpEphemeral {
  return { srpA: wire.srpA, a: secret(wire.a) };
}

export function deviceVerifierFromWire(wire: WireDeviceVerifier): DeviceVerifier {
  return { passwordVerifier: wire.passwordVerifier, salt: wire.salt, devicePassword: secret(wire.devicePassword) };
}

export function passwordClaimToWire(input: PasswordClaimInput): WirePasswordClaim {
  return {
    ...challengeToWire(input),
    poolName: input.poolName,
    userIdForSrp: input.userIdForSrp,
    password: input.password.reveal(),
  };
}

export function deviceClaimToWire(input: DeviceClaimInput): WireDeviceClaim {
  return {
    ...challengeToWire(input),
    deviceGroupKey: input.deviceGroupKey,
    deviceKey: input.deviceKey,
    devicePassword: input.devicePassword.reveal(),
  };
}

function isWireEphemeral(value: unknown): value is WireEphemeral {
  return isRecord(value) && typeof value.srpA === 'string' && typeof value.a === 'string';
}

export function wireEphemeral(value: unknown): WireEphemeral {
  if (!isWireEphemeral(value)) throw new TypeError('the SRP worker answered with no ephemeral');
  return value;
}

function wireClaim(value: unknown): SrpClaim {
  if (!isRecord(value) || typeof value.signature !== 'string' || typeof value.timestamp !== 'string') {
    throw new TypeError('the SRP worker answered with no claim');
  }
  return { signature: value.signature, timestamp: value.timestamp };
}

function wireDeviceVerifier(value: unknown): WireDeviceVerifier {
  if (
    !isRecord(value) ||
    typeof value.passwordVerifier !== 'string' ||
    typeof value.salt !== 'string' ||
    typeof value.devicePassword !== 'string'
  ) {
    throw new TypeError('the SRP worker answered with no device verifier');
  }
  return { passwordVerifier: value.passwordVerifier, salt: value.salt, devicePassword: value.devicePassword };
}

/** The result of a response, or its error re-thrown with the engine's name and message. */
export function resultOf(response: SrpWorkerResponse): unknown {
  if (response.ok) return response.result;
  const error = new Error(response.error.message);
  error.name = response.error.name;
  throw error;
}

/**
 * An SrpPort that turns each call into a request, has `send` answer it (in a worker or inline), and reads the result
 * back with Secret re-wrapped, so both paths go through the same conversions.
 */
export function srpPortOver(send: (request: WithoutId<SrpWorkerRequest>) => Promise<unknown>): SrpPort {
  return {
    createEphemeral: async () => ephemeralFromWire(wireEphemeral(await send({ method: 'createEphemeral' }))),
    passwordClaim: async (input) =>
      wireClaim(await send({ method: 'passwordClaim', input: passwordClaimToWire(input) })),
    deviceClaim: async (input) => wireClaim(await send({ method: 'deviceClaim', input: deviceClaimToWire(input) })),
    createDeviceVerifier: async ({ deviceGroupKey, deviceKey }) =>
      deviceVerifierFromWire(
        wireDeviceVerifier(await send({ method: 'createDeviceVerifier', input: { deviceGroupKey, deviceKey } })),
      ),
  };
}
