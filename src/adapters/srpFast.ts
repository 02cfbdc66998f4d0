// Fast SRP engine as an SrpPort on the page: srpEngine.ts's math with Secret wrapped and unwrapped around it.
import type { SrpEphemeral, SrpPort, SrpServerChallenge } from '../../machines/ports.ts';
import * as engine from './srpEngine.ts';
import {
  challengeToWire,
  deviceClaimToWire,
  deviceVerifierFromWire,
  ephemeralFromWire,
  passwordClaimToWire,
} from './srpWorkerProtocol.ts';

/** The ephemeral for a private `a` given as hex: A = g^a mod N, sent unpadded as CognitoUser sends it. */
export function fastEphemeralFrom(aHex: string): SrpEphemeral {
  return ephemeralFromWire(engine.ephemeralFrom(aHex));
}

/** The 16-byte HKDF key for `name` (pool name or DeviceGroupKey) and `user` (USER_ID_FOR_SRP or DeviceKey). */
export function fastAuthenticationKey(
  challenge: SrpServerChallenge,
  name: string,
  user: string,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return engine.authenticationKey(challengeToWire(challenge), name, user, password);
}

/**
 * SrpPort on native BigInt and crypto.subtle: about a tenth of AuthenticationHelper's CPU, same bytes on the wire.
 * It links the engine into the caller's bundle; the widget uses createWorkerSrp, which loads it as one separate file.
 */
export function createFastSrp(): SrpPort {
  // Straight calls, no request objects: the conversions are the worker protocol's, so both paths wrap Secret alike.
  return {
    createEphemeral: () => Promise.resolve(ephemeralFromWire(engine.createEphemeral())),
    passwordClaim: (input) => engine.passwordClaim(passwordClaimToWire(input)),
    deviceClaim: (input) => engine.deviceClaim(deviceClaimToWire(input)),
    createDeviceVerifier: async (input) => deviceVerifierFromWire(await engine.createDeviceVerifier(input)),
  };
}
