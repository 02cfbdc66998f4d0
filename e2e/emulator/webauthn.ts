// Passkeys: the pool's WebAuthn settings, stored credentials, and the ceremonies verified by @simplewebauthn/server.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { createHash } from 'node:crypto';
import { CognitoError, invalidParameter, notAuthorized, MESSAGES } from './errors.ts';
import { isObject, type Json } from './input.ts';
import type { PoolConfig } from './config.ts';
import type { Pool, PoolSettings, UserRecord } from './store.ts';

/** `WebAuthnConfigurationType` as SetUserPoolMfaConfig stores it. */
export interface WebAuthnSettings {
  RelyingPartyId?: string;
  UserVerification: 'required' | 'preferred';
}

/** One registered passkey (a `WebAuthnCredentialDescription` plus what verification needs). */
export interface PasskeyRecord {
  CredentialId: string;
  FriendlyCredentialName: string;
  RelyingPartyId: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports: Transport[];
  /** Epoch seconds. */
  CreatedAt: number;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
}

/** The transports a browser reports (`usb`, `internal`, `hybrid`…), as the verifier types them. */
type Transport = NonNullable<RegistrationResponseJSON['response']['transports']>[number];

export type FirstFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** The verifier loads on the first ceremony: it costs most of a second at start-up that most pools never use. */
const verifier = () => import('@simplewebauthn/server');

/** A ceremony's challenge lives as long as the WebAuthn timeout it announces. */
const CEREMONY_MS = 5 * 60_000;

/** Attestation formats we accept; others answer WebAuthnCredentialNotSupportedException. */
const ATTESTATION_FORMATS = new Set(['none', 'packed']);

export function passkeysOf(user: UserRecord): PasskeyRecord[] {
  return (user.passkeys ??= []);
}

/** Passkeys need the Essentials or Plus plan and WEB_AUTHN among the pool's first factors. */
export function webAuthnEnabled(pool: Pool): boolean {
  return pool.settings.userPoolTier !== 'LITE' && allowedFirstFactors(pool).includes('WEB_AUTHN');
}

/** `Policies.SignInPolicy.AllowedFirstAuthFactors`; Cognito's default is PASSWORD alone. */
export function allowedFirstFactors(pool: Pool): FirstFactor[] {
  return pool.settings.allowedFirstAuthFactors ?? ['PASSWORD'];
}

/** The sign-in settings of a pool config; passkeys on the Lite plan are refused as Cognito refuses them. */
export function signInSettingsFrom(
  config: PoolConfig,
): Pick<PoolSettings, 'userPoolTier' | 'allowedFirstAuthFactors' | 'webAuthn'> {
  const factors = config.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
  const webAuthn = config.WebAuthnConfiguration;
  const tier = config.UserPoolTier;
  if (tier === 'LITE' && (factors?.includes('WEB_AUTHN') === true || webAuthn !== undefined))
    throw new CognitoError(
      'FeatureUnavailableInTierException',
      'WebAuthn requires the Essentials or Plus feature plan.',
    );
  return {
    ...(tier !== undefined ? { userPoolTier: tier } : {}),
    ...(factors !== undefined ? { allowedFirstAuthFactors: [...factors] } : {}),
    ...(webAuthn !== undefined
      ? {
          webAuthn: {
            ...(webAuthn.RelyingPartyId !== undefined ? { RelyingPartyId: webAuthn.RelyingPartyId } : {}),
            UserVerification: webAuthn.UserVerification ?? 'preferred',
          },
        }
      : {}),
  };
}

function webAuthnSettings(pool: Pool): WebAuthnSettings {
  return pool.settings.webAuthn ?? { UserVerification: 'preferred' };
}

/** The RP id, or WebAuthnConfigurationMissingException (the emulator has no pool domain to fall back on). */
export function relyingPartyId(pool: Pool): string {
  const id = webAuthnSettings(pool).RelyingPartyId;
  if (id === undefined)
    throw new CognitoError(
      'WebAuthnConfigurationMissingException',
      'The user pool has no relying party id or domain configured for WebAuthn.',
    );
  return id;
}

