// Admin operations (SigV4-signed on AWS; any credentials here): pools, app clients, and users.
import { randomBytes, randomInt } from 'node:crypto';
import type { ClientConfig, PoolConfig } from '../config.ts';
import { deliverCode, getPool, requireUser, type Handler } from '../context.ts';
import { CognitoError, invalidParameter, resourceNotFound } from '../errors.ts';
import {
  isObject,
  optAttributes,
  optBool,
  optInt,
  optIntInRange,
  optObject,
  optStr,
  optStrList,
  optStrMap,
  str,
  type Json,
} from '../input.ts';
import { userFromSeed, type Pool, type UserRecord } from '../store.ts';
import { triggerAttributes } from '../authResult.ts';
import { issueCode } from '../codes.ts';
import { pageFrom, pageSize } from '../paging.ts';
import { clientOAuthView, readClientOAuth } from '../oauth/clientSettings.ts';
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

function poolType(pool: Pool): Json {
  const s = pool.settings;
  return {
    Id: pool.id,
    Name: s.name,
    Arn: `arn:aws:cognito-idp:${pool.region}:000000000000:userpool/${pool.id}`,
    Policies: { PasswordPolicy: s.passwordPolicy },
    MfaConfiguration: s.mfaConfiguration,
    ...(s.deviceConfiguration ? { DeviceConfiguration: s.deviceConfiguration } : {}),
    AutoVerifiedAttributes: s.autoVerifiedAttributes,
    SchemaAttributes: s.requiredAttributes.map((Name) => ({
      Name,
      AttributeDataType: 'String',
      Required: true,
      Mutable: true,
    })),
    LambdaConfig: Object.fromEntries(Object.entries(s.lambdaConfig).filter(([, v]) => typeof v === 'string')),
    EstimatedNumberOfUsers: pool.users.size,
    CreationDate: seconds(s.createdAt),
    LastModifiedDate: seconds(s.lastModifiedAt),
  };
}

/** Reads the pool settings CreateUserPool / UpdateUserPool accept into our config shape. */
function poolConfigFrom(input: Json, id: string, name: string): PoolConfig {
  const policies = optObject(input, 'Policies');
  const passwordPolicy = policies ? optObject(policies, 'PasswordPolicy') : undefined;
  const device = optObject(input, 'DeviceConfiguration');
  const schema = input.Schema;
  const required = Array.isArray(schema)
    ? schema
        .filter(isObject)
        .filter((a) => a.Required === true)
        .map((a) => str(a, 'Name'))
    : undefined;
  const mfa = optStr(input, 'MfaConfiguration');
  if (mfa !== undefined && mfa !== 'OFF' && mfa !== 'ON' && mfa !== 'OPTIONAL')
    throw invalidParameter(`Invalid MfaConfiguration ${mfa}`);
  const lambda = optStrMap(input, 'LambdaConfig');
  const auto = optStrList(input, 'AutoVerifiedAttributes')?.filter(
    (a): a is 'email' | 'phone_number' => a === 'email' || a === 'phone_number',
  );
  return {
    Id: id,
    Name: name,
    ...(mfa !== undefined ? { MfaConfiguration: mfa } : {}),
    ...(passwordPolicy
      ? {
          Policies: {
            PasswordPolicy: {
              ...(optInt(passwordPolicy, 'MinimumLength') !== undefined
                ? {
                    MinimumLength: optInt(passwordPolicy, 'MinimumLength') ?? 8,
                  }
                : {}),
              ...boolMember(passwordPolicy, 'RequireUppercase'),
              ...boolMember(passwordPolicy, 'RequireLowercase'),
              ...boolMember(passwordPolicy, 'RequireNumbers'),
              ...boolMember(passwordPolicy, 'RequireSymbols'),
            },
          },
        }
      : {}),
    ...(device
      ? {
          DeviceConfiguration: {
            ChallengeRequiredOnNewDevice: optBool(device, 'ChallengeRequiredOnNewDevice') ?? false,
            DeviceOnlyRememberedOnUserPrompt: optBool(device, 'DeviceOnlyRememberedOnUserPrompt') ?? false,
          },
        }
      : {}),
    ...(required ? { RequiredAttributes: required } : {}),
    ...(auto ? { AutoVerifiedAttributes: auto } : {}),
    ...(lambda ? { LambdaConfig: lambda } : {}),
  };
}

