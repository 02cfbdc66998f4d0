// TOTP association and verification (by Session or AccessToken), user MFA preferences, pool MFA config.
import type { MfaType } from '../config.ts';
import { authenticate, getPool, requireUser, type Handler } from '../context.ts';
import { CognitoError, invalidParameter } from '../errors.ts';
import { optBool, optObject, optStr, str, type Json } from '../input.ts';
import type { UserRecord } from '../store.ts';
import { newTotpSecret, totpMatches } from '../totp.ts';
import { openSetupSession, reissueSetupSession } from './setupSession.ts';
import { applyWebAuthnConfiguration, webAuthnConfigurationJson } from '../webauthn.ts';

/** Pending secrets of signed-in users (AccessToken variant), until VerifySoftwareToken accepts one. */
const pendingSecrets = new WeakMap<UserRecord, string>();

export const associateSoftwareToken: Handler = async (ctx, input) => {
  const sessionId = optStr(input, 'Session');
  const accessToken = optStr(input, 'AccessToken');
  const SecretCode = newTotpSecret();
  if (accessToken !== undefined) {
    const { user } = await authenticate(ctx, accessToken);
    pendingSecrets.set(user, SecretCode);
    return { SecretCode };
  }
  if (sessionId === undefined) throw invalidParameter('Either AccessToken or Session is required.');
  const { session } = openSetupSession(ctx, sessionId);
  const Session = reissueSetupSession(ctx, session, {
    ...session.state,
    pendingTotpSecret: SecretCode,
  });
  return { SecretCode, Session };
};

function enableTotp(user: UserRecord, secret: string): void {
  user.mfa.totpSecret = secret;
  // Cognito makes a freshly verified TOTP the preferred method when none is set.
  user.mfa.preferred ??= 'SOFTWARE_TOKEN_MFA';
}

export const verifySoftwareToken: Handler = async (ctx, input) => {
  const code = str(input, 'UserCode');
  const sessionId = optStr(input, 'Session');
  const accessToken = optStr(input, 'AccessToken');
  const mismatch = new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch');
  if (accessToken !== undefined) {
    const { user, pool } = await authenticate(ctx, accessToken);
    const secret = pendingSecrets.get(user);
    if (secret === undefined)
      throw new CognitoError(
        'SoftwareTokenMFANotFoundException',
        'Software token MFA has not been associated with the user.',
      );
    if (!totpMatches(secret, code, ctx.clock.now())) throw mismatch;
    pendingSecrets.delete(user);
    enableTotp(user, secret);
    pool.changed();
    return { Status: 'SUCCESS' };
  }
  if (sessionId === undefined) throw invalidParameter('Either AccessToken or Session is required.');
  const { session, pool, user } = openSetupSession(ctx, sessionId);
  const secret = session.state.pendingTotpSecret;
  if (secret === undefined)
    throw new CognitoError(
      'SoftwareTokenMFANotFoundException',
      'Software token MFA has not been associated with the user.',
    );
  if (!totpMatches(secret, code, ctx.clock.now())) {
    ctx.sessions.wrongCode(session, pool.settings.wrongCodeLimit);
    throw mismatch;
  }
  enableTotp(user, secret);
  user.mfaSetupRequired = false;
  pool.changed();
  const Session = reissueSetupSession(ctx, session, {
    ...session.state,
    totpVerified: true,
  });
  return { Status: 'SUCCESS', Session };
};

function applySettings(user: UserRecord, input: Json): void {
  const apply = (member: string, type: MfaType): void => {
    const settings = optObject(input, member);
    if (!settings) return;
    const enabled = optBool(settings, 'Enabled');
    const preferred = optBool(settings, 'PreferredMfa');
    if (enabled === true) {
      if (type === 'SOFTWARE_TOKEN_MFA' && user.mfa.totpSecret === undefined)
        throw new CognitoError(
          'SoftwareTokenMFANotFoundException',
          'Software token MFA has not been enabled for the user.',
        );
      if (type === 'SMS_MFA') user.mfa.sms = true;
      if (type === 'EMAIL_OTP') user.mfa.email = true;
    }
    if (enabled === false) {
      if (type === 'SMS_MFA') user.mfa.sms = false;
      if (type === 'EMAIL_OTP') user.mfa.email = false;
      if (type === 'SOFTWARE_TOKEN_MFA') delete user.mfa.totpSecret;
      if (user.mfa.preferred === type) delete user.mfa.preferred;
    }
    if (preferred === true) user.mfa.preferred = type;
    if (preferred === false && user.mfa.preferred === type) delete user.mfa.preferred;
  };
  apply('SMSMfaSettings', 'SMS_MFA');
  apply('SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA');
  apply('EmailMfaSettings', 'EMAIL_OTP');
}