function requireEnabled(pool: Pool): void {
  if (!webAuthnEnabled(pool)) throw new CognitoError('WebAuthnNotEnabledException', 'WebAuthn is not enabled.');
}

/**
 * The origin a ceremony ran on, if this RP id may accept it: the RP id or a subdomain (WebAuthn §5.1.4.1) over
 * https on any port, or over http when the host is loopback (localhost, *.localhost, 127.0.0.1), as browsers allow.
 */
function allowedOrigin(clientDataJSON: string, rpId: string): string | undefined {
  let origin: string;
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    origin = isObject(data) && typeof data.origin === 'string' ? data.origin : '';
    const url = new URL(origin);
    const host = url.hostname;
    const loopback = host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1';
    const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
    const hostOk = host === rpId || host.endsWith(`.${rpId}`);
    return schemeOk && hostOk && url.origin === origin ? origin : undefined;
  } catch {
    return undefined;
  }
}

function rpIdHashOf(authenticatorData: Buffer): Buffer {
  return authenticatorData.subarray(0, 32);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The user handle we give authenticators: the user's sub, so it names no one. */
function userHandle(user: UserRecord): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(user.sub, 'utf8'));
}

/** A registration in progress: bound to user and client, single use, expiring. */
export interface PendingRegistration {
  challenge: string;
  clientId: string;
  expiresAt: number;
}

export async function registrationOptions(pool: Pool, user: UserRecord): Promise<{ options: Json; challenge: string }> {
  requireEnabled(pool);
  const rpID = relyingPartyId(pool);
  const { generateRegistrationOptions } = await verifier();
  const options = await generateRegistrationOptions({
    rpName: pool.settings.name,
    rpID,
    userName: user.attributes.email ?? user.username,
    userDisplayName: user.attributes.name ?? user.attributes.email ?? user.username,
    userID: userHandle(user),
    timeout: CEREMONY_MS,
    attestationType: 'none',
    excludeCredentials: passkeysOf(user).map((p) => ({ id: p.CredentialId, transports: p.AuthenticatorTransports })),
    authenticatorSelection: {
      residentKey: 'required',
      userVerification: webAuthnSettings(pool).UserVerification,
    },
  });
  return { options: options as unknown as Json, challenge: options.challenge };
}

function registrationResponse(credential: Json): RegistrationResponseJSON {
  const response = credential.response;
  if (
    typeof credential.id !== 'string' ||
    typeof credential.rawId !== 'string' ||
    credential.type !== 'public-key' ||
    !isObject(response) ||
    typeof response.clientDataJSON !== 'string' ||
    typeof response.attestationObject !== 'string'
  )
    throw invalidParameter('Credential is not a RegistrationResponseJSON.');
  return credential as unknown as RegistrationResponseJSON;
}

