// Admin operations (SigV4-signed on AWS; any credentials here): pools, app clients, and users.
import { randomInt } from 'node:crypto';
import { deliverCode, getPool, requireUser, type Handler } from '../context.ts';
import { CognitoError, invalidParameter } from '../errors.ts';
import { optAttributes, optBool, optStr, optStrList, optStrMap, str, type Json } from '../input.ts';
import { userFromSeed, type Pool, type UserRecord } from '../store.ts';
import { checkNewUsername } from '../usernames.ts';
import { triggerAttributes } from '../authResult.ts';
import { issueCode } from '../codes.ts';
import { page } from '../paging.ts';
import {
  applyAttributes,
  attributeList,
  checkPolicy,
  mfaSettings,
  removeUser,
  sendResetCode,
  setPassword,
} from './users.ts';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function randomId(length: number, alphabet = ALPHANUMERIC): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(randomInt(alphabet.length));
  return out;
}

const seconds = (ms: number): number => ms / 1000;

function userType(user: UserRecord, attributesKey: 'Attributes' | 'UserAttributes'): Json {
  return {
    Username: user.username,
    [attributesKey]: attributeList(user),
    UserCreateDate: seconds(user.createdAt),
    UserLastModifiedDate: seconds(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** A temporary password that meets the default policy. */
function temporaryPassword(): string {
  return `${randomId(4, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}${randomId(4, 'abcdefghijkmnpqrstuvwxyz')}${randomId(2, '23456789')}!`;
}

export const adminCreateUser: Handler = async (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const username = str(input, 'Username');
  const attributes = optAttributes(input, 'UserAttributes') ?? {};
  const action = optStr(input, 'MessageAction');
  if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND')
    throw invalidParameter(`Invalid MessageAction ${action}`);
  const existing = pool.findUser(username);
  if (action === 'RESEND') {
    if (!existing) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    if (existing.status !== 'FORCE_CHANGE_PASSWORD')
      throw new CognitoError(
        'UnsupportedUserStateException',
        'Resend not possible. ' + existing.username + ' status is not FORCE_CHANGE_PASSWORD.',
      );
  } else if (existing?.username === username) {
    throw new CognitoError('UsernameExistsException', 'User account already exists');
  } else {
    checkNewUsername(pool.settings, pool.users.values(), username);
  }
  const password = optStr(input, 'TemporaryPassword') ?? temporaryPassword();
  checkPolicy(pool, password);
  const clientMetadata = optStrMap(input, 'ClientMetadata');
  const user =
    existing ??
    userFromSeed(
      pool,
      {
        Username: username,
        TemporaryPassword: password,
        Attributes: attributes,
      },
      ctx.clock.now(),
    );
  if (existing) {
    // RESEND: a new temporary password, valid for TemporaryPasswordValidityDays from now.
    setPassword(pool, user, password);
    user.passwordSetAt = ctx.clock.now();
  } else {
    await ctx.triggers.run({
      pool,
      name: 'PreSignUp',
      triggerSource: 'PreSignUp_AdminCreateUser',
      clientId: 'CLIENT_ID_NOT_APPLICABLE',
      userName: user.username,
      request: {
        userAttributes: triggerAttributes(user),
        validationData: null,
      },
      clientMetadata,
    });
    pool.users.set(user.username, user);
  }
  pool.changed();
  if (action !== 'SUPPRESS') {
    const mediums = optStrList(input, 'DesiredDeliveryMediums') ?? ['SMS'];
    // One CustomMessage_AdminCreateUser call shapes the invitation: {username} and {####} (the temporary password)
    // are placeholders the trigger's text must keep, as in Cognito.
    const custom = await ctx.triggers.run({
      pool,
      name: 'CustomMessage',
      triggerSource: 'CustomMessage_AdminCreateUser',
      clientId: 'CLIENT_ID_NOT_APPLICABLE',
      userName: username,
      request: {
        userAttributes: triggerAttributes(user),
        codeParameter: '{####}',
        usernameParameter: '{username}',
        linkParameter: null,
      },
      clientMetadata,
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    });
    for (const medium of mediums) {
      const channel = medium === 'EMAIL' ? 'EMAIL' : 'SMS';
      if (!user.attributes[channel === 'EMAIL' ? 'email' : 'phone_number']) continue;
      const override = channel === 'SMS' ? custom?.smsMessage : custom?.emailMessage;
      const invite = pool.settings.inviteMessageTemplate;
      const template =
        typeof override === 'string' && override.includes('{####}')
          ? override
          : ((channel === 'SMS' ? invite?.SMSMessage : invite?.EmailMessage) ??
            'Your username is {username} and temporary password is {####}.');
      // The invitation carries the temporary password itself, as Cognito's does; it goes to the outbox only.
      deliverCode(
        ctx,
        pool,
        user,
        channel,
        password,
        template.replaceAll('{username}', username).replaceAll('{####}', password),
      );
    }
  }
  return { User: userType(user, 'Attributes') };
};

export const adminSetUserPassword: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  const password = str(input, 'Password');
  checkPolicy(pool, password);
  setPassword(pool, user, password);
  user.passwordSetAt = ctx.clock.now();
  user.status = optBool(input, 'Permanent') === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.updatedAt = ctx.clock.now();
  pool.changed();
  return Promise.resolve({});
};

export const adminGetUser: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  return Promise.resolve({
    ...userType(user, 'UserAttributes'),
    ...mfaSettings(user),
  });
};

export const adminDeleteUser: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  removeUser(pool, requireUser(pool, str(input, 'Username')));
  return Promise.resolve({});
};

