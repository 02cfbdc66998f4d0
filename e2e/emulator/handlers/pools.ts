// User pools: CreateUserPool, UpdateUserPool, DescribeUserPool, ListUserPools, DeleteUserPool.
import { randomInt } from 'node:crypto';
import type { PasswordPolicy, PoolConfig } from '../config.ts';
import { getPool, type Handler } from '../context.ts';
import { invalidParameter } from '../errors.ts';
import {
  isObject,
  optBool,
  optIntInRange,
  optObject,
  optStr,
  optStrList,
  optStrMap,
  str,
  type Json,
} from '../input.ts';
import { page } from '../paging.ts';
import { settingsFrom, type Pool } from '../store.ts';
import { pickStored, refuseMembers, unsupported } from '../unsupported.ts';
import { signInConfigFrom } from '../webauthn.ts';

const seconds = (ms: number): number => ms / 1000;

/**
 * Members kept and echoed only: delivery settings (codes go to the outbox), tags, the email subject (the outbox keeps
 * no subject), the KMS key that encrypts data at rest on AWS, the ORIGINAL issuer (the emulator's own URL), and
 * threat protection while it is OFF.
 */
const STORED_ONLY = [
  'EmailConfiguration',
  'SmsConfiguration',
  'EmailVerificationSubject',
  'UserPoolTags',
  'UserPoolTier',
  'KeyConfiguration',
  'IssuerConfiguration',
  'UserPoolAddOns',
] as const;

/** Message templates the emulator fills in ({####} is the code). */
const MESSAGE_MEMBERS = [
  'EmailVerificationMessage',
  'SmsVerificationMessage',
  'SmsAuthenticationMessage',
  'VerificationMessageTemplate',
] as const;

/** Members that change behaviour on AWS and that the emulator does not implement. */
const REFUSED = ['UserAttributeUpdateSettings', 'DcrConfiguration', 'AcrConfiguration'] as const;

/** LambdaConfig members with no emulated trigger (the ones in config.ts TriggerName run). */
const REFUSED_LAMBDA = [
  'UserMigration',
  'CustomSMSSender',
  'CustomEmailSender',
  'KMSKeyID',
  'InboundFederation',
] as const;

const ALIASES = ['email', 'phone_number', 'preferred_username'] as const;
const USERNAME_ATTRIBUTES = ['email', 'phone_number'] as const;
const RECOVERY = ['verified_email', 'verified_phone_number', 'admin_only'] as const;

/** AccountRecoverySetting: one or two mechanisms, priorities 1 and 2, admin_only alone. */
function recoveryFrom(input: Json): NonNullable<PoolConfig['AccountRecoverySetting']> | undefined {
  const setting = optObject(input, 'AccountRecoverySetting');
  if (!setting) return undefined;
  const list = setting.RecoveryMechanisms;
  if (!Array.isArray(list) || list.length < 1 || list.length > 2)
    throw invalidParameter('AccountRecoverySetting.RecoveryMechanisms must list one or two recovery mechanisms.');
  const mechanisms = list.map((item) => {
    if (!isObject(item)) throw invalidParameter('AccountRecoverySetting.RecoveryMechanisms must be a list of options.');
    const name = optStr(item, 'Name');
    const found = RECOVERY.find((r) => r === name);
    if (found === undefined) throw invalidParameter(`Invalid recovery mechanism name ${String(name)}`);
    const priority = optIntInRange(item, 'Priority', 1, 2);
    if (priority === undefined) throw invalidParameter('Each recovery mechanism needs a Priority of 1 or 2.');
    return { Name: found, Priority: priority };
  });
  if (new Set(mechanisms.map((m) => m.Priority)).size !== mechanisms.length)
    throw invalidParameter('Recovery mechanisms must have different priorities.');
  if (new Set(mechanisms.map((m) => m.Name)).size !== mechanisms.length)
    throw invalidParameter('Recovery mechanisms must be different.');
  if (mechanisms.length > 1 && mechanisms.some((m) => m.Name === 'admin_only'))
    throw invalidParameter('admin_only cannot be combined with another recovery mechanism.');
  return { RecoveryMechanisms: mechanisms };
}

/** LambdaConfig: the emulated triggers; PreTokenGenerationConfig V1_0 is the same as PreTokenGeneration. */
function lambdaFrom(input: Json): Record<string, string> | undefined {
  const config = optObject(input, 'LambdaConfig');
  if (!config) return undefined;
  refuseMembers(config, REFUSED_LAMBDA, 'LambdaConfig.');
  const { PreTokenGenerationConfig: versioned, ...rest } = config;
  const triggers = optStrMap({ LambdaConfig: rest }, 'LambdaConfig') ?? {};
  if (versioned !== undefined && versioned !== null) {
    const version = isObject(versioned) ? optStr(versioned, 'LambdaVersion') : undefined;
    const arn = isObject(versioned) ? optStr(versioned, 'LambdaArn') : undefined;
    if (version !== 'V1_0' || arn === undefined)
      throw unsupported('LambdaConfig.PreTokenGenerationConfig', 'only LambdaVersion V1_0 events are emulated');
    triggers.PreTokenGeneration = arn;
  }
  return triggers;
}