function boolMember(
  input: Json,
  name: 'RequireUppercase' | 'RequireLowercase' | 'RequireNumbers' | 'RequireSymbols',
): Partial<Record<typeof name, boolean>> {
  const value = optBool(input, name);
  return value === undefined ? {} : { [name]: value };
}

export const createUserPool: Handler = (ctx, input) => {
  const name = str(input, 'PoolName');
  const id = `us-east-1_${randomId(9)}`;
  const pool = ctx.store.createPool(poolConfigFrom(input, id, name), ctx.clock.now());
  return Promise.resolve({ UserPool: poolType(pool) });
};

export const updateUserPool: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const config = poolConfigFrom(input, pool.id, pool.settings.name);
  const s = pool.settings;
  if (config.MfaConfiguration !== undefined) s.mfaConfiguration = config.MfaConfiguration;
  if (config.Policies?.PasswordPolicy)
    s.passwordPolicy = {
      ...s.passwordPolicy,
      ...config.Policies.PasswordPolicy,
    };
  if (config.DeviceConfiguration) {
    s.deviceConfiguration = {
      ChallengeRequiredOnNewDevice: config.DeviceConfiguration.ChallengeRequiredOnNewDevice ?? false,
      DeviceOnlyRememberedOnUserPrompt: config.DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt ?? false,
    };
  }
  if (config.AutoVerifiedAttributes) s.autoVerifiedAttributes = config.AutoVerifiedAttributes;
  if (config.LambdaConfig) s.lambdaConfig = { ...s.lambdaConfig, ...config.LambdaConfig };
  s.lastModifiedAt = ctx.clock.now();
  pool.changed();
  return Promise.resolve({});
};

export const describeUserPool: Handler = (ctx, input) =>
  Promise.resolve({
    UserPool: poolType(getPool(ctx, str(input, 'UserPoolId'))),
  });

/** Pages over a list with Cognito's NextToken/PaginationToken convention. */
function page<T>(
  items: T[],
  input: Json,
  limitName: string,
  tokenName: string,
  range: readonly [min: number, max: number],
): { items: T[]; next?: string } {
  const limit = pageSize(optIntInRange(input, limitName, range[0], range[1]), range[1]);
  return pageFrom(items, limit, optStr(input, tokenName), tokenName);
}

export const listUserPools: Handler = (ctx, input) => {
  if (optInt(input, 'MaxResults') === undefined)
    throw invalidParameter(
      "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    );
  const pools = [...ctx.store.pools.values()];
  const { items, next } = page(pools, input, 'MaxResults', 'NextToken', [1, 60]);
  return Promise.resolve({
    UserPools: items.map((p) => ({
      Id: p.id,
      Name: p.settings.name,
      CreationDate: seconds(p.settings.createdAt),
      LastModifiedDate: seconds(p.settings.lastModifiedAt),
    })),
    ...(next !== undefined ? { NextToken: next } : {}),
  });
};

export const deleteUserPool: Handler = async (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  await ctx.store.deletePool(pool.id);
  return {};
};

function clientType(pool: Pool, client: ClientConfig): Json {
  return {
    UserPoolId: pool.id,
    ClientId: client.ClientId,
    ClientName: client.ClientName ?? client.ClientId,
    ...(client.ClientSecret !== undefined ? { ClientSecret: client.ClientSecret } : {}),
    ExplicitAuthFlows: client.ExplicitAuthFlows ?? [
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_CUSTOM_AUTH',
    ],
    PreventUserExistenceErrors: client.PreventUserExistenceErrors ?? 'LEGACY',
    AuthSessionValidity: client.AuthSessionValidity ?? 3,
    AccessTokenValidity: client.AccessTokenValidity ?? 60,
    IdTokenValidity: client.IdTokenValidity ?? 60,
    RefreshTokenValidity: client.RefreshTokenValidity ?? 30,
    TokenValidityUnits: {
      AccessToken: 'minutes',
      IdToken: 'minutes',
      RefreshToken: 'days',
    },
    ...clientOAuthView(client),
  };
}

export const createUserPoolClient: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const session = optInt(input, 'AuthSessionValidity');
  if (session !== undefined && (session < 3 || session > 15))
    throw invalidParameter('AuthSessionValidity must be between 3 and 15 minutes');
  const pue = optStr(input, 'PreventUserExistenceErrors');
  if (pue !== undefined && pue !== 'ENABLED' && pue !== 'LEGACY')
    throw invalidParameter(`Invalid PreventUserExistenceErrors ${pue}`);
  const flows = optStrList(input, 'ExplicitAuthFlows');
  const access = optInt(input, 'AccessTokenValidity');
  const id = optInt(input, 'IdTokenValidity');
  const refresh = optInt(input, 'RefreshTokenValidity');
  const client: ClientConfig = {
    ClientId: randomId(26, 'abcdefghijklmnopqrstuvwxyz0123456789'),
    ClientName: str(input, 'ClientName'),
    ...(optBool(input, 'GenerateSecret') === true
      ? { ClientSecret: randomBytes(39).toString('base64url').slice(0, 51) }
      : {}),
    ...(flows ? { ExplicitAuthFlows: flows } : {}),
    ...(pue !== undefined ? { PreventUserExistenceErrors: pue } : {}),
    ...(session !== undefined ? { AuthSessionValidity: session } : {}),
    ...(access !== undefined ? { AccessTokenValidity: access } : {}),
    ...(id !== undefined ? { IdTokenValidity: id } : {}),
    ...(refresh !== undefined ? { RefreshTokenValidity: refresh } : {}),
  };
  Object.assign(client, readClientOAuth(pool, input, client.ClientSecret !== undefined));
  pool.clients.set(client.ClientId, client);
  pool.changed();
  return Promise.resolve({ UserPoolClient: clientType(pool, client) });
};

