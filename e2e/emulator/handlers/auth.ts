// InitiateAuth / RespondToAuthChallenge (and the Admin twins): every flow and challenge, step by step.
import { randomBytes } from 'node:crypto';
import { finishSignIn, mintTokens, triggerAttributes } from '../authResult.ts';
import type { ClientConfig, MfaType } from '../config.ts';
import { passwordPolicyViolation } from '../config.ts';
import {
  checkSecretHash,
  deliverCode,
  getClient,
  getPool,
  newCode,
  preventsUserExistenceErrors,
  unknownUser,
  type Context,
  type Handler,
} from '../context.ts';
import { CognitoError, codeMismatch, invalidParameter, MESSAGES, notAuthorized, resourceNotFound } from '../errors.ts';
import { isObject, optStr, optStrMap, str, strMap, type Json } from '../input.ts';
import type { AuthSession, ChallengeResult, FlowState } from '../sessions.ts';
import { passwordAttemptLocked, recordWrongPassword } from '../lockout.ts';
import { createServerEphemeral, createVerifier, isValidA, passwordMatches, verifyClaim } from '../srpServer.ts';
import type { Pool, UserRecord } from '../store.ts';
import { totpMatches } from '../totp.ts';
import { answerWebAuthn, firstFactor, userAuth } from './userAuth.ts';

/** Cognito's default when a client lists no flows. */
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'];

