// The end of a sign-in: triggers, a refresh record, new-device metadata and the signed ID/access tokens.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ClientConfig } from './config.ts';
import { issuer, nowSeconds, type Context } from './context.ts';
import { isObject, type Json } from './input.ts';
import type { Pool, UserRecord } from './store.ts';
import { sign } from './tokens.ts';
import { lifetimeSeconds } from './tokenValidity.ts';

/** Attributes as triggers see them: strings, as Cognito sends them. */
export function triggerAttributes(user: UserRecord): Record<string, string> {
  return {
    ...user.attributes,
    sub: user.sub,
    'cognito:user_status': user.status,
  };
}

/** Attribute claims for the ID token: `*_verified` become booleans. */
function attributeClaims(user: UserRecord): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}

export interface MintOptions {
  originJti: string;
  authTime: number;
  deviceKey?: string | undefined;
  /** TokenGeneration_<source> for the pre token generation trigger. */
  source: 'Authentication' | 'NewPasswordChallenge' | 'AuthenticateDevice' | 'RefreshTokens';
  clientMetadata?: Record<string, string> | undefined;
}

/** Signs an ID and an access token; the pre token generation trigger may add, override or suppress ID claims. */
export async function mintTokens(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
  options: MintOptions,
): Promise<{ AccessToken: string; IdToken: string }> {
  const iat = nowSeconds(ctx);
  const eventId = randomUUID();
  const iss = issuer(ctx, pool);
  let idClaims: Json = {
    ...attributeClaims(user),
    sub: user.sub,
    iss,
    'cognito:username': user.username,
    origin_jti: options.originJti,
    aud: client.ClientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: options.authTime,
    iat,
    exp: iat + lifetimeSeconds(client, 'IdToken'),
    jti: randomUUID(),
  };
  const response = await ctx.triggers.run({
    pool,
    name: 'PreTokenGeneration',
    triggerSource: `TokenGeneration_${options.source}`,
    clientId: client.ClientId,
    userName: user.username,
    request: {
      userAttributes: triggerAttributes(user),
      groupConfiguration: {
        groupsToOverride: [],
        iamRolesToOverride: [],
        preferredRole: null,
      },
    },
    clientMetadata: options.clientMetadata,
  });
  const details = response?.claimsOverrideDetails;
  if (typeof details === 'object' && details !== null) {
    if ('claimsToAddOrOverride' in details && isObject(details.claimsToAddOrOverride)) {
      idClaims = { ...idClaims, ...details.claimsToAddOrOverride };
    }
    if ('claimsToSuppress' in details && Array.isArray(details.claimsToSuppress)) {
      for (const name of details.claimsToSuppress) if (typeof name === 'string') idClaims = omit(idClaims, name);
    }
  }
  const accessClaims: Json = {
    sub: user.sub,
    ...(options.deviceKey !== undefined ? { device_key: options.deviceKey } : {}),
    iss,
    client_id: client.ClientId,
    origin_jti: options.originJti,
    event_id: eventId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: options.authTime,
    iat,
    exp: iat + lifetimeSeconds(client, 'AccessToken'),
    jti: randomUUID(),
    username: user.username,
  };
  const keys = await pool.keys();
  const [IdToken, AccessToken] = await Promise.all([sign(keys.id, idClaims), sign(keys.access, accessClaims)]);
  return { AccessToken, IdToken };
}

function omit(claims: Json, name: string): Json {
  const copy = { ...claims };
  Reflect.deleteProperty(copy, name);
  return copy;
}

export interface FinishOptions {
  /** A device the user proved (DEVICE_PASSWORD_VERIFIER) or presented; no new device is minted then. */
  deviceKey?: string | undefined;
  source: MintOptions['source'];
  clientMetadata?: Record<string, string> | undefined;
}

/** Tokens for a completed sign-in: post authentication trigger, refresh token, and a new device when tracking is on. */
export async function finishSignIn(
  ctx: Context,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
  options: FinishOptions,
): Promise<Json> {
  user.failedPasswordAttempts = 0;
  await ctx.triggers.run({
    pool,
    name: 'PostAuthentication',
    triggerSource: 'PostAuthentication_Authentication',
    clientId: client.ClientId,
    userName: user.username,
    request: {
      userAttributes: triggerAttributes(user),
      newDeviceUsed: options.deviceKey === undefined,
    },
    clientMetadata: options.clientMetadata,
  });
  const now = ctx.clock.now();
  let deviceKey = options.deviceKey;
  let NewDeviceMetadata: Json | undefined;
  if (deviceKey === undefined && pool.settings.deviceConfiguration) {
    deviceKey = `${pool.region}_${randomUUID()}`;
    const groupKey = `-${randomBytes(6).toString('base64url')}`;
    pool.devices.set(deviceKey, {
      key: deviceKey,
      groupKey,
      username: user.username,
      remembered: false,
      createdAt: now,
      lastModifiedAt: now,
      lastAuthenticatedAt: now,
    });
    NewDeviceMetadata = { DeviceKey: deviceKey, DeviceGroupKey: groupKey };
  } else if (deviceKey !== undefined) {
    const device = pool.devices.get(deviceKey);
    if (device) device.lastAuthenticatedAt = now;
  }
  const originJti = randomUUID();
  const authTime = Math.floor(now / 1000);
  const refreshToken = randomBytes(192).toString('base64url');
  pool.addRefresh({
    originJti,
    token: refreshToken,
    username: user.username,
    clientId: client.ClientId,
    ...(deviceKey !== undefined ? { deviceKey } : {}),
    authTime,
    expiresAt: now + 1000 * lifetimeSeconds(client, 'RefreshToken'),
    revoked: false,
  });
  const tokens = await mintTokens(ctx, pool, client, user, {
    originJti,
    authTime,
    deviceKey,
    source: options.source,
    clientMetadata: options.clientMetadata,
  });
  return {
    ChallengeParameters: {},
    AuthenticationResult: {
      ...tokens,
      RefreshToken: refreshToken,
      ExpiresIn: lifetimeSeconds(client, 'AccessToken'),
      TokenType: 'Bearer',
      ...(NewDeviceMetadata ? { NewDeviceMetadata } : {}),
    },
  };
}
