// The steps of one sign-in, shared by InitiateAuth and RespondToAuthChallenge: challenges, factors, lockout, tokens.
import { createHmac, randomBytes } from 'node:crypto';
import { finishSignIn, triggerAttributes } from '../authResult.ts';
import type { ClientConfig, MfaType } from '../config.ts';
import { deliverCode, newCode, type Context } from '../context.ts';
import { CognitoError, invalidParameter, MESSAGES, notAuthorized, resourceNotFound } from '../errors.ts';
import { isObject, type Json } from '../input.ts';
import type { FlowState } from '../sessions.ts';
import { passwordAttemptLocked, recordWrongPassword } from '../lockout.ts';
import { createServerEphemeral, createVerifier, isValidA, passwordMatches } from '../srpServer.ts';
import type { Pool, UserRecord } from '../store.ts';
import { defaultFlows } from './clients.ts';

export const CHALLENGES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'PASSWORD_SRP',
  'WEB_AUTHN',
] as const;

/** One sign-in in progress: who, through which client, with what the caller passed along. */
export interface Flow {
  ctx: Context;
  pool: Pool;
  client: ClientConfig;
  user: UserRecord;
  clientMetadata: Record<string, string> | undefined;
  state: FlowState;
}

export function requireFlow(client: ClientConfig, allow: string, name: string): void {
  const flows = client.ExplicitAuthFlows ?? defaultFlows(client);
  if (!flows.includes(allow)) throw invalidParameter(`${name} flow not enabled for this client`);
}