function requireClient(pool: Pool, clientId: string): ClientConfig {
  const client = pool.clients.get(clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

export const describeUserPoolClient: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  return Promise.resolve({
    UserPoolClient: clientType(pool, requireClient(pool, str(input, 'ClientId'))),
  });
};

export const listUserPoolClients: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const { items, next } = page([...pool.clients.values()], input, 'MaxResults', 'NextToken', [1, 60]);
  return Promise.resolve({
    UserPoolClients: items.map((c) => ({
      UserPoolId: pool.id,
      ClientId: c.ClientId,
      ClientName: c.ClientName ?? c.ClientId,
    })),
    ...(next !== undefined ? { NextToken: next } : {}),
  });
};

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
  const existing = pool.users.get(username);
  if (action === 'RESEND') {
    if (!existing) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    if (existing.status !== 'FORCE_CHANGE_PASSWORD')
      throw new CognitoError(
        'UnsupportedUserStateException',
        'Resend not possible. ' + existing.username + ' status is not FORCE_CHANGE_PASSWORD.',
      );
  } else if (existing) {
    throw new CognitoError('UsernameExistsException', 'User account already exists');
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
  if (existing) setPassword(pool, user, password);
  else {
    await ctx.triggers.run({
      pool,
      name: 'PreSignUp',
      triggerSource: 'PreSignUp_AdminCreateUser',
      clientId: 'CLIENT_ID_NOT_APPLICABLE',
      userName: username,
      request: {
        userAttributes: triggerAttributes(user),
        validationData: null,
      },
      clientMetadata,
    });
    pool.users.set(username, user);
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
      const template =
        typeof override === 'string' && override.includes('{####}')
          ? override
          : 'Your username is {username} and temporary password is {####}.';
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

/** ListUsers `Filter`: `attr = "value"` or `attr ^= "prefix"`, on the attributes Cognito allows. */
function parseFilter(filter: string): (user: UserRecord) => boolean {
  const match = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  const name = match?.[1];
  const value = match?.[3];
  if (!match || name === undefined || value === undefined || !FILTERABLE.has(name))
    throw invalidParameter('Invalid search filter');
  const read = (user: UserRecord): string | undefined => {
    if (name === 'username') return user.username;
    if (name === 'cognito:user_status') return user.status;
    if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled';
    if (name === 'sub') return user.sub;
    return user.attributes[name];
  };
  const unescaped = value.replace(/\\(.)/g, '$1');
  return match[2] === '^=' ? (u) => read(u)?.startsWith(unescaped) === true : (u) => read(u) === unescaped;
}

export const listUsers: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const filter = optStr(input, 'Filter');
  const users = [...pool.users.values()].filter(
    filter !== undefined && filter !== '' ? parseFilter(filter) : () => true,
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
