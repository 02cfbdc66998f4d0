// SRP adapter over amazon-cognito-identity-js's AuthenticationHelper: the reference engine and test oracle.
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
import type { OracleBigInteger } from 'amazon-cognito-identity-js';
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
import { bytesToBase64, hexToBytes } from './srpEncoding.ts';
import { signClaim } from './srpSignature.ts';

let group: AuthenticationHelper | undefined;

/** N, g, k and the HKDF info as the official constructor computes them; built once (it costs one modPow). */
function groupHelper(): AuthenticationHelper {
  group ??= new AuthenticationHelper('');
  return group;
}

function bigInteger(hex: string): OracleBigInteger {
  return new (groupHelper().N.constructor)(hex, 16);
}

/**
 * A helper holding a given `a` (and `A`, when known) for `poolName`. The constructor would draw and exponentiate a
 * fresh `a` we would throw away, so the group values are copied from one constructed helper instead.
 */
function helperWith(poolName: string, a: string, srpA?: string): AuthenticationHelper {
  const blank: unknown = Object.create(AuthenticationHelper.prototype);
  if (!(blank instanceof AuthenticationHelper)) throw new TypeError('AuthenticationHelper prototype is unusable');
  const { N, g, k, infoBits } = groupHelper();
  return Object.assign(blank, {
    N,
    g,
    k,
    infoBits,
    poolName,
    smallAValue: bigInteger(a),
    largeAValue: srpA === undefined ? undefined : bigInteger(srpA),
  });
}

function largeA(helper: AuthenticationHelper): Promise<OracleBigInteger> {
  return new Promise((resolve, reject) => {
    helper.getLargeAValue((error, value) => {
      if (error) reject(error);
      else resolve(value);
    });
  });
}

function toEphemeral(a: OracleBigInteger, srpA: OracleBigInteger): SrpEphemeral {
  // SRP_A goes on the wire unpadded, exactly as CognitoUser sends `aValue.toString(16)`.
  return { srpA: srpA.toString(16), a: secret(a.toString(16)) };
}

/** The ephemeral for a given private `a` (hex); lets tests feed both engines the same `a`. */
export async function oracleEphemeralFrom(a: string): Promise<SrpEphemeral> {
  const helper = helperWith('', a);
  return toEphemeral(helper.getSmallAValue(), await largeA(helper));
}

/** The 16-byte HKDF key of getPasswordAuthenticationKey, for `name` (pool name or DeviceGroupKey) and `user`. */
export function oracleAuthenticationKey(
  challenge: SrpServerChallenge,
  name: string,
  user: string,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const helper = helperWith(name, challenge.ephemeral.a.reveal(), challenge.ephemeral.srpA);
  return new Promise((resolve, reject) => {
    // getPasswordAuthenticationKey throws synchronously for B mod N = 0 or u = 0; the executor turns that into a rejection.
    helper.getPasswordAuthenticationKey(
      user,
      password,
      bigInteger(challenge.srpB),
      bigInteger(challenge.salt),
      (error, key) => {
        if (error) reject(error);
        else resolve(new Uint8Array(key));
      },
    );
  });
}

async function createEphemeral(): Promise<SrpEphemeral> {
  const helper = new AuthenticationHelper('');
  return toEphemeral(helper.getSmallAValue(), await largeA(helper));
}

async function passwordClaim(input: PasswordClaimInput): Promise<SrpClaim> {
  const key = await oracleAuthenticationKey(input, input.poolName, input.userIdForSrp, input.password.reveal());
  return signClaim(key, input.poolName, input.userIdForSrp, input.secretBlock, input.now);
}

async function deviceClaim(input: DeviceClaimInput): Promise<SrpClaim> {
  const key = await oracleAuthenticationKey(
    input,
    input.deviceGroupKey,
    input.deviceKey,
    input.devicePassword.reveal(),
  );
  return signClaim(key, input.deviceGroupKey, input.deviceKey, input.secretBlock, input.now);
}

function createDeviceVerifier(input: { deviceGroupKey: string; deviceKey: string }): Promise<DeviceVerifier> {
  const helper = helperWith(input.deviceGroupKey, '0');
  return new Promise((resolve, reject) => {
    helper.generateHashDevice(input.deviceGroupKey, input.deviceKey, (error) => {
      if (error) {
        reject(error);
        return;
      }
      // ConfirmDevice sends both hex strings re-encoded as base64 of their bytes (CognitoUser.authenticateUserInternal).
      resolve({
        passwordVerifier: bytesToBase64(hexToBytes(helper.getVerifierDevices())),
        salt: bytesToBase64(hexToBytes(helper.getSaltDevices())),
        devicePassword: secret(helper.getRandomPassword()),
      });
    });
  });
}

/**
 * SrpPort over the official client's AuthenticationHelper (pure-JS big integers, ~300 ms per sign-in).
 * Kept as an option and as the oracle the fast engine is tested against.
 */
export function createAuthenticationHelperSrp(): SrpPort {
  return { createEphemeral, passwordClaim, deviceClaim, createDeviceVerifier };
}
