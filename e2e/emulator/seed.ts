// Seed files: read and check the JSON that describes pools, clients, users and devices, naming the file and field at fault.
import { access, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type {
  ClientConfig,
  DeviceSeed,
  EmulatorConfig,
  LambdaConfig,
  PasswordPolicy,
  PoolConfig,
  TriggerName,
  UserSeed,
} from './config.ts';
import { invalidSeed } from './startError.ts';
import { createVerifier } from './srpServer.ts';
import { TIME_UNITS } from './tokenValidity.ts';
import type { Pool } from './store.ts';

/** Throws where a value breaks its rule; `at` is the field path, e.g. `Pools[0].Users[2].Mfa.TotpSecret`. */
type Check = (value: unknown, at: string) => void;

class Problem extends Error {
  readonly at: string;
  constructor(at: string, problem: string) {
    super(problem);
    this.at = at;
  }
}

// Values are never echoed, only their kind: a seed file holds passwords and TOTP secrets.
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const string: Check = (value, at) => {
  if (typeof value !== 'string' || value === '')
    throw new Problem(at, `must be a non-empty string, got ${kind(value)}`);
};
const boolean: Check = (value, at) => {
  if (typeof value !== 'boolean') throw new Problem(at, `must be true or false, got ${kind(value)}`);
};
const matching =
  (pattern: RegExp, what: string): Check =>
  (value, at) => {
    string(value, at);
    if (!pattern.test(value as string)) throw new Problem(at, `must be ${what}`);
  };
const integer =
  (min: number, max: number): Check =>
  (value, at) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new Problem(at, `must be an integer from ${String(min)} to ${String(max)}`);
  };
const oneOf =
  (values: readonly string[]): Check =>
  (value, at) => {
    if (typeof value !== 'string' || !values.includes(value))
      throw new Problem(at, `must be one of ${values.join(', ')}`);
  };
const listOf =
  (item: Check): Check =>
  (value, at) => {
    if (!Array.isArray(value)) throw new Problem(at, `must be a list, got ${kind(value)}`);
    value.forEach((entry, index) => {
      item(entry, `${at}[${String(index)}]`);
    });
  };
const object: Check = (value, at) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Problem(at, `must be an object, got ${kind(value)}`);
};
const stringMap: Check = (value, at) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Problem(at, `must be an object of strings, got ${kind(value)}`);
  for (const [key, entry] of Object.entries(value))
    if (typeof entry !== 'string') throw new Problem(`${at}.${key}`, `must be a string, got ${kind(entry)}`);
};

/** An object whose every field has a rule; unknown fields are refused, so a typo never passes as a default. */
function shape<T>(fields: { [K in keyof Required<T>]: Check }, required: readonly (keyof T & string)[] = []): Check {
  return (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Problem(at, `must be an object, got ${kind(value)}`);
    const known = fields as Record<string, Check>;
    for (const [name, entry] of Object.entries(value)) {
      const check = known[name];
      if (check === undefined)
        throw new Problem(join(at, name), `is not a known field (known: ${Object.keys(known).join(', ')})`);
      if (entry !== undefined) check(entry, join(at, name));
    }
    for (const name of required) if (!(name in value)) throw new Problem(join(at, name), 'is required');
  };
}

function join(at: string, name: string): string {
  return at === '' ? name : `${at}.${name}`;
}

const MFA_TYPES = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] as const;
const TRIGGERS: readonly TriggerName[] = [
  'PreSignUp',
  'CustomMessage',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'PreTokenGeneration',
];
// The API reference's ExplicitAuthFlowsType values, the legacy three included.
const AUTH_FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
];

// In a file a trigger is a module path; in code it may also be the function itself.
const trigger: Check = (value, at) => {
  if (typeof value !== 'function') string(value, at);
};
const lambdaConfig = shape<LambdaConfig>(
  Object.fromEntries(TRIGGERS.map((name) => [name, trigger])) as Record<TriggerName, Check>,
);

const passwordPolicy = shape<PasswordPolicy>({
  MinimumLength: integer(6, 99),
  RequireUppercase: boolean,
  RequireLowercase: boolean,
  RequireNumbers: boolean,
  RequireSymbols: boolean,
  TemporaryPasswordValidityDays: integer(0, 365),
});

