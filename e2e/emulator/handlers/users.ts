// Self-service users: sign-up and confirmation, password reset and change, attributes, sign-out, deletion.
import { randomUUID } from 'node:crypto';
import { triggerAttributes } from '../authResult.ts';
import { codeChannel, consumeCode, issueCode } from '../codes.ts';
import type { ClientConfig } from '../config.ts';
import { passwordPolicyViolation } from '../config.ts';
import {
  authenticate,
  checkSecretHash,
  getClient,
  preventsUserExistenceErrors,
  secretMatches,
  type CodeDeliveryDetails,
  type Context,
  type Handler,
} from '../context.ts';
import { CognitoError, invalidParameter, MESSAGES, notAuthorized, userNotFound } from '../errors.ts';
import { maskEmail, maskPhone } from '../outbox.ts';
import { optAttributes, optStr, optStrMap, str, type Json } from '../input.ts';
import { checkPasswordless, confirmedSession, signUpSession } from '../signUpSession.ts';
import { createVerifier, passwordMatches } from '../srpServer.ts';
import type { Pool, UserRecord } from '../store.ts';
import { checkNewUsername, usernameAttributeOf } from '../usernames.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The client id admin operations pass to triggers. */
export const ADMIN_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';
const IMMUTABLE = new Set(['sub', 'cognito:user_status']);

export function checkPolicy(pool: Pool, password: string): void {
  const violation = passwordPolicyViolation(pool.settings.passwordPolicy, password);
  if (violation !== undefined) throw new CognitoError('InvalidPasswordException', violation);
}

export function setPassword(pool: Pool, user: UserRecord, password: string): void {
  user.srp = createVerifier(pool.poolName, user.username, password);
  user.failedPasswordAttempts = 0;
}

export function attributeList(user: UserRecord): { Name: string; Value: string }[] {
  return Object.entries({ ...user.attributes, sub: user.sub }).map(([Name, Value]) => ({ Name, Value }));
}

export function checkAttributeUpdates(updates: Record<string, string>): void {
  for (const name of Object.keys(updates)) {
    if (IMMUTABLE.has(name)) throw invalidParameter(`Cannot modify the non-mutable attribute ${name}`);
  }
}

/** A fake delivery for unknown users when PreventUserExistenceErrors hides who exists. */
function simulatedDelivery(username: string): Json {
  const looksLikePhone = username.startsWith('+');
  return {
    CodeDeliveryDetails: {
      Destination: looksLikePhone ? maskPhone(username) : maskEmail(`${username}@example.com`),
      DeliveryMedium: looksLikePhone ? 'SMS' : 'EMAIL',
      AttributeName: looksLikePhone ? 'phone_number' : 'email',
    },
  };
}

function clientAndUser(
  ctx: Context,
  input: Json,
): {
  pool: Pool;
  client: ClientConfig;
  username: string;
  user: UserRecord | undefined;
} {
  const { pool, client } = getClient(ctx, str(input, 'ClientId'));
  const username = str(input, 'Username');
  const user = pool.findUser(username);
  checkSecretHash(
    client,
    user ? [username, user.username] : [username],
    typeof input.SecretHash === 'string' ? input.SecretHash : undefined,
  );
  return { pool, client, username, user };
}