function poolType(pool: Pool): Json {
  const s = pool.settings;
  return {
    ...pickStored(s.storedOnly ?? {}, STORED_ONLY),
    ...s.messages,
    Id: pool.id,
    Name: s.name,
    Arn: `arn:aws:cognito-idp:${pool.region}:000000000000:userpool/${pool.id}`,
    Policies: {
      PasswordPolicy: s.passwordPolicy,
      SignInPolicy: { AllowedFirstAuthFactors: s.allowedFirstAuthFactors ?? ['PASSWORD'] },
    },
    MfaConfiguration: s.mfaConfiguration,
    ...(s.deviceConfiguration ? { DeviceConfiguration: s.deviceConfiguration } : {}),
    AutoVerifiedAttributes: s.autoVerifiedAttributes,
    ...(s.aliasAttributes && s.aliasAttributes.length > 0 ? { AliasAttributes: s.aliasAttributes } : {}),
    ...(s.usernameAttributes ? { UsernameAttributes: s.usernameAttributes } : {}),
    UsernameConfiguration: { CaseSensitive: s.caseSensitive ?? true },
    ...(s.accountRecovery
      ? {
          AccountRecoverySetting: {
            RecoveryMechanisms: s.accountRecovery.map((Name, index) => ({ Name, Priority: index + 1 })),
          },
        }
      : {}),
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: s.allowAdminCreateUserOnly ?? false,
      ...(s.inviteMessageTemplate ? { InviteMessageTemplate: s.inviteMessageTemplate } : {}),
    },
    DeletionProtection: s.deletionProtection ?? 'INACTIVE',
    SchemaAttributes: [
      ...s.requiredAttributes.map((Name) => ({ Name, AttributeDataType: 'String', Required: true, Mutable: true })),
      ...declaredOptional(s.storedOnly?.Schema),
    ],
    LambdaConfig: Object.fromEntries(Object.entries(s.lambdaConfig).filter(([, v]) => typeof v === 'string')),
    EstimatedNumberOfUsers: pool.users.size,
    CreationDate: seconds(s.createdAt),
    LastModifiedDate: seconds(s.lastModifiedAt),
  };
}

function passwordPolicyFrom(policy: Json): Partial<PasswordPolicy> {
  const history = optIntInRange(policy, 'PasswordHistorySize', 0, 24);
  if (history !== undefined && history > 0) throw unsupported('Policies.PasswordPolicy.PasswordHistorySize');
  const out: Partial<PasswordPolicy> = {};
  const min = optIntInRange(policy, 'MinimumLength', 6, 99);
  if (min !== undefined) out.MinimumLength = min;
  const days = optIntInRange(policy, 'TemporaryPasswordValidityDays', 0, 365);
  if (days !== undefined) out.TemporaryPasswordValidityDays = days;
  for (const rule of ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'] as const) {
    const value = optBool(policy, rule);
    if (value !== undefined) out[rule] = value;
  }
  return out;
}

/** Only the schema's `Required` is acted on; other attribute options that change behaviour are refused. */
function requiredFromSchema(input: Json): string[] | undefined {
  const schema = input.Schema;
  if (schema === undefined || schema === null) return undefined;
  if (!Array.isArray(schema)) throw invalidParameter('Schema must be a list of attributes.');
  const required: string[] = [];
  for (const attribute of schema) {
    if (!isObject(attribute)) throw invalidParameter('Schema must be a list of attributes.');
    const name = str(attribute, 'Name');
    if (attribute.Mutable === false) throw unsupported('Schema Mutable: false', name);
    if (attribute.DeveloperOnlyAttribute === true) throw unsupported('Schema DeveloperOnlyAttribute', name);
    refuseMembers(attribute, ['StringAttributeConstraints', 'NumberAttributeConstraints'], 'Schema ');
    if (attribute.Required === true) required.push(name);
  }
  return required;
}

/** The OIDC standard attributes; any other name in a Schema is a custom attribute, shown as `custom:<name>`. */
const STANDARD_ATTRIBUTES = new Set([
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
]);

/**
 * The optional attributes a Schema declared, for Describe to echo. The emulator accepts any attribute whether
 * declared or not, so declaring one changes nothing here: stored only (docs/emulator-settings.md).
 */
