// Ports: what the machines need from the outside world (one Cognito port for every flow), implemented by adapters in src/.
import type { Operation, Operations, UserContextDataType } from './protocol.ts';
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

/** SRP-6a math exactly as amazon-cognito-identity-js computes it (see docs/protocol.md §3–4). */
export interface SrpPort {
  createEphemeral(): Promise<SrpEphemeral>;
  passwordClaim(input: PasswordClaimInput): Promise<SrpClaim>;
  deviceClaim(input: DeviceClaimInput): Promise<SrpClaim>;
  createDeviceVerifier(input: { deviceGroupKey: string; deviceKey: string }): Promise<DeviceVerifier>;
}

/**
 * The one door to Cognito, for every flow: posts `operation` (an `X-Amz-Target` name) with its request and resolves
 * with its response; rejects with CognitoServiceError (see errors.ts).
 */
export interface CognitoPort {
  call<Op extends Operation>(operation: Op, request: Operations[Op]['request']): Promise<Operations[Op]['response']>;
  /**
   * SECRET_HASH for app clients with a secret (server-side only); absent for public clients.
   * Base64(HMAC-SHA256(clientSecret, username + clientId)).
   */
  secretHash?(username: string): Promise<string>;
  /** The client secret itself, for GetTokensFromRefreshToken's `ClientSecret` (server-side only). */
  clientSecret?(): Secret<string>;
}

/** A remembered device, as amazon-cognito-identity-js stores it (deviceKey, deviceGroupKey, randomPasswordKey). */
export interface DeviceRecord {
  readonly deviceKey: string;
  readonly deviceGroupKey: string;
  readonly devicePassword: Secret<string>;
}

/** Where remembered-device data lives, keyed by app client and USER_ID_FOR_SRP. */
export interface DeviceStore {
  get(clientId: string, username: string): DeviceRecord | null;
  set(clientId: string, username: string, device: DeviceRecord): void;
  remove(clientId: string, username: string): void;
}

/** Tokens as the token store keeps them. */
export interface StoredTokens {
  readonly username: string;
  readonly idToken: Secret<string>;
  readonly accessToken: Secret<string>;
  readonly refreshToken: Secret<string> | null;
  /** Access-token expiry, epoch milliseconds on the local clock. */
  readonly expiresAt: number;
  /** Local clock minus the server's, in seconds (amazon-cognito-identity-js's `clockDrift`); 0 when unknown. */
  readonly clockDrift?: number;
}

/** Where tokens live between page loads; memory by default, web storage opt-in. */
export interface TokenStore {
  load(clientId: string): StoredTokens | null;
  save(clientId: string, tokens: StoredTokens): void;
  clear(clientId: string): void;
}

/** Supplies `UserContextData` (advanced security); `EncodedData` from the browser script, `IpAddress` on servers. */
export type UserContextDataProvider = (username: string) => UserContextDataType | undefined;

/** Bounded exponential backoff for network failures and throttling. */
export interface RetryPolicy {
  /** Total tries, including the first. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** What every flow's actors need to reach Cognito. Only `cognito` is required. */
export interface CognitoPorts {
  readonly cognito: CognitoPort;
  readonly userContextData?: UserContextDataProvider;
  readonly retry?: RetryPolicy;
  /** How calls wait between retries; tests may pass a zero-delay one. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Device name sent with ConfirmDevice and VerifySoftwareToken (the official client sends the user agent). */
  readonly deviceName?: string;
}

/** The browser's passkey ceremony (navigator.credentials), injected so the machines stay platform-free. */
export interface WebAuthnPort {
  /** Runs navigator.credentials.get with Cognito's CREDENTIAL_REQUEST_OPTIONS; answers the assertion as JSON. */
  readonly getCredential: (requestOptionsJson: Secret<string>) => Promise<Secret<string>>;
  /**
   * Runs navigator.credentials.create with StartWebAuthnRegistration's CredentialCreationOptions; answers the
   * RegistrationResponseJSON. Without it, registering a passkey fails as WebAuthnUnavailable.
   */
  readonly createCredential?: (creationOptionsJson: Secret<string>) => Promise<Secret<string>>;
}

/** Everything the sign-in actors need: the Cognito ports plus SRP, the device store and a clock. `cognito` and `srp` are required. */
export interface SignInPorts extends CognitoPorts {
  readonly srp: SrpPort;
  readonly devices?: DeviceStore;
  /** The clock; tests pass the emulator's. */
  readonly now?: () => Date;
  /** Passkeys: without it WEB_AUTHN fails as WebAuthnUnavailable and the user picks another factor. */
  readonly webAuthn?: WebAuthnPort;
}

/** Runs a task while holding an origin-wide lock (Web Locks in browsers), so one tab refreshes at a time. */
export interface LockPort {
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** Tells the other tabs of an origin that the stored session changed; the notice carries no token. */
export interface TabChannelPort {
  notify(clientId: string): void;
  /** Calls `listener` on another tab's notice; returns the unsubscribe. */
  subscribe(clientId: string, listener: () => void): () => void;
}

/** The sign-in ports plus what a session across reloads and tabs needs. Without `locks` and `tabs` it serves one tab. */
export interface SessionPorts extends SignInPorts {
  /** Where the session keeps its tokens; memory (none) when absent. */
  readonly tokens?: TokenStore;
  readonly locks?: LockPort;
  readonly tabs?: TabChannelPort;
}