/** Verifies an attestation and returns the new passkey; Cognito's WebAuthn* error for each refusal. */
export async function completeRegistration(
  pool: Pool,
  user: UserRecord,
  pending: PendingRegistration | undefined,
  clientId: string,
  credential: Json,
  now: number,
): Promise<PasskeyRecord> {
  requireEnabled(pool);
  const rpID = relyingPartyId(pool);
  const response = registrationResponse(credential);
  if (!pending || pending.expiresAt <= now)
    throw new CognitoError(
      'WebAuthnChallengeNotFoundException',
      'The registration challenge was not found or expired.',
    );
  if (pending.clientId !== clientId)
    throw new CognitoError(
      'WebAuthnClientMismatchException',
      'The access token is for a different client than StartWebAuthnRegistration.',
    );
  const origin = allowedOrigin(response.response.clientDataJSON, rpID);
  if (origin === undefined)
    throw new CognitoError(
      'WebAuthnOriginNotAllowedException',
      'The credential was created on an origin the relying party id does not allow.',
    );
  const { verifyRegistrationResponse } = await verifier();
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: webAuthnSettings(pool).UserVerification === 'required',
    });
  } catch (error) {
    throw registrationError(error);
  }
  const info = verified.registrationInfo;
  if (!verified.verified || info === undefined) throw invalidParameter('The credential could not be verified.');
  if (!ATTESTATION_FORMATS.has(info.fmt))
    throw new CognitoError(
      'WebAuthnCredentialNotSupportedException',
      `Attestation format ${info.fmt} is not supported.`,
    );
  if (passkeysOf(user).some((p) => p.CredentialId === info.credential.id))
    throw invalidParameter('This credential is already registered.');
  const attachment = response.authenticatorAttachment;
  return {
    CredentialId: info.credential.id,
    FriendlyCredentialName: `Passkey ${String(passkeysOf(user).length + 1)}`,
    RelyingPartyId: rpID,
    ...(attachment !== undefined ? { AuthenticatorAttachment: attachment } : {}),
    AuthenticatorTransports: response.response.transports ?? [],
    CreatedAt: Math.floor(now / 1000),
    publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
    counter: info.credential.counter,
  };
}

/** Maps the verifier's refusal to the error Cognito names for it. */
function registrationError(error: unknown): CognitoError {
  const message = error instanceof Error ? error.message : String(error);
  if (/RP ID/i.test(message)) return new CognitoError('WebAuthnRelyingPartyMismatchException', message);
  if (/challenge/i.test(message)) return new CognitoError('WebAuthnChallengeNotFoundException', message);
  if (/unsupported|not supported|algorithm/i.test(message))
    return new CognitoError('WebAuthnCredentialNotSupportedException', message);
  return invalidParameter(message);
}

/** CREDENTIAL_REQUEST_OPTIONS for the WEB_AUTHN challenge: the user's passkeys for this RP id. */
export async function requestOptions(pool: Pool, user: UserRecord): Promise<{ json: string; challenge: string }> {
  const rpID = relyingPartyId(pool);
  const { generateAuthenticationOptions } = await verifier();
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: passkeysOf(user)
      .filter((p) => p.RelyingPartyId === rpID)
      .map((p) => ({ id: p.CredentialId, transports: p.AuthenticatorTransports })),
    timeout: CEREMONY_MS,
    userVerification: webAuthnSettings(pool).UserVerification,
  });
  return { json: JSON.stringify(options), challenge: options.challenge };
}

function authenticationResponse(answer: string): AuthenticationResponseJSON {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    throw invalidParameter('CREDENTIAL is not JSON.');
  }
  const response = isObject(parsed) ? parsed.response : undefined;
  if (
    !isObject(parsed) ||
    typeof parsed.id !== 'string' ||
    parsed.type !== 'public-key' ||
    !isObject(response) ||
    typeof response.clientDataJSON !== 'string' ||
    typeof response.authenticatorData !== 'string' ||
    typeof response.signature !== 'string'
  )
    throw invalidParameter('CREDENTIAL is not an AuthenticationResponseJSON.');
  return parsed as unknown as AuthenticationResponseJSON;
}

/**
 * Verifies a WEB_AUTHN answer against the challenge this Session issued and the user's stored passkey: signature,
 * RP id hash, origin, user verification as configured, and a rising signature counter. Any refusal is
 * NotAuthorizedException: RespondToAuthChallenge lists no WebAuthn* errors.
 */