function declaredOptional(schema: unknown): Json[] {
  if (!Array.isArray(schema)) return [];
  return schema.filter(isObject).flatMap((attribute) => {
    const name = typeof attribute.Name === 'string' ? attribute.Name : '';
    if (attribute.Required === true || name === '') return [];
    return [
      {
        Name: STANDARD_ATTRIBUTES.has(name) || name.startsWith('custom:') ? name : `custom:${name}`,
        AttributeDataType: typeof attribute.AttributeDataType === 'string' ? attribute.AttributeDataType : 'String',
        Required: false,
        Mutable: true,
      },
    ];
  });
}

function messagesFrom(input: Json): NonNullable<PoolConfig['Messages']> {
  const template = optObject(input, 'VerificationMessageTemplate');
  if (template && optStr(template, 'DefaultEmailOption') === 'CONFIRM_WITH_LINK')
    throw unsupported('VerificationMessageTemplate.DefaultEmailOption CONFIRM_WITH_LINK');
  if (template) refuseMembers(template, ['EmailMessageByLink', 'EmailSubjectByLink']);
  for (const name of MESSAGE_MEMBERS.filter((m) => m !== 'VerificationMessageTemplate')) optStr(input, name);
  return pickStored(input, MESSAGE_MEMBERS);
}

/** Reads the pool settings CreateUserPool / UpdateUserPool accept into our config shape; refuses what we cannot do. */
function poolConfigFrom(input: Json, id: string, name: string): PoolConfig {
  refuseMembers(input, REFUSED);
  const issuer = optObject(input, 'IssuerConfiguration');
  if (issuer && (optStr(issuer, 'Type') ?? 'ORIGINAL') !== 'ORIGINAL')
    throw unsupported('IssuerConfiguration.Type UPDATED', 'tokens carry the emulator URL as their issuer');
  const addOns = optObject(input, 'UserPoolAddOns');
  if (addOns && (optStr(addOns, 'AdvancedSecurityMode') ?? 'OFF') !== 'OFF') throw unsupported('UserPoolAddOns');
  const usernameConfig = optObject(input, 'UsernameConfiguration');
  const caseSensitive = usernameConfig ? optBool(usernameConfig, 'CaseSensitive') : undefined;
  const usernameAttributes = optStrList(input, 'UsernameAttributes');
  const badUsername = usernameAttributes?.find((a) => !(USERNAME_ATTRIBUTES as readonly string[]).includes(a));
  if (badUsername !== undefined) throw invalidParameter(`Invalid UsernameAttributes ${badUsername}`);
  const recovery = recoveryFrom(input);
  const policies = optObject(input, 'Policies');
  const passwordPolicy = policies ? optObject(policies, 'PasswordPolicy') : undefined;
  const device = optObject(input, 'DeviceConfiguration');
  const mfa = optStr(input, 'MfaConfiguration');
  if (mfa !== undefined && mfa !== 'OFF' && mfa !== 'ON' && mfa !== 'OPTIONAL')
    throw invalidParameter(`Invalid MfaConfiguration ${mfa}`);
  const lambda = lambdaFrom(input);
  const auto = optStrList(input, 'AutoVerifiedAttributes');
  const badAuto = auto?.find((a) => a !== 'email' && a !== 'phone_number');
  if (badAuto !== undefined) throw invalidParameter(`Invalid AutoVerifiedAttributes ${badAuto}`);
  const aliases = optStrList(input, 'AliasAttributes');
  const badAlias = aliases?.find((a) => !(ALIASES as readonly string[]).includes(a));
  if (badAlias !== undefined) throw invalidParameter(`Invalid AliasAttributes ${badAlias}`);
  if (aliases && aliases.length > 0 && usernameAttributes && usernameAttributes.length > 0)
    throw invalidParameter('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  const admin = optObject(input, 'AdminCreateUserConfig');
  if (admin) refuseMembers(admin, ['UnusedAccountValidityDays'], 'AdminCreateUserConfig.');
  const invite = admin ? optObject(admin, 'InviteMessageTemplate') : undefined;
  const deletion = optStr(input, 'DeletionProtection');
  if (deletion !== undefined && deletion !== 'ACTIVE' && deletion !== 'INACTIVE')
    throw invalidParameter(`Invalid DeletionProtection ${deletion}`);
  const required = requiredFromSchema(input);
  const messages = messagesFrom(input);
  const stored = pickStored(input, STORED_ONLY);
  if (required) stored.Schema = input.Schema;
  const signIn = signInConfigFrom(input);
  return {
    Id: id,
    Name: name,
    ...(mfa !== undefined ? { MfaConfiguration: mfa } : {}),
    ...signIn,
    ...(passwordPolicy || signIn.Policies
      ? {
          Policies: {
            ...signIn.Policies,
            ...(passwordPolicy ? { PasswordPolicy: passwordPolicyFrom(passwordPolicy) } : {}),
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
    ...(auto ? { AutoVerifiedAttributes: auto as ('email' | 'phone_number')[] } : {}),
    ...(aliases ? { AliasAttributes: aliases as (typeof ALIASES)[number][] } : {}),
    ...(usernameAttributes && usernameAttributes.length > 0
      ? { UsernameAttributes: usernameAttributes as (typeof USERNAME_ATTRIBUTES)[number][] }
      : {}),
    ...(caseSensitive !== undefined ? { UsernameConfiguration: { CaseSensitive: caseSensitive } } : {}),
    ...(recovery ? { AccountRecoverySetting: recovery } : {}),
    ...(admin && optBool(admin, 'AllowAdminCreateUserOnly') !== undefined
      ? { AllowAdminCreateUserOnly: optBool(admin, 'AllowAdminCreateUserOnly') === true }
      : {}),
    ...(invite
      ? {
          InviteMessageTemplate: pickStored(invite, ['SMSMessage', 'EmailMessage', 'EmailSubject']),
        }
      : {}),
    ...(deletion !== undefined ? { DeletionProtection: deletion } : {}),
    ...(Object.keys(messages).length > 0 ? { Messages: messages } : {}),
    ...(Object.keys(stored).length > 0 ? { StoredOnly: stored } : {}),
    ...(lambda ? { LambdaConfig: lambda } : {}),
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const createUserPool: Handler = (ctx, input) => {
  const name = str(input, 'PoolName');
  const id = `us-east-1_${Array.from({ length: 9 }, () => ALPHANUMERIC.charAt(randomInt(ALPHANUMERIC.length))).join('')}`;
  const pool = ctx.store.createPool(poolConfigFrom(input, id, name), ctx.clock.now());
  return Promise.resolve({ UserPool: poolType(pool) });
};

/**
 * As on AWS, the request is the whole new configuration: a member left out goes back to its default. Kept are what
 * UpdateUserPool cannot change (identifiers, schema, creation date), what SetUserPoolMfaConfig owns (MFA types, email
 * MFA text, passkeys), the feature plan unless sent, and the emulator's own extensions.
 */
export const updateUserPool: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  for (const member of ['AliasAttributes', 'UsernameAttributes', 'UsernameConfiguration', 'Schema'] as const)
    if (input[member] !== undefined) throw invalidParameter(`${member} cannot be changed after the pool is created.`);
  const old = pool.settings;
  const config = poolConfigFrom(input, pool.id, optStr(input, 'PoolName') ?? old.name);
  const fresh = settingsFrom(config, old.createdAt);
  const { EmailMfaMessage } = old.messages ?? {};
  const { SmsMfaSmsConfiguration, EmailMfaSubject, Schema } = old.storedOnly ?? {};
  pool.settings = {
    ...fresh,
    aliasAttributes: old.aliasAttributes ?? [],
    ...(old.usernameAttributes ? { usernameAttributes: old.usernameAttributes } : {}),
    ...(old.caseSensitive !== undefined ? { caseSensitive: old.caseSensitive } : {}),
    requiredAttributes: old.requiredAttributes,
    enabledMfas: old.enabledMfas,
    ...(old.webAuthn ? { webAuthn: old.webAuthn } : {}),
    ...(fresh.userPoolTier === undefined && old.userPoolTier !== undefined ? { userPoolTier: old.userPoolTier } : {}),
    messages: { ...fresh.messages, ...(EmailMfaMessage !== undefined ? { EmailMfaMessage } : {}) },
    storedOnly: {
      ...fresh.storedOnly,
      ...(SmsMfaSmsConfiguration !== undefined ? { SmsMfaSmsConfiguration } : {}),
      ...(EmailMfaSubject !== undefined ? { EmailMfaSubject } : {}),
      ...(Schema !== undefined ? { Schema } : {}),
    },
    wrongCodeLimit: old.wrongCodeLimit,
    passwordAttemptLimit: old.passwordAttemptLimit,
    ...(old.passwordLockoutSeconds !== undefined ? { passwordLockoutSeconds: old.passwordLockoutSeconds } : {}),
    lastModifiedAt: ctx.clock.now(),
  };
  pool.changed();
  return Promise.resolve({});
};

export const describeUserPool: Handler = (ctx, input) =>
  Promise.resolve({
    UserPool: poolType(getPool(ctx, str(input, 'UserPoolId'))),
  });

export const listUserPools: Handler = (ctx, input) => {
  if (optIntInRange(input, 'MaxResults', 1, 60) === undefined)
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
  if (pool.settings.deletionProtection === 'ACTIVE')
    throw invalidParameter('The user pool cannot be deleted because deletion protection is activated.');
  await ctx.store.deletePool(pool.id);
  return {};
};