function setEnabled(enabled: boolean): Handler {
  return (ctx, input) => {
    const pool = getPool(ctx, str(input, 'UserPoolId'));
    const user = requireUser(pool, str(input, 'Username'));
    user.enabled = enabled;
    user.updatedAt = ctx.clock.now();
    // Disabling signs the user out everywhere, as Cognito does.
    if (!enabled) pool.revokeAllFor(user.username);
    pool.changed();
    return Promise.resolve({});
  };
}
export const adminDisableUser = setEnabled(false);
export const adminEnableUser = setEnabled(true);

const FILTERABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

/**
 * ListUsers `Filter`: `name = "value"` (exact) or `name ^= "value"` (starts with), the name optionally quoted and `\"`
 * a quote inside the value. Case rules of the API reference: `cognito:user_status` matches in any case; `username`
 * follows the pool's UsernameConfiguration; the rest match exactly.
 */
function parseFilter(pool: Pool, filter: string): (user: UserRecord) => boolean {
  const match = /^\s*("?)([\w:]+)\1\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  const name = match?.[2];
  const value = match?.[4];
  if (!match || name === undefined || value === undefined || !FILTERABLE.has(name))
    throw invalidParameter('Invalid search filter');
  const read = (user: UserRecord): string | undefined => {
    if (name === 'username') return user.username;
    if (name === 'cognito:user_status') return user.status;
    if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled';
    if (name === 'sub') return user.sub;
    return user.attributes[name];
  };
  const anyCase = name === 'cognito:user_status' || (name === 'username' && pool.settings.caseSensitive === false);
  const fold = (text: string): string => (anyCase ? text.toLowerCase() : text);
  const wanted = fold(value.replace(/\\(.)/g, '$1'));
  const matches =
    match[3] === '^=' ? (text: string) => fold(text).startsWith(wanted) : (text: string) => fold(text) === wanted;
  return (user) => {
    const text = read(user);
    return text !== undefined && matches(text);
  };
}

export const listUsers: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const filter = optStr(input, 'Filter');
  const users = [...pool.users.values()].filter(
    filter !== undefined && filter !== '' ? parseFilter(pool, filter) : () => true,
  );
  const { items, next } = page(users, input, 'Limit', 'PaginationToken', [0, 60]);
  const wanted = optStrList(input, 'AttributesToGet');
  return Promise.resolve({
    Users: items.map((user) => {
      const type = userType(user, 'Attributes');
      if (!wanted) return type;
      return {
        ...type,
        Attributes: attributeList(user).filter((a) => wanted.includes(a.Name)),
      };
    }),
    ...(next !== undefined ? { PaginationToken: next } : {}),
  });
};

export const adminConfirmSignUp: Handler = async (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  if (user.status !== 'UNCONFIRMED')
    throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
  user.status = 'CONFIRMED';
  user.updatedAt = ctx.clock.now();
  pool.changed();
  await ctx.triggers.run({
    pool,
    name: 'PostConfirmation',
    triggerSource: 'PostConfirmation_ConfirmSignUp',
    clientId: 'CLIENT_ID_NOT_APPLICABLE',
    userName: user.username,
    request: { userAttributes: triggerAttributes(user) },
    clientMetadata: optStrMap(input, 'ClientMetadata'),
  });
  return {};
};

export const adminUpdateUserAttributes: Handler = async (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  const updates = optAttributes(input, 'UserAttributes');
  if (!updates)
    throw invalidParameter(
      "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
    );
  const toVerify = applyAttributes(user, updates, ctx.clock.now());
  pool.changed();
  for (const attribute of toVerify) {
    await issueCode(ctx, pool, user, {
      purpose: `attribute:${attribute}`,
      channel: attribute === 'email' ? 'EMAIL' : 'SMS',
      source: 'UpdateUserAttribute',
      clientId: 'CLIENT_ID_NOT_APPLICABLE',
      clientMetadata: optStrMap(input, 'ClientMetadata'),
      ttlMs: 86_400_000,
      template: 'Your verification code is {####}.',
    });
  }
  return {};
};

export const adminResetUserPassword: Handler = async (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  await sendResetCode(ctx, pool, 'CLIENT_ID_NOT_APPLICABLE', user, optStrMap(input, 'ClientMetadata'));
  user.status = 'RESET_REQUIRED';
  user.updatedAt = ctx.clock.now();
  pool.changed();
  return {};
};

export const adminUserGlobalSignOut: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  pool.revokeAllFor(requireUser(pool, str(input, 'Username')).username);
  return Promise.resolve({});
};