export async function verifyAssertion(pool: Pool, user: UserRecord, challenge: string, answer: string): Promise<void> {
  const rpID = relyingPartyId(pool);
  const response = authenticationResponse(answer);
  const passkey = passkeysOf(user).find((p) => p.CredentialId === response.id);
  const refused = notAuthorized(MESSAGES.incorrectPassword);
  if (passkey?.RelyingPartyId !== rpID) throw refused;
  const origin = allowedOrigin(response.response.clientDataJSON, rpID);
  if (origin === undefined) throw refused;
  if (!rpIdHashOf(Buffer.from(response.response.authenticatorData, 'base64url')).equals(sha256(rpID))) throw refused;
  const { verifyAuthenticationResponse } = await verifier();
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.CredentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.AuthenticatorTransports,
      },
      requireUserVerification: webAuthnSettings(pool).UserVerification === 'required',
    });
  } catch {
    throw refused;
  }
  if (!result.verified) throw refused;
  passkey.counter = result.authenticationInfo.newCounter;
  pool.changed();
}

/** GetUserPoolMfaConfig's `WebAuthnConfiguration`. */
export function webAuthnConfigurationJson(pool: Pool): Json {
  const { RelyingPartyId, UserVerification } = webAuthnSettings(pool);
  return { WebAuthnConfiguration: { ...(RelyingPartyId !== undefined ? { RelyingPartyId } : {}), UserVerification } };
}

/** SetUserPoolMfaConfig's `WebAuthnConfiguration`: validated, stored, refused on the Lite plan. */
export function applyWebAuthnConfiguration(pool: Pool, input: Json | undefined): void {
  if (input === undefined) return;
  if (pool.settings.userPoolTier === 'LITE')
    throw new CognitoError(
      'FeatureUnavailableInTierException',
      'WebAuthn requires the Essentials or Plus feature plan.',
    );
  const rpId = input.RelyingPartyId;
  const verification = input.UserVerification;
  const factor = input.FactorConfiguration;
  if (rpId !== undefined && (typeof rpId !== 'string' || rpId.length < 1 || rpId.length > 127))
    throw invalidParameter('RelyingPartyId must be 1 to 127 characters.');
  if (verification !== undefined && verification !== 'required' && verification !== 'preferred')
    throw invalidParameter(`Invalid UserVerification ${JSON.stringify(verification)}`);
  // Passkeys as MFA is not emulated: refused rather than silently ignored.
  if (factor !== undefined && factor !== 'SINGLE_FACTOR')
    throw invalidParameter(`FactorConfiguration ${JSON.stringify(factor)} is not supported by the emulator.`);
  pool.settings.webAuthn = {
    ...(typeof rpId === 'string' ? { RelyingPartyId: rpId } : {}),
    UserVerification: verification ?? 'preferred',
  };
}

const FIRST_FACTORS: readonly FirstFactor[] = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
const TIERS = ['LITE', 'ESSENTIALS', 'PLUS'] as const;

/** CreateUserPool / UpdateUserPool's `UserPoolTier` and `Policies.SignInPolicy`, validated, in config shape. */
export function signInConfigFrom(input: Json): Pick<PoolConfig, 'UserPoolTier' | 'Policies'> {
  const tier = input.UserPoolTier;
  if (tier !== undefined && !TIERS.some((t) => t === tier))
    throw invalidParameter(`Invalid UserPoolTier ${JSON.stringify(tier)}`);
  const policies = input.Policies;
  const signIn = isObject(policies) ? policies.SignInPolicy : undefined;
  const factors = isObject(signIn) ? signIn.AllowedFirstAuthFactors : undefined;
  if (factors !== undefined && (!Array.isArray(factors) || factors.length === 0))
    throw invalidParameter('AllowedFirstAuthFactors must list at least one factor.');
  const list = (factors ?? []).map((factor: unknown) => {
    const known = FIRST_FACTORS.find((f) => f === factor);
    // SOFTWARE_TOKEN is in AuthFactorType but, as the API reference says, not a first factor.
    if (known === undefined) throw invalidParameter(`Invalid first auth factor ${JSON.stringify(factor)}`);
    return known;
  });
  return {
    ...(tier !== undefined ? { UserPoolTier: TIERS.find((t) => t === tier) ?? 'ESSENTIALS' } : {}),
    ...(factors !== undefined ? { Policies: { SignInPolicy: { AllowedFirstAuthFactors: list } } } : {}),
  };
}