export const signUp: Handler = async (ctx, input) => {
  const { pool, client, username } = clientAndUser(ctx, input);
  if (pool.settings.allowAdminCreateUserOnly === true)
    throw notAuthorized('SignUp is not permitted for this user pool. Only administrators may create users.');
  const password = optStr(input, 'Password');
  const attributes = optAttributes(input, 'UserAttributes') ?? {};
  const clientMetadata = optStrMap(input, 'ClientMetadata');
  checkNewUsername(pool.settings, pool.users.values(), username);
  if (password !== undefined) checkPolicy(pool, password);
  else checkPasswordless(pool);
  checkAttributeUpdates(attributes);
  for (const required of pool.settings.requiredAttributes) {
    if (!attributes[required])
      throw invalidParameter(`Attributes did not conform to the schema: ${required}: The attribute is required`);
  }
  const now = ctx.clock.now();
  const sub = randomUUID();
  // Email or phone as the username: that attribute is set, and the username is the UUID sub.
  const kind = usernameAttributeOf(pool.settings, username);
  const user: UserRecord = {
    username: kind === undefined ? username : sub,
    sub,
    status: 'UNCONFIRMED',
    enabled: true,
    attributes: { ...attributes, ...(kind === undefined ? {} : { [kind]: username }), sub },
    mfa: { sms: false, email: false },
    mfaSetupRequired: false,
    createdAt: now,
    updatedAt: now,
    failedPasswordAttempts: 0,
    codes: {},
  };
  const pre = await ctx.triggers.run({
    pool,
    name: 'PreSignUp',
    triggerSource: 'PreSignUp_SignUp',
    clientId: client.ClientId,
    userName: user.username,
    request: {
      userAttributes: triggerAttributes(user),
      validationData: optStrMap(input, 'ValidationData') ?? null,
    },
    clientMetadata,
    response: {
      autoConfirmUser: false,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    },
  });
  if (password !== undefined) setPassword(pool, user, password);
  pool.users.set(user.username, user);
  if (pre?.autoVerifyEmail === true && user.attributes.email) user.attributes.email_verified = 'true';
  if (pre?.autoVerifyPhone === true && user.attributes.phone_number) user.attributes.phone_number_verified = 'true';
  if (pre?.autoConfirmUser === true) {
    user.status = 'CONFIRMED';
    pool.changed();
    return { UserConfirmed: true, UserSub: sub, ...signUpSession(ctx, pool, client, user) };
  }
  const channel = codeChannel(pool, user);
  pool.changed();
  const session = signUpSession(ctx, pool, client, user);
  if (channel === undefined) return { UserConfirmed: false, UserSub: sub, ...session };
  const delivery = await issueCode(ctx, pool, user, {
    purpose: 'signUp',
    channel,
    source: 'SignUp',
    clientId: client.ClientId,
    clientMetadata,
    ttlMs: DAY_MS,
    template: 'Your verification code is {####}.',
  });
  return { UserConfirmed: false, UserSub: sub, CodeDeliveryDetails: delivery, ...session };
};

async function postConfirmation(
  ctx: Context,
  pool: Pool,
  clientId: string,
  user: UserRecord,
  source: string,
  clientMetadata?: Record<string, string>,
): Promise<void> {
  await ctx.triggers.run({
    pool,
    name: 'PostConfirmation',
    triggerSource: `PostConfirmation_${source}`,
    clientId,
    userName: user.username,
    request: { userAttributes: triggerAttributes(user) },
    clientMetadata,
  });
}

export const confirmSignUp: Handler = async (ctx, input) => {
  const { pool, client, user } = clientAndUser(ctx, input);
  const code = str(input, 'ConfirmationCode');
  const clientMetadata = optStrMap(input, 'ClientMetadata');
  if (!user) {
    if (preventsUserExistenceErrors(client))
      throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    throw userNotFound();
  }
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  consumeCode(ctx, pool, user, 'signUp', code);
  user.status = 'CONFIRMED';
  if (user.attributes.email) user.attributes.email_verified = 'true';
  else if (user.attributes.phone_number) user.attributes.phone_number_verified = 'true';
  user.updatedAt = ctx.clock.now();
  pool.changed();
  await postConfirmation(ctx, pool, client.ClientId, user, 'ConfirmSignUp', clientMetadata);
  return confirmedSession(ctx, pool, client, user, optStr(input, 'Session'));
};

export const resendConfirmationCode: Handler = async (ctx, input) => {
  const { pool, client, username, user } = clientAndUser(ctx, input);
  if (!user) {
    if (preventsUserExistenceErrors(client)) return simulatedDelivery(username);
    throw userNotFound();
  }
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
  const channel = codeChannel(pool, user);
  if (channel === undefined) throw invalidParameter('Cannot send a code: the user has no email or phone_number.');
  const delivery = await issueCode(ctx, pool, user, {
    purpose: 'signUp',
    channel,
    source: 'ResendCode',
    clientId: client.ClientId,
    clientMetadata: optStrMap(input, 'ClientMetadata'),
    ttlMs: DAY_MS,
    template: 'Your verification code is {####}.',
  });
  return { CodeDeliveryDetails: delivery };
};

/**
 * Where a reset code goes: AccountRecoverySetting by priority, where a phone does not qualify while the user has SMS
 * MFA on; without the setting Cognito's legacy order, a verified phone before a verified email.
 */
