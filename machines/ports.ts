// Ports: what the sign-in machine needs from the outside world, implemented by adapters in src/.
import type { Secret } from './secret.ts';

/** The client's SRP ephemeral: `a` stays secret, `SRP_A` (unpadded hex of g^a mod N) goes on the wire. */
export interface SrpEphemeral {
  readonly srpA: string;
  /** The private exponent `a`, as hex. */
  readonly a: Secret<string>;
}

/** What the server's PASSWORD_VERIFIER / DEVICE_PASSWORD_VERIFIER challenge hands the client. */
export interface SrpServerChallenge {
  readonly ephemeral: SrpEphemeral;
  /** `SRP_B` challenge parameter, hex. */
  readonly srpB: string;
  /** `SALT` challenge parameter, hex. */
  readonly salt: string;
  /** `SECRET_BLOCK` challenge parameter, base64, echoed back as PASSWORD_CLAIM_SECRET_BLOCK. */
  readonly secretBlock: string;
  /** The client's clock; TIMESTAMP is formatted from it. */
  readonly now: Date;
}

/** A user's password claim: pool name = the pool id after `_`, username = USER_ID_FOR_SRP. */
export interface PasswordClaimInput extends SrpServerChallenge {
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly password: Secret<string>;
}

/** A remembered device's claim: SRP with DeviceGroupKey as pool name and DeviceKey as username. */
export interface DeviceClaimInput extends SrpServerChallenge {
  readonly deviceGroupKey: string;
  readonly deviceKey: string;
  readonly devicePassword: Secret<string>;
}

/** PASSWORD_CLAIM_SIGNATURE (base64) and the exact TIMESTAMP string it signed. */
export interface SrpClaim {
  readonly signature: string;
  readonly timestamp: string;
}

/** ConfirmDevice's DeviceSecretVerifierConfig plus the random device password the client keeps. */
export interface DeviceVerifier {
  /** base64 of the verifier bytes (padHex(g^x mod N)). */
  readonly passwordVerifier: string;
  /** base64 of the salt bytes. */
  readonly salt: string;
  readonly devicePassword: Secret<string>;
}

/** SRP-6a math exactly as amazon-cognito-identity-js computes it (see ../shared/COGNITO.md §3–4). */
export interface SrpPort {
  createEphemeral(): Promise<SrpEphemeral>;
  passwordClaim(input: PasswordClaimInput): Promise<SrpClaim>;
  deviceClaim(input: DeviceClaimInput): Promise<SrpClaim>;
  createDeviceVerifier(input: { deviceGroupKey: string; deviceKey: string }): Promise<DeviceVerifier>;
}
