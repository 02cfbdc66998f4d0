// InitiateAuth / RespondToAuthChallenge (and the Admin twins): every flow and challenge, step by step.
import { randomBytes } from 'node:crypto';
import { passwordPolicyViolation } from '../config.ts';
import {
  checkSecretHash,
  getClient,
  getPool,
  preventsUserExistenceErrors,
  unknownUser,
  type Context,
  type Handler,
} from '../context.ts';
import { CognitoError, codeMismatch, invalidParameter, MESSAGES, notAuthorized, resourceNotFound } from '../errors.ts';
import { optStr, optStrMap, str, strMap, type Json } from '../input.ts';
import type { AuthSession, ChallengeResult } from '../sessions.ts';
import { triggerAttributes } from '../authResult.ts';
import { createServerEphemeral, createVerifier, isValidA, verifyClaim } from '../srpServer.ts';
import type { Pool } from '../store.ts';
import { totpMatches } from '../totp.ts';
import { refreshTokenAuth } from './refresh.ts';
import {
  afterPassword,
  challenge,
  CHALLENGES,
  checkDevice,
  checkPassword,
  decoyChallenge,
  defineNext,
  enabledMfas,
  finish,
  lockedOut,
  mfaChallenge,
  param,
  passwordVerifierChallenge,
  preAuthentication,
  requireFlow,
  secondFactor,
  statusGate,
  wrongPassword,
  type Flow,
} from './signInSteps.ts';
import { answerWebAuthn, firstFactor, userAuth } from './userAuth.ts';

async function startAuth(ctx: Context, input: Json, adminPool: Pool | undefined, managedLogin = false): Promise<Json> {
  const authFlow = str(input, 'AuthFlow');
  const { pool, client } = getClient(ctx, str(input, 'ClientId'));
  if (adminPool && adminPool.id !== pool.id)
    throw resourceNotFound(`User pool client ${client.ClientId} does not exist.`);
  const params = optStrMap(input, 'AuthParameters') ?? {};
  const clientMetadata = optStrMap(input, 'ClientMetadata');

  if (authFlow === 'REFRESH_TOKEN_AUTH' || authFlow === 'REFRESH_TOKEN') {
    requireFlow(client, 'ALLOW_REFRESH_TOKEN_AUTH', authFlow);
    return refreshTokenAuth(ctx, pool, client, params);
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
  if (!managedLogin) requireFlow(client, allow, authFlow);

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

export const initiateAuth: Handler = (ctx, input) => startAuth(ctx, input, undefined);

/** Managed login's password step: ExplicitAuthFlows govern the API only, not the hosted page. */
export const managedLoginInitiateAuth: Handler = (ctx, input) => startAuth(ctx, input, undefined, true);

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
      // A code received by SMS proves the phone number, as Cognito then marks it verified.
      if (name !== 'EMAIL_OTP' && user.attributes.phone_number_verified !== 'true') {
        user.attributes.phone_number_verified = 'true';
        pool.changed();
      }
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