function recoveryChannel(pool: Pool, user: UserRecord, byAdmin: boolean): 'SMS' | 'EMAIL' | undefined {
  const verified = (attribute: 'email' | 'phone_number'): boolean =>
    Boolean(user.attributes[attribute]) && user.attributes[`${attribute}_verified`] === 'true';
  const order = pool.settings.accountRecovery;
  if (order === undefined || (byAdmin && order.includes('admin_only')))
    return verified('phone_number') ? 'SMS' : verified('email') ? 'EMAIL' : undefined;
  if (order.includes('admin_only')) throw notAuthorized('User password cannot be reset in the current state.');
  for (const mechanism of order) {
    if (mechanism === 'verified_email' && verified('email')) return 'EMAIL';
    if (mechanism === 'verified_phone_number' && verified('phone_number') && !user.mfa.sms) return 'SMS';
  }
  return undefined;
}

export async function sendResetCode(
  ctx: Context,
  pool: Pool,
  clientId: string,
  user: UserRecord,
  clientMetadata?: Record<string, string>,
): Promise<CodeDeliveryDetails> {
  const channel = recoveryChannel(pool, user, clientId === ADMIN_CLIENT);
  if (channel === undefined)
    throw invalidParameter(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  return issueCode(ctx, pool, user, {
    purpose: 'forgotPassword',
    channel,
    source: 'ForgotPassword',
    clientId,
    clientMetadata,
    ttlMs: HOUR_MS,
    template: 'Your password reset code is {####}.',
  });
}

export const forgotPassword: Handler = async (ctx, input) => {
  const { pool, client, username, user } = clientAndUser(ctx, input);
  if (!user) {
    if (preventsUserExistenceErrors(client)) return simulatedDelivery(username);
    throw userNotFound();
  }
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  return {
    CodeDeliveryDetails: await sendResetCode(ctx, pool, client.ClientId, user, optStrMap(input, 'ClientMetadata')),
  };
};

export const confirmForgotPassword: Handler = async (ctx, input) => {
  const { pool, client, user } = clientAndUser(ctx, input);
  const code = str(input, 'ConfirmationCode');
  const password = str(input, 'Password');
  if (!user) {
    if (preventsUserExistenceErrors(client))
      throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    throw userNotFound();
  }
  checkPolicy(pool, password);
  consumeCode(ctx, pool, user, 'forgotPassword', code);
  setPassword(pool, user, password);
  const wasReset = user.status === 'RESET_REQUIRED';
  if (user.status !== 'UNCONFIRMED') user.status = 'CONFIRMED';
  user.updatedAt = ctx.clock.now();
  pool.changed();
  if (wasReset || user.status === 'CONFIRMED')
    await postConfirmation(
      ctx,
      pool,
      client.ClientId,
      user,
      'ConfirmForgotPassword',
      optStrMap(input, 'ClientMetadata'),
    );
  return {};
};

export const changePassword: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  const previous = str(input, 'PreviousPassword');
  const proposed = str(input, 'ProposedPassword');
  if (!user.srp || !passwordMatches(user.srp, pool.poolName, user.username, previous)) {
    throw notAuthorized(MESSAGES.incorrectPassword);
  }
  checkPolicy(pool, proposed);
  setPassword(pool, user, proposed);
  user.updatedAt = ctx.clock.now();
  pool.changed();
  return {};
};

export function mfaSettings(user: UserRecord): Json {
  const list: string[] = [];
  if (user.mfa.sms) list.push('SMS_MFA');
  if (user.mfa.totpSecret !== undefined) list.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.email) list.push('EMAIL_OTP');
  return {
    ...(user.mfa.preferred !== undefined ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    ...(list.length > 0 ? { UserMFASettingList: list } : {}),
  };
}

export const getUser: Handler = async (ctx, input) => {
  const { user } = await authenticate(ctx, str(input, 'AccessToken'));
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    ...mfaSettings(user),
  };
};