const client = shape<ClientConfig>(
  {
    ClientId: matching(/^[\w+]{1,128}$/, 'letters, digits, _ or + (at most 128)'),
    ClientName: string,
    ClientSecret: string,
    ExplicitAuthFlows: listOf(oneOf(AUTH_FLOWS)),
    PreventUserExistenceErrors: oneOf(['ENABLED', 'LEGACY']),
    AuthSessionValidity: integer(3, 15),
    // In TokenValidityUnits (hours, hours, days by default); the ranges in seconds are checked when the client is built.
    AccessTokenValidity: integer(1, 315_360_000),
    IdTokenValidity: integer(1, 315_360_000),
    RefreshTokenValidity: integer(1, 315_360_000),
    TokenValidityUnits: shape<NonNullable<ClientConfig['TokenValidityUnits']>>({
      AccessToken: oneOf(TIME_UNITS),
      IdToken: oneOf(TIME_UNITS),
      RefreshToken: oneOf(TIME_UNITS),
    }),
    EnableTokenRevocation: boolean,
    RefreshTokenRotation: shape<NonNullable<ClientConfig['RefreshTokenRotation']>>(
      { Feature: oneOf(['ENABLED', 'DISABLED']), RetryGracePeriodSeconds: integer(0, 60) },
      ['Feature'],
    ),
    AllowedOAuthFlows: listOf(oneOf(['code', 'client_credentials'])),
    AllowedOAuthFlowsUserPoolClient: boolean,
    AllowedOAuthScopes: listOf(string),
    CallbackURLs: listOf(string),
    LogoutURLs: listOf(string),
    DefaultRedirectURI: string,
    SupportedIdentityProviders: listOf(string),
    StoredOnly: object,
  },
  ['ClientId'],
);

const device = shape<DeviceSeed>(
  {
    DeviceKey: matching(/^[\w-]+_[0-9a-f-]+$/, 'a device key such as us-east-1_<uuid>'),
    DeviceGroupKey: string,
    DevicePassword: string,
    DeviceName: string,
    Remembered: boolean,
  },
  ['DeviceKey', 'DeviceGroupKey', 'DevicePassword'],
);

const hex = matching(/^[0-9a-fA-F]+$/, 'hexadecimal');
const user = shape<UserSeed>(
  {
    Username: matching(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u, 'a username of 1 to 128 visible characters'),
    Password: string,
    TemporaryPassword: string,
    Attributes: stringMap,
    Status: oneOf(['UNCONFIRMED', 'CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED']),
    Enabled: boolean,
    Mfa: shape<NonNullable<UserSeed['Mfa']>>({
      SmsMfa: boolean,
      EmailMfa: boolean,
      // RFC 4648 base32, as authenticator apps and otpauth:// URIs carry it.
      TotpSecret: matching(/^[A-Z2-7]{16,}=*$/i, 'a base32 secret (A-Z, 2-7) of at least 16 characters'),
      Preferred: oneOf(MFA_TYPES),
    }),
    MfaSetupRequired: boolean,
    SrpVerifier: shape<NonNullable<UserSeed['SrpVerifier']>>({ Salt: hex, Verifier: hex }, ['Salt', 'Verifier']),
    Devices: listOf(device),
  },
  ['Username'],
);