export const setUserMFAPreference: Handler = async (ctx, input) => {
  const { user, pool } = await authenticate(ctx, str(input, 'AccessToken'));
  applySettings(user, input);
  pool.changed();
  return {};
};

export const adminSetUserMFAPreference: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  applySettings(user, input);
  pool.changed();
  return Promise.resolve({});
};

export const getUserPoolMfaConfig: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const { mfaConfiguration, enabledMfas } = pool.settings;
  return Promise.resolve({
    MfaConfiguration: mfaConfiguration,
    ...(enabledMfas.includes('SMS_MFA')
      ? {
          SmsMfaConfiguration: {
            SmsAuthenticationMessage:
              pool.settings.messages?.SmsAuthenticationMessage ?? 'Your authentication code is {####}.',
            ...(pool.settings.storedOnly?.SmsMfaSmsConfiguration !== undefined
              ? { SmsConfiguration: pool.settings.storedOnly.SmsMfaSmsConfiguration }
              : {}),
          },
        }
      : {}),
    SoftwareTokenMfaConfiguration: {
      Enabled: enabledMfas.includes('SOFTWARE_TOKEN_MFA'),
    },
    ...(enabledMfas.includes('EMAIL_OTP')
      ? {
          EmailMfaConfiguration: {
            Message: pool.settings.messages?.EmailMfaMessage ?? 'Your authentication code is {####}.',
            ...(pool.settings.storedOnly?.EmailMfaSubject !== undefined
              ? { Subject: pool.settings.storedOnly.EmailMfaSubject }
              : {}),
          },
        }
      : {}),
    ...webAuthnConfigurationJson(pool),
  });
};

export const setUserPoolMfaConfig: Handler = async (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  // Every check before anything changes: a refused request stores nothing.
  applyWebAuthnConfiguration(pool, optObject(input, 'WebAuthnConfiguration'));
  const mode = optStr(input, 'MfaConfiguration');
  if (mode !== undefined && mode !== 'OFF' && mode !== 'ON' && mode !== 'OPTIONAL')
    throw invalidParameter(`Invalid MfaConfiguration ${mode}`);
  const sms = optObject(input, 'SmsMfaConfiguration');
  const smsMessage = sms ? optStr(sms, 'SmsAuthenticationMessage') : undefined;
  const email = optObject(input, 'EmailMfaConfiguration');
  const emailMessage = email ? optStr(email, 'Message') : undefined;
  const emailSubject = email ? optStr(email, 'Subject') : undefined;
  if (mode !== undefined) pool.settings.mfaConfiguration = mode;
  const messages = { ...pool.settings.messages };
  if (smsMessage !== undefined) messages.SmsAuthenticationMessage = smsMessage;
  if (emailMessage !== undefined) messages.EmailMfaMessage = emailMessage;
  pool.settings.messages = messages;
  const stored = { ...pool.settings.storedOnly };
  if (sms?.SmsConfiguration !== undefined) stored.SmsMfaSmsConfiguration = sms.SmsConfiguration;
  if (emailSubject !== undefined) stored.EmailMfaSubject = emailSubject;
  pool.settings.storedOnly = stored;
  const enabled = new Set(pool.settings.enabledMfas);
  const toggle = (on: boolean | undefined, type: MfaType): void => {
    if (on === true) enabled.add(type);
    if (on === false) enabled.delete(type);
  };
  if (sms) enabled.add('SMS_MFA');
  const totp = optObject(input, 'SoftwareTokenMfaConfiguration');
  if (totp) toggle(optBool(totp, 'Enabled'), 'SOFTWARE_TOKEN_MFA');
  if (email) enabled.add('EMAIL_OTP');
  pool.settings.enabledMfas = [...enabled];
  pool.settings.lastModifiedAt = ctx.clock.now();
  pool.changed();
  return getUserPoolMfaConfig(ctx, input);
};