/** Applies attribute changes; a changed email/phone becomes unverified. Returns the attributes that need a code. */
export function applyAttributes(
  user: UserRecord,
  updates: Record<string, string>,
  now: number,
): ('email' | 'phone_number')[] {
  checkAttributeUpdates(updates);
  const toVerify: ('email' | 'phone_number')[] = [];
  for (const [name, value] of Object.entries(updates)) {
    const changed = user.attributes[name] !== value;
    user.attributes[name] = value;
    if ((name === 'email' || name === 'phone_number') && changed && updates[`${name}_verified`] !== 'true') {
      user.attributes[`${name}_verified`] = 'false';
      toVerify.push(name);
    }
  }
  user.updatedAt = now;
  return toVerify;
}

export const updateUserAttributes: Handler = async (ctx, input) => {
  const { pool, user, claims } = await authenticate(ctx, str(input, 'AccessToken'));
  const updates = optAttributes(input, 'UserAttributes');
  if (!updates)
    throw invalidParameter(
      "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
    );
  const toVerify = applyAttributes(user, updates, ctx.clock.now());
  pool.changed();
  const CodeDeliveryDetailsList: CodeDeliveryDetails[] = [];
  for (const attribute of toVerify) {
    CodeDeliveryDetailsList.push(
      await issueCode(ctx, pool, user, {
        purpose: `attribute:${attribute}`,
        channel: attribute === 'email' ? 'EMAIL' : 'SMS',
        source: 'UpdateUserAttribute',
        clientId: typeof claims.client_id === 'string' ? claims.client_id : '',
        clientMetadata: optStrMap(input, 'ClientMetadata'),
        ttlMs: DAY_MS,
        template: 'Your verification code is {####}.',
      }),
    );
  }
  return { CodeDeliveryDetailsList };
};

function verifiable(name: string): 'email' | 'phone_number' {
  if (name !== 'email' && name !== 'phone_number')
    throw invalidParameter(`Invalid attribute name ${name}: only email and phone_number can be verified`);
  return name;
}

export const getUserAttributeVerificationCode: Handler = async (ctx, input) => {
  const { pool, user, claims } = await authenticate(ctx, str(input, 'AccessToken'));
  const attribute = verifiable(str(input, 'AttributeName'));
  if (!user.attributes[attribute]) throw invalidParameter(`The user has no ${attribute}`);
  const delivery = await issueCode(ctx, pool, user, {
    purpose: `attribute:${attribute}`,
    channel: attribute === 'email' ? 'EMAIL' : 'SMS',
    source: 'VerifyUserAttribute',
    clientId: typeof claims.client_id === 'string' ? claims.client_id : '',
    clientMetadata: optStrMap(input, 'ClientMetadata'),
    ttlMs: DAY_MS,
    template: 'Your verification code is {####}.',
  });
  return { CodeDeliveryDetails: delivery };
};

export const verifyUserAttribute: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  const attribute = verifiable(str(input, 'AttributeName'));
  consumeCode(ctx, pool, user, `attribute:${attribute}`, str(input, 'Code'));
  user.attributes[`${attribute}_verified`] = 'true';
  pool.changed();
  return {};
};

export function removeUser(pool: Pool, user: UserRecord): void {
  pool.users.delete(user.username);
  for (const [key, device] of pool.devices) if (device.username === user.username) pool.devices.delete(key);
  for (const [jti, record] of pool.refresh) {
    if (record.username === user.username) {
      pool.refresh.delete(jti);
      pool.refreshByToken.delete(record.token);
    }
  }
  pool.changed();
}

export const deleteUser: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  removeUser(pool, user);
  return {};
};

export const globalSignOut: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  pool.revokeAllFor(user.username);
  return {};
};

export const revokeToken: Handler = (ctx, input) => {
  const token = str(input, 'Token');
  const { pool, client } = getClient(ctx, str(input, 'ClientId'));
  if (client.ClientSecret !== undefined && !secretMatches(client.ClientSecret, optStr(input, 'ClientSecret')))
    throw notAuthorized(`Unable to verify secret hash for client ${client.ClientId}`);
  if (client.EnableTokenRevocation === false)
    throw new CognitoError('UnsupportedOperationException', 'Token revocation is not enabled for this app client.');
  const originJti = pool.refreshByToken.get(token);
  const record = originJti !== undefined ? pool.refresh.get(originJti) : undefined;
  if (record?.clientId === client.ClientId) {
    record.revoked = true;
    pool.changed();
  }
  return Promise.resolve({});
};