export function param(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

function sessionMinutes(client: ClientConfig): number {
  return client.AuthSessionValidity ?? 3;
}

/** Answers with a challenge and a fresh Session bound to this user, client and step. */
export function challenge(flow: Flow, name: string, parameters: Record<string, string>, extra: Json = {}): Json {
  const Session = flow.ctx.sessions.issue({
    poolId: flow.pool.id,
    clientId: flow.client.ClientId,
    username: flow.user.username,
    step: name,
    expiresAt: flow.ctx.clock.now() + sessionMinutes(flow.client) * 60_000,
    state: flow.state,
  });
  return {
    ChallengeName: name,
    ChallengeParameters: parameters,
    Session,
    ...extra,
  };
}

/** USER_SRP_AUTH's reply: the server ephemeral B for the user's stored verifier. */
export function passwordVerifierChallenge(flow: Flow, srpA: string): Json {
  if (!isValidA(srpA)) throw invalidParameter('Invalid SRP_A');
  const srp = flow.user.srp;
  if (!srp) throw notAuthorized(MESSAGES.incorrectPassword);
  const ephemeral = createServerEphemeral(srp.verifier);
  const secretBlock = randomBytes(64).toString('base64');
  flow.state = { ...flow.state, srp: { A: srpA, ephemeral, secretBlock } };
  return challenge(flow, 'PASSWORD_VERIFIER', {
    SALT: srp.salt,
    SRP_B: ephemeral.B,
    SECRET_BLOCK: secretBlock,
    USER_ID_FOR_SRP: flow.user.username,
    USERNAME: flow.user.username,
  });
}

/** Asked before every password check: a locked-out user gets "Password attempts exceeded" (see lockout.ts). */
export function lockedOut(flow: Flow): boolean {
  const { settings } = flow.pool;
  if (flow.user.failedPasswordAttempts < settings.passwordAttemptLimit) return false;
  const policy = { limit: settings.passwordAttemptLimit, firstLockoutSeconds: settings.passwordLockoutSeconds ?? 1 };
  const locked = passwordAttemptLocked(flow.user, policy, flow.ctx.clock.now());
  flow.pool.changed();
  return locked;
}

export function wrongPassword(flow: Flow): CognitoError {
  recordWrongPassword(flow.user, flow.ctx.clock.now());
  flow.pool.changed();
  return notAuthorized(MESSAGES.incorrectPassword);
}

/** Status rules once the password is proved: who may go on, who must confirm or reset first. */
export function statusGate(user: UserRecord): void {
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  if (user.status === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', MESSAGES.userNotConfirmed);
  if (user.status === 'RESET_REQUIRED')
    throw new CognitoError('PasswordResetRequiredException', MESSAGES.passwordResetRequired);
}

/** After the first factor: new password, custom challenges, remembered device, MFA, or tokens. */
export async function afterPassword(flow: Flow): Promise<Json> {
  statusGate(flow.user);
  if (flow.user.status === 'FORCE_CHANGE_PASSWORD') {
    const days = flow.pool.settings.passwordPolicy.TemporaryPasswordValidityDays;
    const setAt = flow.user.passwordSetAt ?? flow.user.createdAt;
    if (flow.ctx.clock.now() > setAt + days * 86_400_000)
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    const visible = Object.fromEntries(Object.entries(flow.user.attributes).filter(([name]) => name !== 'sub'));
    const missing = flow.pool.settings.requiredAttributes.filter((name) => !flow.user.attributes[name]);
    return challenge(flow, 'NEW_PASSWORD_REQUIRED', {
      USER_ID_FOR_SRP: flow.user.username,
      userAttributes: JSON.stringify(visible),
      requiredAttributes: JSON.stringify(missing.map((name) => `userAttributes.${name}`)),
    });
  }
  if (flow.state.custom) return defineNext(flow);
  return secondFactor(flow);
}

export function enabledMfas(pool: Pool, user: UserRecord): MfaType[] {
  if (pool.settings.mfaConfiguration === 'OFF') return [];
  const offered = pool.settings.enabledMfas;
  const list: MfaType[] = [];
  if (user.mfa.sms && offered.includes('SMS_MFA') && user.attributes.phone_number) list.push('SMS_MFA');
  if (user.mfa.totpSecret !== undefined && offered.includes('SOFTWARE_TOKEN_MFA')) list.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.email && offered.includes('EMAIL_OTP') && user.attributes.email) list.push('EMAIL_OTP');
  return list;
}

/** Remembered device → DEVICE_SRP_AUTH; else the user's MFA (or MFA_SETUP when required); else tokens. */
export async function secondFactor(flow: Flow): Promise<Json> {
  const deviceKey = flow.state.deviceKey;
  const device = deviceKey !== undefined ? flow.pool.devices.get(deviceKey) : undefined;
  if (device?.srp && device.remembered) return challenge(flow, 'DEVICE_SRP_AUTH', {});
  const mfas = enabledMfas(flow.pool, flow.user);
  if (mfas.length === 0) {
    if (
      flow.pool.settings.mfaConfiguration === 'ON' ||
      (flow.user.mfaSetupRequired && flow.pool.settings.mfaConfiguration !== 'OFF')
    ) {
      if (!flow.pool.settings.enabledMfas.includes('SOFTWARE_TOKEN_MFA'))
        throw new CognitoError('MFAMethodNotFoundException', 'No MFA mechanism registered in the account.');
      return challenge(flow, 'MFA_SETUP', {
        MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']),
      });
    }
    return finish(flow);
  }
  const preferred = flow.user.mfa.preferred;
  const pick =
    preferred !== undefined && mfas.includes(preferred) ? preferred : mfas.length === 1 ? mfas[0] : undefined;
  if (pick === undefined)
    return challenge(flow, 'SELECT_MFA_TYPE', {
      MFAS_CAN_CHOOSE: JSON.stringify(mfas),
    });
  return mfaChallenge(flow, pick);
}

export function mfaChallenge(flow: Flow, mfa: MfaType | 'SMS_OTP'): Json {
  if (mfa === 'SOFTWARE_TOKEN_MFA') return challenge(flow, mfa, {});
  const channel = mfa === 'EMAIL_OTP' ? 'EMAIL' : 'SMS';
  const code = newCode();
  const template =
    (channel === 'SMS'
      ? flow.pool.settings.messages?.SmsAuthenticationMessage
      : flow.pool.settings.messages?.EmailMfaMessage) ?? 'Your authentication code is {####}.';
  const delivery = deliverCode(flow.ctx, flow.pool, flow.user, channel, code, template.replaceAll('{####}', code));
  flow.state = { ...flow.state, code };
  return challenge(flow, mfa, {
    CODE_DELIVERY_DELIVERY_MEDIUM: delivery.DeliveryMedium,
    CODE_DELIVERY_DESTINATION: delivery.Destination,
  });
}

export function finish(
  flow: Flow,
  source: 'Authentication' | 'NewPasswordChallenge' | 'AuthenticateDevice' = 'Authentication',
): Promise<Json> {
  const device = flow.state.deviceKey !== undefined ? flow.pool.devices.get(flow.state.deviceKey) : undefined;
  return finishSignIn(flow.ctx, flow.pool, flow.client, flow.user, {
    deviceKey: device?.srp ? device.key : undefined,
    source: source === 'Authentication' && flow.state.newPassword === true ? 'NewPasswordChallenge' : source,
    clientMetadata: flow.clientMetadata,
  });
}

/** CUSTOM_AUTH: ask the define trigger what comes next, given the challenges answered so far. */
export async function defineNext(flow: Flow): Promise<Json> {
  const custom = flow.state.custom ?? { history: [], privateParameters: {} };
  const { pool, client, user, ctx } = flow;
  const defined = await ctx.triggers.run({
    pool,
    name: 'DefineAuthChallenge',
    triggerSource: 'DefineAuthChallenge_Authentication',
    clientId: client.ClientId,
    userName: user.username,
    request: {
      userAttributes: triggerAttributes(user),
      session: custom.history,
      userNotFound: false,
    },
    clientMetadata: flow.clientMetadata,
  });
  if (!defined) throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
  if (defined.failAuthentication === true) throw notAuthorized(MESSAGES.incorrectPassword);
  if (defined.issueTokens === true) return finish(flow);
  const next = defined.challengeName;
  if (next === 'CUSTOM_CHALLENGE') {
    const created = await ctx.triggers.run({
      pool,
      name: 'CreateAuthChallenge',
      triggerSource: 'CreateAuthChallenge_Authentication',
      clientId: client.ClientId,
      userName: user.username,
      request: {
        userAttributes: triggerAttributes(user),
        challengeName: 'CUSTOM_CHALLENGE',
        session: custom.history,
        userNotFound: false,
      },
      clientMetadata: flow.clientMetadata,
    });
    const publicParameters: Record<string, string> = {};
    const shown = created?.publicChallengeParameters;
    if (isObject(shown)) for (const [key, value] of Object.entries(shown)) publicParameters[key] = String(value);
    const hidden = created?.privateChallengeParameters;
    const metadata = created?.challengeMetadata;
    flow.state = {
      ...flow.state,
      custom: {
        history: custom.history,
        privateParameters: isObject(hidden) ? hidden : {},
        ...(typeof metadata === 'string' ? { metadata } : {}),
      },
    };
    return challenge(flow, 'CUSTOM_CHALLENGE', {
      ...publicParameters,
      USERNAME: user.username,
    });
  }
  if (next === 'PASSWORD_VERIFIER' && flow.state.srp) {
    return challenge(flow, 'PASSWORD_VERIFIER', {
      SALT: user.srp?.salt ?? '',
      SRP_B: flow.state.srp.ephemeral.B,
      SECRET_BLOCK: flow.state.srp.secretBlock,
      USER_ID_FOR_SRP: user.username,
      USERNAME: user.username,
    });
  }
  throw new CognitoError('InvalidLambdaResponseException', 'Invalid lambda response: unsupported challengeName.');
}

/** Per process: decoys are stable while the emulator runs and reveal nothing about real users. */
const DECOY_KEY = randomBytes(32);

/** A version-4-shaped UUID from 16 bytes. */
function uuidFrom(bytes: Buffer): string {
  const hex = Buffer.from(bytes.subarray(0, 16));
  hex[6] = ((hex[6] ?? 0) & 0x0f) | 0x40;
  hex[8] = ((hex[8] ?? 0) & 0x3f) | 0x80;
  const h = hex.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Unknown user with PreventUserExistenceErrors: a plausible PASSWORD_VERIFIER that can never verify. */
export function decoyChallenge(ctx: Context, pool: Pool, client: ClientConfig, username: string): Json {
  const Session = ctx.sessions.issue({
    poolId: pool.id,
    clientId: client.ClientId,
    username: `\0unknown:${username}`,
    step: 'PASSWORD_VERIFIER',
    expiresAt: ctx.clock.now() + sessionMinutes(client) * 60_000,
    state: {},
  });
  // Derived from the name, so every call for the same unknown user shows the same SALT, as a real user's would.
  const seed = createHmac('sha256', DECOY_KEY).update(`${pool.id}\0${username}`).digest();
  // Where email or phone is the username, a real USER_ID_FOR_SRP is a UUID: the decoy shows one too.
  const userId = (pool.settings.usernameAttributes ?? []).length > 0 ? uuidFrom(seed) : username;
  const decoy = createVerifier(
    pool.poolName,
    userId,
    seed.subarray(16).toString('hex'),
    seed.subarray(0, 16).toString('hex'),
  );
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: decoy.salt,
      SRP_B: createServerEphemeral(decoy.verifier).B,
      SECRET_BLOCK: randomBytes(64).toString('base64'),
      USER_ID_FOR_SRP: userId,
      USERNAME: userId,
    },
    Session,
  };
}

export async function preAuthentication(flow: Flow, validationData?: Record<string, string>): Promise<void> {
  await flow.ctx.triggers.run({
    pool: flow.pool,
    name: 'PreAuthentication',
    triggerSource: 'PreAuthentication_Authentication',
    clientId: flow.client.ClientId,
    userName: flow.user.username,
    request: {
      userAttributes: triggerAttributes(flow.user),
      validationData: validationData ?? {},
      userNotFound: false,
    },
    clientMetadata: flow.clientMetadata,
  });
}

export function checkPassword(flow: Flow, password: string): void {
  if (lockedOut(flow)) throw notAuthorized(MESSAGES.attemptsExceeded);
  const srp = flow.user.srp;
  if (!srp || !passwordMatches(srp, flow.pool.poolName, flow.user.username, password)) throw wrongPassword(flow);
}

/** A DEVICE_KEY the pool does not know answers "Device does not exist." (the client then forgets it and retries). */
export function checkDevice(flow: Flow): void {
  const key = flow.state.deviceKey;
  if (key === undefined) return;
  const device = flow.pool.devices.get(key);
  if (device?.username !== flow.user.username) throw resourceNotFound('Device does not exist.');
}
