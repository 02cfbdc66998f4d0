// Passkey management for the signed-in user: register, list, delete, and GetUserAuthFactors.
import type { JWTPayload } from 'jose';
import { authenticate, type Handler } from '../context.ts';
import { invalidParameter, resourceNotFound } from '../errors.ts';
import { optIntInRange, optStr, str, isObject, type Json } from '../input.ts';
import { pageFrom, pageSize } from '../paging.ts';
import type { UserRecord } from '../store.ts';
import {
  allowedFirstFactors,
  completeRegistration,
  passkeysOf,
  registrationOptions,
  webAuthnEnabled,
  type PendingRegistration,
} from '../webauthn.ts';

/** Registrations in progress, one per user: a new StartWebAuthnRegistration replaces the last. */
const pending = new WeakMap<UserRecord, PendingRegistration>();

/** ListWebAuthnCredentials returns at most this many per page. */
const MAX_RESULTS = 20;

function clientOf(claims: JWTPayload): string {
  return typeof claims.client_id === 'string' ? claims.client_id : '';
}

export const startWebAuthnRegistration: Handler = async (ctx, input) => {
  const { pool, user, claims } = await authenticate(ctx, str(input, 'AccessToken'));
  const { options, challenge } = await registrationOptions(pool, user);
  pending.set(user, { challenge, clientId: clientOf(claims), expiresAt: ctx.clock.now() + 5 * 60_000 });
  return { CredentialCreationOptions: options };
};

export const completeWebAuthnRegistration: Handler = async (ctx, input) => {
  const { pool, user, claims } = await authenticate(ctx, str(input, 'AccessToken'));
  const credential = input.Credential;
  if (!isObject(credential)) throw invalidParameter('Credential is required.');
  const started = pending.get(user);
  // The challenge is single use: a failed or replayed completion needs a new StartWebAuthnRegistration.
  pending.delete(user);
  const passkey = await completeRegistration(pool, user, started, clientOf(claims), credential, ctx.clock.now());
  passkeysOf(user).push(passkey);
  pool.changed();
  return {};
};

export const listWebAuthnCredentials: Handler = async (ctx, input) => {
  const { user } = await authenticate(ctx, str(input, 'AccessToken'));
  const limit = pageSize(optIntInRange(input, 'MaxResults', 1, MAX_RESULTS), MAX_RESULTS);
  const page = pageFrom(passkeysOf(user), limit, optStr(input, 'NextToken'), 'NextToken');
  return {
    Credentials: page.items.map((p): Json => ({
      CredentialId: p.CredentialId,
      FriendlyCredentialName: p.FriendlyCredentialName,
      RelyingPartyId: p.RelyingPartyId,
      ...(p.AuthenticatorAttachment !== undefined ? { AuthenticatorAttachment: p.AuthenticatorAttachment } : {}),
      AuthenticatorTransports: p.AuthenticatorTransports,
      CreatedAt: p.CreatedAt,
    })),
    ...(page.next !== undefined ? { NextToken: page.next } : {}),
  };
};

export const deleteWebAuthnCredential: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  const id = str(input, 'CredentialId');
  const passkeys = passkeysOf(user);
  const index = passkeys.findIndex((p) => p.CredentialId === id);
  if (index < 0) throw resourceNotFound('Credential not found.');
  passkeys.splice(index, 1);
  pool.changed();
  return {};
};

/** The factors this user could sign in with under USER_AUTH, and the MFA they have set up. */
export const getUserAuthFactors: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  const allowed = allowedFirstFactors(pool);
  const factors: string[] = [];
  if (allowed.includes('PASSWORD') && user.srp) factors.push('PASSWORD');
  if (allowed.includes('EMAIL_OTP') && user.attributes.email_verified === 'true') factors.push('EMAIL_OTP');
  if (allowed.includes('SMS_OTP') && user.attributes.phone_number_verified === 'true') factors.push('SMS_OTP');
  if (webAuthnEnabled(pool) && passkeysOf(user).length > 0) factors.push('WEB_AUTHN');
  const mfa: string[] = [];
  if (user.mfa.sms) mfa.push('SMS_MFA');
  if (user.mfa.totpSecret !== undefined) mfa.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.email) mfa.push('EMAIL_OTP');
  return {
    Username: user.username,
    ...(user.mfa.preferred !== undefined ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    UserMFASettingList: mfa,
    ConfiguredUserAuthFactors: factors,
  };
};