const pool = shape<PoolConfig>(
  {
    Id: matching(/^[\w-]+_[0-9a-zA-Z]+$/, 'a user pool id such as us-east-1_AbC123'),
    Name: string,
    MfaConfiguration: oneOf(['OFF', 'ON', 'OPTIONAL']),
    EnabledMfas: listOf(oneOf(MFA_TYPES)),
    Policies: shape<NonNullable<PoolConfig['Policies']>>({
      PasswordPolicy: passwordPolicy,
      SignInPolicy: shape<NonNullable<NonNullable<PoolConfig['Policies']>['SignInPolicy']>>({
        AllowedFirstAuthFactors: listOf(oneOf(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'])),
      }),
    }),
    UserPoolTier: oneOf(['LITE', 'ESSENTIALS', 'PLUS']),
    WebAuthnConfiguration: shape<NonNullable<PoolConfig['WebAuthnConfiguration']>>({
      RelyingPartyId: string,
      UserVerification: oneOf(['required', 'preferred']),
    }),
    AliasAttributes: listOf(oneOf(['email', 'phone_number', 'preferred_username'])),
    UsernameAttributes: listOf(oneOf(['email', 'phone_number'])),
    UsernameConfiguration: shape<NonNullable<PoolConfig['UsernameConfiguration']>>({ CaseSensitive: boolean }),
    AccountRecoverySetting: shape<NonNullable<PoolConfig['AccountRecoverySetting']>>(
      {
        RecoveryMechanisms: listOf(
          shape<NonNullable<PoolConfig['AccountRecoverySetting']>['RecoveryMechanisms'][number]>(
            { Name: oneOf(['verified_email', 'verified_phone_number', 'admin_only']), Priority: integer(1, 2) },
            ['Name', 'Priority'],
          ),
        ),
      },
      ['RecoveryMechanisms'],
    ),
    AllowAdminCreateUserOnly: boolean,
    InviteMessageTemplate: object,
    Messages: object,
    DeletionProtection: oneOf(['ACTIVE', 'INACTIVE']),
    StoredOnly: object,
    Domain: matching(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'a domain prefix of lower-case letters, digits and -'),
    // Checked field by field when the pool is built (oauth/), like the API's CreateResourceServer/CreateIdentityProvider.
    ResourceServers: listOf(object),
    IdentityProviders: listOf(object),
    DeviceConfiguration: shape<NonNullable<PoolConfig['DeviceConfiguration']>>({
      ChallengeRequiredOnNewDevice: boolean,
      DeviceOnlyRememberedOnUserPrompt: boolean,
    }),
    RequiredAttributes: listOf(string),
    AutoVerifiedAttributes: listOf(oneOf(['email', 'phone_number'])),
    LambdaConfig: lambdaConfig,
    WrongCodeLimit: integer(1, 100),
    PasswordAttemptLimit: integer(1, 100),
    PasswordLockoutSeconds: integer(0, 900),
    Clients: listOf(client),
    Users: listOf(user),
  },
  ['Id'],
);

const config = shape<EmulatorConfig>({ Pools: listOf(pool) }, ['Pools']);

/** Checks a config (from a seed file or from code); throws EmulatorStartError('InvalidSeed') naming `source` and the field. */
export function checkConfig(value: unknown, source: string): EmulatorConfig {
  try {
    config(value, '');
  } catch (error) {
    if (error instanceof Problem) throw invalidSeed(source, error.at, error.message);
    throw error;
  }
  const checked = value as EmulatorConfig;
  // Duplicates would silently replace each other in the store's maps.
  duplicates(checked.Pools, (entry) => entry.Id, 'Pools', 'Id', source);
  checked.Pools.forEach((entry, index) => {
    const at = `Pools[${String(index)}]`;
    duplicates(entry.Clients ?? [], (c) => c.ClientId, `${at}.Clients`, 'ClientId', source);
    duplicates(entry.Users ?? [], (u) => u.Username, `${at}.Users`, 'Username', source);
    if ((entry.AliasAttributes ?? []).length > 0 && (entry.UsernameAttributes ?? []).length > 0)
      throw invalidSeed(
        source,
        `${at}.UsernameAttributes`,
        'cannot be set together with AliasAttributes, as in Cognito',
      );
  });
  return checked;
}

function duplicates<T>(items: readonly T[], key: (item: T) => string, at: string, field: string, source: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(key(item))) throw invalidSeed(source, `${at}[${String(index)}].${field}`, 'repeats an earlier entry');
    seen.add(key(item));
  });
}

/** A seed file, read and checked; trigger module paths are resolved next to it and must exist. */
export async function readSeedFile(file: string): Promise<{ config: EmulatorConfig; baseDir: string }> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw invalidSeed(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalidSeed(file, '', `is not valid JSON (${(error as Error).message})`, error);
  }
  const checked = checkConfig(parsed, file);
  const baseDir = dirname(path);
  for (const [index, entry] of checked.Pools.entries())
    for (const [name, module] of Object.entries(entry.LambdaConfig ?? {})) {
      if (typeof module !== 'string') continue;
      const target = isAbsolute(module) ? module : resolve(baseDir, module);
      await access(target).catch((error: unknown) => {
        throw invalidSeed(file, `Pools[${String(index)}].LambdaConfig.${name}`, `no module at ${target}`, error);
      });
    }
  return { config: checked, baseDir };
}

/** Adds each seeded user's remembered devices to a freshly created pool, with device SRP verifiers. */
export function seedDevices(target: Pool, config: PoolConfig, now: number): void {
  for (const seed of config.Users ?? [])
    for (const entry of seed.Devices ?? [])
      target.devices.set(entry.DeviceKey, {
        key: entry.DeviceKey,
        groupKey: entry.DeviceGroupKey,
        // The stored username: a UUID where the pool takes email or phone as the username.
        username: target.findUser(seed.Username)?.username ?? seed.Username,
        // Device SRP's realm is the group key and its user the device key (ConfirmDevice's DeviceSecretVerifierConfig).
        srp: createVerifier(entry.DeviceGroupKey, entry.DeviceKey, entry.DevicePassword),
        ...(entry.DeviceName !== undefined ? { name: entry.DeviceName } : {}),
        remembered: entry.Remembered ?? true,
        createdAt: now,
        lastModifiedAt: now,
        lastAuthenticatedAt: now,
      });
  if (config.Users?.some((seed) => seed.Devices !== undefined)) target.changed();
}