const CHALLENGES = [
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

function requireFlow(client: ClientConfig, allow: string, name: string): void {
  const flows = client.ExplicitAuthFlows ?? DEFAULT_FLOWS;
  if (!flows.includes(allow)) throw invalidParameter(`${name} flow not enabled for this client`);
}

export function param(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

export function sessionMinutes(client: ClientConfig): number {
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

function wrongPassword(flow: Flow): CognitoError {
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

function enabledMfas(pool: Pool, user: UserRecord): MfaType[] {
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
  const delivery = deliverCode(flow.ctx, flow.pool, flow.user, channel, code, `Your authentication code is ${code}.`);
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
async function defineNext(flow: Flow): Promise<Json> {
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

/** Unknown user with PreventUserExistenceErrors: a plausible PASSWORD_VERIFIER that can never verify. */
function decoyChallenge(ctx: Context, pool: Pool, client: ClientConfig, username: string): Json {
  const Session = ctx.sessions.issue({
    poolId: pool.id,
    clientId: client.ClientId,
    username: `\0unknown:${username}`,
    step: 'PASSWORD_VERIFIER',
    expiresAt: ctx.clock.now() + sessionMinutes(client) * 60_000,
    state: {},
  });
  const decoy = createVerifier(pool.poolName, username, randomBytes(16).toString('hex'));
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: decoy.salt,
      SRP_B: createServerEphemeral(decoy.verifier).B,
      SECRET_BLOCK: randomBytes(64).toString('base64'),
      USER_ID_FOR_SRP: username,
      USERNAME: username,
    },
    Session,
  };
}

async function preAuthentication(flow: Flow, validationData?: Record<string, string>): Promise<void> {
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

async function refresh(ctx: Context, pool: Pool, client: ClientConfig, params: Record<string, string>): Promise<Json> {
  const token = param(params, 'REFRESH_TOKEN');
  const originJti = pool.refreshByToken.get(token);
  const record = originJti !== undefined ? pool.refresh.get(originJti) : undefined;
  if (record?.clientId !== client.ClientId) throw notAuthorized(MESSAGES.invalidRefreshToken);
  if (record.revoked) throw notAuthorized(MESSAGES.revokedRefreshToken);
  if (record.expiresAt <= ctx.clock.now()) throw notAuthorized(MESSAGES.expiredRefreshToken);
  const user = pool.users.get(record.username);
  if (!user) throw notAuthorized(MESSAGES.invalidRefreshToken);
  checkSecretHash(client, [user.username, user.sub], params.SECRET_HASH);
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  const deviceKey = params.DEVICE_KEY ?? record.deviceKey;
  const tokens = await mintTokens(ctx, pool, client, user, {
    originJti: record.originJti,
    authTime: record.authTime,
    deviceKey,
    source: 'RefreshTokens',
  });
  return {
    ChallengeParameters: {},
    AuthenticationResult: {
      ...tokens,
      ExpiresIn: 60 * (client.AccessTokenValidity ?? 60),
      TokenType: 'Bearer',
    },
  };
}

async function startAuth(ctx: Context, input: Json, adminPool: Pool | undefined): Promise<Json> {
  const authFlow = str(input, 'AuthFlow');
  const { pool, client } = getClient(ctx, str(input, 'ClientId'));
  if (adminPool && adminPool.id !== pool.id)
    throw resourceNotFound(`User pool client ${client.ClientId} does not exist.`);
  const params = optStrMap(input, 'AuthParameters') ?? {};
  const clientMetadata = optStrMap(input, 'ClientMetadata');

  if (authFlow === 'REFRESH_TOKEN_AUTH' || authFlow === 'REFRESH_TOKEN') {
    requireFlow(client, 'ALLOW_REFRESH_TOKEN_AUTH', authFlow);
    return refresh(ctx, pool, client, params);
  }
  const flowNames: Record<string, string> = {
    USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
    USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
    CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
    USER_AUTH: 'ALLOW_USER_AUTH',
    ...(adminPool
      ? {
          ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
          ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        }
      : {}),
  };
  const allow = flowNames[authFlow];
  if (allow === undefined) throw invalidParameter(`Unsupported AuthFlow ${authFlow}`);
  requireFlow(client, allow, authFlow);

  const username = param(params, 'USERNAME');
  const user = pool.findUser(username);
  if (!user) {
    checkSecretHash(client, [username], params.SECRET_HASH);
    if (authFlow === 'USER_SRP_AUTH' && preventsUserExistenceErrors(client))
      return decoyChallenge(ctx, pool, client, username);
    throw unknownUser(client);
  }
  checkSecretHash(client, [username, user.username], params.SECRET_HASH);
  const flow: Flow = {
    ctx,
    pool,
    client,
    user,
    clientMetadata,
    state: { authFlow },
  };
  if (params.DEVICE_KEY !== undefined) flow.state.deviceKey = params.DEVICE_KEY;
  await preAuthentication(flow);

  switch (authFlow) {
    case 'USER_SRP_AUTH':
      if (lockedOut(flow)) throw notAuthorized(MESSAGES.attemptsExceeded);
      return passwordVerifierChallenge(flow, param(params, 'SRP_A'));
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      checkPassword(flow, param(params, 'PASSWORD'));
      checkDevice(flow);
      return afterPassword(flow);
    case 'CUSTOM_AUTH':
      if (params.CHALLENGE_NAME === 'SRP_A') {
        flow.state.custom = {
          history: [{ challengeName: 'SRP_A', challengeResult: true }],
          privateParameters: {},
        };
        const srpA = param(params, 'SRP_A');
        if (!isValidA(srpA)) throw invalidParameter('Invalid SRP_A');
        const srp = user.srp;
        if (!srp) throw notAuthorized(MESSAGES.incorrectPassword);
        flow.state.srp = {
          A: srpA,
          ephemeral: createServerEphemeral(srp.verifier),
          secretBlock: randomBytes(64).toString('base64'),
        };
      } else {
        flow.state.custom = { history: [], privateParameters: {} };
      }
      statusGate(user);
      return defineNext(flow);
    default:
      return userAuth(flow, params, optStr(input, 'Session'));
  }
}

/** A DEVICE_KEY the pool does not know answers "Device does not exist." (the client then forgets it and retries). */
export function checkDevice(flow: Flow): void {
  const key = flow.state.deviceKey;
  if (key === undefined) return;
  const device = flow.pool.devices.get(key);
  if (device?.username !== flow.user.username) throw resourceNotFound('Device does not exist.');
}

export const initiateAuth: Handler = (ctx, input) => startAuth(ctx, input, undefined);

export const adminInitiateAuth: Handler = (ctx, input) => startAuth(ctx, input, getPool(ctx, str(input, 'UserPoolId')));

function codeAnswer(responses: Record<string, string>, name: string): string {
  return param(responses, name);
}

function checkCode(flow: Flow, session: AuthSession, ok: boolean): void {
  if (ok) return;
  flow.ctx.sessions.wrongCode(session, flow.pool.settings.wrongCodeLimit);
  throw codeMismatch();
}

async function respond(ctx: Context, input: Json, adminPool: Pool | undefined): Promise<Json> {
  const { pool, client } = getClient(ctx, str(input, 'ClientId'));
  if (adminPool && adminPool.id !== pool.id)
    throw resourceNotFound(`User pool client ${client.ClientId} does not exist.`);
  const name = str(input, 'ChallengeName');
  if (!(CHALLENGES as readonly string[]).includes(name)) throw invalidParameter(`Invalid ChallengeName ${name}`);
  const responses = strMap(input, 'ChallengeResponses');
  const clientMetadata = optStrMap(input, 'ClientMetadata');
  const sessionId = str(input, 'Session');
  const session = ctx.sessions.open(sessionId, {
    poolId: pool.id,
    clientId: client.ClientId,
    step: name,
    now: ctx.clock.now(),
  });
  const username = param(responses, 'USERNAME');
  const user = pool.users.get(session.username);
  if (!user) {
    ctx.sessions.consume(session);
    throw notAuthorized(MESSAGES.incorrectPassword);
  }
  // A Session belongs to one user: another user's name with it is a swapped Session.
  if (pool.findUser(username) !== user) throw notAuthorized(MESSAGES.invalidSession);
  checkSecretHash(client, [username, user.username], responses.SECRET_HASH);
  const flow: Flow = {
    ctx,
    pool,
    client,
    user,
    clientMetadata,
    state: { ...session.state },
  };
  if (!user.enabled) {
    ctx.sessions.consume(session);
    throw notAuthorized(MESSAGES.userDisabled);
  }

  switch (name) {
    case 'PASSWORD_VERIFIER': {
      if (responses.DEVICE_KEY !== undefined) {
        flow.state.deviceKey = responses.DEVICE_KEY;
        // Before consuming: the official client retries this same request without DEVICE_KEY.
        checkDevice(flow);
      }
      ctx.sessions.consume(session);
      const srp = flow.state.srp;
      if (!srp || !user.srp) throw notAuthorized(MESSAGES.invalidSession);
      if (responses.PASSWORD_CLAIM_SECRET_BLOCK !== srp.secretBlock) throw notAuthorized(MESSAGES.incorrectPassword);
      if (lockedOut(flow)) throw notAuthorized(MESSAGES.attemptsExceeded);
      const ok = verifyClaim({
        A: srp.A,
        ephemeral: srp.ephemeral,
        verifier: user.srp.verifier,
        realm: pool.poolName,
        user: user.username,
        secretBlock: srp.secretBlock,
        timestamp: param(responses, 'TIMESTAMP'),
        signature: param(responses, 'PASSWORD_CLAIM_SIGNATURE'),
      });
      if (!ok) throw wrongPassword(flow);
      delete flow.state.srp;
      if (flow.state.custom) {
        flow.state.custom = {
          ...flow.state.custom,
          history: [...flow.state.custom.history, { challengeName: 'PASSWORD_VERIFIER', challengeResult: true }],
        };
      }
      return afterPassword(flow);
    }
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP': {
      const field = name === 'SMS_MFA' ? 'SMS_MFA_CODE' : name === 'EMAIL_OTP' ? 'EMAIL_OTP_CODE' : 'SMS_OTP_CODE';
      checkCode(flow, session, codeAnswer(responses, field) === flow.state.code);
      ctx.sessions.consume(session);
      return finish(flow);
    }
    case 'SOFTWARE_TOKEN_MFA': {
      const secret = user.mfa.totpSecret;
      if (secret === undefined)
        throw new CognitoError(
          'SoftwareTokenMFANotFoundException',
          'Software token MFA has not been enabled for the user.',
        );
      checkCode(flow, session, totpMatches(secret, codeAnswer(responses, 'SOFTWARE_TOKEN_MFA_CODE'), ctx.clock.now()));
      ctx.sessions.consume(session);
      return finish(flow);
    }
    case 'SELECT_MFA_TYPE': {
      const answer = param(responses, 'ANSWER');
      const choices = enabledMfas(pool, user);
      const pick = choices.find((c) => c === answer || (answer === 'EMAIL_MFA' && c === 'EMAIL_OTP'));
      if (pick === undefined) throw invalidParameter(`Invalid ANSWER ${answer}`);
      ctx.sessions.consume(session);
      return mfaChallenge(flow, pick);
    }
    case 'MFA_SETUP': {
      if (!flow.state.totpVerified) throw notAuthorized(MESSAGES.invalidSession);
      ctx.sessions.consume(session);
      return finish(flow);
    }
    case 'NEW_PASSWORD_REQUIRED': {
      const password = param(responses, 'NEW_PASSWORD');
      const violation = passwordPolicyViolation(pool.settings.passwordPolicy, password);
      if (violation !== undefined) throw new CognitoError('InvalidPasswordException', violation);
      const updates: Record<string, string> = {};
      for (const [key, value] of Object.entries(responses)) {
        if (key.startsWith('userAttributes.')) updates[key.slice('userAttributes.'.length)] = value;
      }
      for (const required of pool.settings.requiredAttributes) {
        if (!user.attributes[required] && !updates[required])
          throw invalidParameter(`Invalid attributes given, ${required} is missing`);
      }
      ctx.sessions.consume(session);
      Object.assign(user.attributes, updates);
      user.srp = createVerifier(pool.poolName, user.username, password);
      user.status = 'CONFIRMED';
      user.updatedAt = ctx.clock.now();
      pool.changed();
      flow.state.newPassword = true;
      if (flow.state.custom) return defineNext(flow);
      // The new password proves the first factor again; MFA (or a remembered device) is still owed.
      return secondFactor(flow);
    }
    case 'DEVICE_SRP_AUTH': {
      const deviceKey = param(responses, 'DEVICE_KEY');
      const device = pool.devices.get(deviceKey);
      if (!device?.srp || device.username !== user.username) throw resourceNotFound('Device does not exist.');
      const srpA = param(responses, 'SRP_A');
      if (!isValidA(srpA)) throw invalidParameter('Invalid SRP_A');
      ctx.sessions.consume(session);
      const ephemeral = createServerEphemeral(device.srp.verifier);
      const secretBlock = randomBytes(64).toString('base64');
      flow.state = {
        ...flow.state,
        deviceKey,
        srp: { A: srpA, ephemeral, secretBlock },
      };
      return challenge(flow, 'DEVICE_PASSWORD_VERIFIER', {
        SALT: device.srp.salt,
        SRP_B: ephemeral.B,
        SECRET_BLOCK: secretBlock,
        USERNAME: user.username,
        USER_ID_FOR_SRP: user.username,
      });
    }
    case 'DEVICE_PASSWORD_VERIFIER': {
      ctx.sessions.consume(session);
      const device = flow.state.deviceKey !== undefined ? pool.devices.get(flow.state.deviceKey) : undefined;
      const srp = flow.state.srp;
      if (!device?.srp || !srp) throw resourceNotFound('Device does not exist.');
      if (responses.PASSWORD_CLAIM_SECRET_BLOCK !== srp.secretBlock) throw notAuthorized(MESSAGES.incorrectPassword);
      const ok = verifyClaim({
        A: srp.A,
        ephemeral: srp.ephemeral,
        verifier: device.srp.verifier,
        realm: device.groupKey,
        user: device.key,
        secretBlock: srp.secretBlock,
        timestamp: param(responses, 'TIMESTAMP'),
        signature: param(responses, 'PASSWORD_CLAIM_SIGNATURE'),
      });
      if (!ok) throw notAuthorized(MESSAGES.incorrectPassword);
      return finish(flow, 'AuthenticateDevice');
    }
    case 'CUSTOM_CHALLENGE': {
      const custom = flow.state.custom;
      if (!custom) throw notAuthorized(MESSAGES.invalidSession);
      ctx.sessions.consume(session);
      const verdict = await ctx.triggers.run({
        pool,
        name: 'VerifyAuthChallengeResponse',
        triggerSource: 'VerifyAuthChallengeResponse_Authentication',
        clientId: client.ClientId,
        userName: user.username,
        request: {
          userAttributes: triggerAttributes(user),
          privateChallengeParameters: custom.privateParameters,
          challengeAnswer: param(responses, 'ANSWER'),
          userNotFound: false,
        },
        clientMetadata,
      });
      const entry: ChallengeResult = {
        challengeName: 'CUSTOM_CHALLENGE',
        challengeResult: verdict?.answerCorrect === true,
        ...(custom.metadata !== undefined ? { challengeMetadata: custom.metadata } : {}),
      };
      flow.state = {
        ...flow.state,
        custom: { history: [...custom.history, entry], privateParameters: {} },
      };
      return defineNext(flow);
    }
    case 'SELECT_CHALLENGE': {
      ctx.sessions.consume(session);
      return firstFactor(flow, param(responses, 'ANSWER'), responses, flow.state.choices);
    }
    case 'WEB_AUTHN':
      ctx.sessions.consume(session);
      return answerWebAuthn(flow, param(responses, 'CREDENTIAL'));
    default:
      throw invalidParameter(`Unsupported challenge ${name}`);
  }
}

export const respondToAuthChallenge: Handler = (ctx, input) => respond(ctx, input, undefined);

export const adminRespondToAuthChallenge: Handler = (ctx, input) =>
  respond(ctx, input, getPool(ctx, str(input, 'UserPoolId')));

/** AssociateSoftwareToken / VerifySoftwareToken during MFA_SETUP: the Session alone names pool, client and user. */
export function openSetupSession(
  ctx: Context,
  sessionId: string,
): { session: AuthSession; pool: Pool; user: UserRecord } {
  const found = ctx.sessions.peek(sessionId);
  if (!found) throw notAuthorized(MESSAGES.invalidSession);
  const session = ctx.sessions.open(sessionId, {
    poolId: found.poolId,
    clientId: found.clientId,
    step: 'MFA_SETUP',
    now: ctx.clock.now(),
  });
  const user = ctx.store.pools.get(session.poolId)?.users.get(session.username);
  const pool = ctx.store.pools.get(session.poolId);
  if (!user || !pool) throw notAuthorized(MESSAGES.invalidSession);
  return { session, pool, user };
}

/** Replaces a setup Session with a new one carrying updated state (Sessions are new on every step). */
export function reissueSetupSession(ctx: Context, session: AuthSession, state: FlowState): string {
  ctx.sessions.consume(session);
  return ctx.sessions.issue({
    poolId: session.poolId,
    clientId: session.clientId,
    username: session.username,
    step: 'MFA_SETUP',
    expiresAt: session.expiresAt,
    state,
  });
}
