// In-memory pools, clients, users, devices and refresh tokens; optionally persisted per pool to a data directory.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientConfig, LambdaConfig, MfaType, PoolConfig, UserSeed, UserStatus } from './config.ts';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './config.ts';
import { createVerifier, type SrpVerifier } from './srpServer.ts';
import type { LockoutRecord } from './lockout.ts';
import { poolOAuthFrom, type PoolOAuth } from './oauth/model.ts';
import { createPoolKeys, type PoolKeys, type StoredKeys, importPoolKeys } from './tokens.ts';
import { usernameAttributeOf, nameMatches, type UsernameAttribute } from './usernames.ts';
import { signInSettingsFrom, type FirstFactor, type PasskeyRecord, type WebAuthnSettings } from './webauthn.ts';

export interface CodeRecord {
  code: string;
  expiresAt: number;
  /** Wrong guesses so far. */
  attempts: number;
  /** Times a code for this purpose was sent since the last success. */
  sends: number;
}

export interface UserRecord extends LockoutRecord {
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  /** SRP salt + verifier: the only password material kept. */
  srp?: SrpVerifier;
  mfa: {
    sms: boolean;
    email: boolean;
    totpSecret?: string;
    preferred?: MfaType;
  };
  mfaSetupRequired: boolean;
  createdAt: number;
  updatedAt: number;
  /** When the current (temporary) password was set; absent in older data, then createdAt. */
  passwordSetAt?: number;
  /** One-time codes by purpose: `signUp`, `forgotPassword`, `attribute:<name>`. */
  codes: Record<string, CodeRecord>;
  /** Registered passkeys (see webauthn.ts); absent until the first. */
  passkeys?: PasskeyRecord[];
}

export interface DeviceRecord {
  key: string;
  groupKey: string;
  username: string;
  /** Device SRP salt + verifier from ConfirmDevice (hex); the device password never reaches us. */
  srp?: SrpVerifier;
  name?: string;
  remembered: boolean;
  createdAt: number;
  lastModifiedAt: number;
  lastAuthenticatedAt: number;
}

export interface RefreshRecord {
  originJti: string;
  token: string;
  username: string;
  clientId: string;
  deviceKey?: string;
  authTime: number;
  expiresAt: number;
  revoked: boolean;
  /** OAuth scopes granted at /oauth2/authorize; absent for API sign-ins (aws.cognito.signin.user.admin). */
  scope?: string;
  /** Rotation: the token just rotated out, valid until `validUntil` (the client's grace period). */
  previous?: { token: string; validUntil: number };
  /** Rotation: every earlier token of this sign-in, so reuse is told apart from a token never issued. */
  retired?: string[];
}

export type RecoveryMechanism = 'verified_email' | 'verified_phone_number' | 'admin_only';

/** Pool-wide settings (the config minus clients and users). */
export interface PoolSettings {
  name: string;
  mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  enabledMfas: MfaType[];
  passwordPolicy: PasswordPolicy;
  deviceConfiguration?: {
    ChallengeRequiredOnNewDevice: boolean;
    DeviceOnlyRememberedOnUserPrompt: boolean;
  };
  requiredAttributes: string[];
  autoVerifiedAttributes: ('email' | 'phone_number')[];
  /** Absent in pools saved before aliases were per pool: every verified email and phone then, as before. */
  aliasAttributes?: ('email' | 'phone_number' | 'preferred_username')[];
  /** Email and/or phone as the username: the stored username is then a UUID equal to sub. */
  usernameAttributes?: UsernameAttribute[];
  /** `UsernameConfiguration.CaseSensitive`; absent means true, the API's default. */
  caseSensitive?: boolean;
  /** `AccountRecoverySetting.RecoveryMechanisms` by priority; absent means Cognito's legacy order (SMS first). */
  accountRecovery?: RecoveryMechanism[];
  allowAdminCreateUserOnly?: boolean;
  inviteMessageTemplate?: NonNullable<PoolConfig['InviteMessageTemplate']>;
  deletionProtection?: 'ACTIVE' | 'INACTIVE';
  messages?: NonNullable<PoolConfig['Messages']>;
  storedOnly?: Record<string, unknown>;
  lambdaConfig: LambdaConfig;
  wrongCodeLimit: number;
  passwordAttemptLimit: number;
  /** Absent in pools saved before lockouts were temporary: Cognito's 1 s then. */
  passwordLockoutSeconds?: number;
  /** `UserPoolTier`; absent means ESSENTIALS, Cognito's default for new pools. */
  userPoolTier?: 'LITE' | 'ESSENTIALS' | 'PLUS';
  /** `Policies.SignInPolicy.AllowedFirstAuthFactors`; absent means PASSWORD alone, as Cognito. */
  allowedFirstAuthFactors?: FirstFactor[];
  /** `WebAuthnConfiguration` from SetUserPoolMfaConfig. */
  webAuthn?: WebAuthnSettings;
  createdAt: number;
  lastModifiedAt: number;
}

export class Pool {
  readonly id: string;
  settings: PoolSettings;
  readonly clients = new Map<string, ClientConfig>();
  readonly users = new Map<string, UserRecord>();
  readonly devices = new Map<string, DeviceRecord>();
  /** Refresh records by origin_jti; every token of one sign-in shares it. */
  readonly refresh = new Map<string, RefreshRecord>();
  readonly refreshByToken = new Map<string, string>();
  /** Domain, resource servers, identity providers and provider links (managed login). */
  oauth: PoolOAuth = poolOAuthFrom({}, 0);
  private storedKeys: StoredKeys | undefined;
  private keysPromise: Promise<PoolKeys> | undefined;
  private readonly onChange: (pool: Pool) => void;

  constructor(id: string, settings: PoolSettings, storedKeys: StoredKeys | undefined, onChange: (pool: Pool) => void) {
    this.id = id;
    this.settings = settings;
    this.storedKeys = storedKeys;
    this.onChange = onChange;
  }

  /** The pool's signing keys, made on first use: RSA key generation is the slowest part of starting a pool. */
  keys(): Promise<PoolKeys> {
    this.keysPromise ??= (async () => {
      const stored = this.storedKeys;
      const keys = stored ? importPoolKeys(stored) : await createPoolKeys();
      if (!stored) {
        this.storedKeys = keys.stored;
        this.changed();
      }
      return keys;
    })();
    return this.keysPromise;
  }

  /** Settles once key generation already under way has ended (nothing starts here), so a stop can wait for it. */
  async keysSettled(): Promise<void> {
    await this.keysPromise?.catch(() => undefined);
  }

  get region(): string {
    return this.id.split('_')[0] ?? 'us-east-1';
  }

  /** The SRP realm: the pool id after `_`. */
  get poolName(): string {
    return this.id.slice(this.id.indexOf('_') + 1);
  }

  /** Looks a user up by username or sub, by email or phone where they are the username, or by an allowed alias. */
  findUser(name: string): UserRecord | undefined {
    const direct = this.users.get(name);
    if (direct) return direct;
    for (const user of this.users.values()) if (nameMatches(this.settings, user, name)) return user;
    return undefined;
  }

  addRefresh(record: RefreshRecord): void {
    this.refresh.set(record.originJti, record);
    this.refreshByToken.set(record.token, record.originJti);
    this.changed();
  }

  /** Rotation: `token` becomes the sign-in's live refresh token; the one before it lives on for `graceMs`. */
  rotate(record: RefreshRecord, token: string, now: number, graceMs: number): void {
    record.retired = [...(record.retired ?? []), record.token];
    record.previous = { token: record.token, validUntil: now + graceMs };
    record.token = token;
    this.refreshByToken.set(token, record.originJti);
    this.changed();
  }

  /** Revokes every refresh token (and with it, every access token) of a user. */
  revokeAllFor(username: string): void {
    for (const record of this.refresh.values()) if (record.username === username) record.revoked = true;
    this.changed();
  }

  /** Marks the pool dirty; with a data directory this schedules one coalesced write. */
  changed(): void {
    this.onChange(this);
  }

  toJSON(): StoredPool {
    const lambda: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.settings.lambdaConfig))
      if (typeof value === 'string') lambda[name] = value;
    return {
      id: this.id,
      settings: { ...this.settings, lambdaConfig: lambda },
      clients: [...this.clients.values()],
      users: [...this.users.values()],
      devices: [...this.devices.values()],
      refresh: [...this.refresh.values()],
      oauth: this.oauth,
      ...(this.storedKeys ? { keys: this.storedKeys } : {}),
    };
  }
}

interface StoredPool {
  id: string;
  settings: PoolSettings;
  clients: ClientConfig[];
  users: UserRecord[];
  devices: DeviceRecord[];
  refresh: RefreshRecord[];
  /** Absent in pools saved before managed login. */
  oauth?: PoolOAuth;
  keys?: StoredKeys;
}

export function settingsFrom(config: PoolConfig, now: number): PoolSettings {
  const device = config.DeviceConfiguration;
  return {
    name: config.Name ?? config.Id,
    mfaConfiguration: config.MfaConfiguration ?? 'OFF',
    enabledMfas: config.EnabledMfas ?? ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    passwordPolicy: {
      ...DEFAULT_PASSWORD_POLICY,
      ...config.Policies?.PasswordPolicy,
    },
    ...(device
      ? {
          deviceConfiguration: {
            ChallengeRequiredOnNewDevice: device.ChallengeRequiredOnNewDevice ?? false,
            DeviceOnlyRememberedOnUserPrompt: device.DeviceOnlyRememberedOnUserPrompt ?? false,
          },
        }
      : {}),
    requiredAttributes: config.RequiredAttributes ?? [],
    autoVerifiedAttributes: config.AutoVerifiedAttributes ?? [],
    aliasAttributes: config.AliasAttributes ?? [],
    ...(config.UsernameAttributes ? { usernameAttributes: [...config.UsernameAttributes] } : {}),
    ...(config.UsernameConfiguration?.CaseSensitive === false ? { caseSensitive: false } : {}),
    ...(config.AccountRecoverySetting
      ? { accountRecovery: recoveryOrder(config.AccountRecoverySetting.RecoveryMechanisms) }
      : {}),
    ...(config.AllowAdminCreateUserOnly !== undefined
      ? { allowAdminCreateUserOnly: config.AllowAdminCreateUserOnly }
      : {}),
    ...(config.InviteMessageTemplate ? { inviteMessageTemplate: { ...config.InviteMessageTemplate } } : {}),
    ...(config.DeletionProtection !== undefined ? { deletionProtection: config.DeletionProtection } : {}),
    ...(config.Messages ? { messages: { ...config.Messages } } : {}),
    ...(config.StoredOnly ? { storedOnly: { ...config.StoredOnly } } : {}),
    lambdaConfig: { ...config.LambdaConfig },
    wrongCodeLimit: config.WrongCodeLimit ?? 3,
    passwordAttemptLimit: config.PasswordAttemptLimit ?? 5,
    ...(config.PasswordLockoutSeconds !== undefined ? { passwordLockoutSeconds: config.PasswordLockoutSeconds } : {}),
    ...signInSettingsFrom(config),
    createdAt: now,
    lastModifiedAt: now,
  };
}

/** Mechanism names in priority order. */
export function recoveryOrder(
  mechanisms: readonly { Name: RecoveryMechanism; Priority: number }[],
): RecoveryMechanism[] {
  return [...mechanisms].sort((a, b) => a.Priority - b.Priority).map((m) => m.Name);
}

/**
 * Builds a user record from a seed: passwords become an SRP verifier and are dropped. Where the pool takes email or
 * phone as the username, such a name becomes that attribute and the username becomes the UUID sub, as on Cognito.
 */
export function userFromSeed(pool: Pool, seed: UserSeed, now: number): UserRecord {
  const password = seed.TemporaryPassword ?? seed.Password;
  const sub = randomUUID();
  const kind = usernameAttributeOf(pool.settings, seed.Username);
  const user: UserRecord = {
    username: kind === undefined ? seed.Username : sub,
    sub,
    status: seed.Status ?? (seed.TemporaryPassword !== undefined ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED'),
    enabled: seed.Enabled ?? true,
    attributes: { ...seed.Attributes, ...(kind === undefined ? {} : { [kind]: seed.Username }) },
    mfa: {
      sms: seed.Mfa?.SmsMfa ?? false,
      email: seed.Mfa?.EmailMfa ?? false,
      ...(seed.Mfa?.TotpSecret !== undefined ? { totpSecret: seed.Mfa.TotpSecret } : {}),
      ...(seed.Mfa?.Preferred !== undefined ? { preferred: seed.Mfa.Preferred } : {}),
    },
    mfaSetupRequired: seed.MfaSetupRequired ?? false,
    createdAt: now,
    updatedAt: now,
    failedPasswordAttempts: 0,
    codes: {},
  };
  user.attributes.sub = user.sub;
  if (password !== undefined) {
    user.srp = createVerifier(pool.poolName, user.username, password);
    user.passwordSetAt = now;
  } else if (seed.SrpVerifier !== undefined)
    user.srp = { salt: seed.SrpVerifier.Salt, verifier: seed.SrpVerifier.Verifier };
  return user;
}

/** All pools of one emulator. Pools share nothing; each persists to its own file. */
export class Store {
  readonly pools = new Map<string, Pool>();
  private readonly dataDir: string | undefined;
  private readonly dirty = new Set<Pool>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir?: string) {
    this.dataDir = dataDir;
  }

  /** Loads persisted pools; returns the ids found. */
  async load(): Promise<Set<string>> {
    const found = new Set<string>();
    if (this.dataDir === undefined) return found;
    await mkdir(this.dataDir, { recursive: true });
    for (const file of await readdir(this.dataDir)) {
      if (!file.startsWith('pool-') || !file.endsWith('.json')) continue;
      const stored = JSON.parse(await readFile(join(this.dataDir, file), 'utf8')) as StoredPool;
      const pool = new Pool(stored.id, stored.settings, stored.keys, this.markDirty);
      for (const c of stored.clients) pool.clients.set(c.ClientId, c);
      for (const u of stored.users) pool.users.set(u.username, u);
      for (const d of stored.devices) pool.devices.set(d.key, d);
      for (const r of stored.refresh) {
        pool.refresh.set(r.originJti, r);
        pool.refreshByToken.set(r.token, r.originJti);
        for (const old of r.retired ?? []) pool.refreshByToken.set(old, r.originJti);
      }
      if (stored.oauth) pool.oauth = stored.oauth;
      this.pools.set(pool.id, pool);
      found.add(pool.id);
    }
    return found;
  }

  /** Creates a pool from config (seeding its clients and users); in-process trigger functions are kept in memory. */
  createPool(config: PoolConfig, now: number): Pool {
    const pool = new Pool(config.Id, settingsFrom(config, now), undefined, this.markDirty);
    for (const client of config.Clients ?? []) pool.clients.set(client.ClientId, { ...client });
    for (const seed of config.Users ?? []) {
      const user = userFromSeed(pool, seed, now);
      pool.users.set(user.username, user);
    }
    pool.oauth = poolOAuthFrom(config, now);
    this.pools.set(pool.id, pool);
    pool.changed();
    return pool;
  }

  /** Re-attaches in-process trigger functions to a pool loaded from disk (functions are not persisted). */
  attachTriggers(poolId: string, lambda: LambdaConfig): void {
    const pool = this.pools.get(poolId);
    if (!pool) return;
    pool.settings.lambdaConfig = { ...pool.settings.lambdaConfig, ...lambda };
  }

  async deletePool(id: string): Promise<void> {
    const pool = this.pools.get(id);
    if (!pool) return;
    this.pools.delete(id);
    this.dirty.delete(pool);
    if (this.dataDir !== undefined) await rm(join(this.dataDir, fileName(id)), { force: true });
  }

  private readonly markDirty = (pool: Pool): void => {
    if (this.dataDir === undefined) return;
    this.dirty.add(pool);
    // Coalesce bursts: one write per pool per tick window, not one per request.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, 25);
  };

  /** Writes every dirty pool: temp file + rename, so a crash leaves the old or the new file, never half of one. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const dir = this.dataDir;
    if (dir === undefined) return;
    const pools = [...this.dirty];
    this.dirty.clear();
    const run = async (): Promise<void> => {
      await mkdir(dir, { recursive: true });
      for (const pool of pools) {
        if (!this.pools.has(pool.id)) continue;
        const target = join(dir, fileName(pool.id));
        const temp = `${target}.${String(process.pid)}.${randomUUID()}.tmp`;
        await writeFile(temp, JSON.stringify(pool), { mode: 0o600 });
        await rename(temp, target);
      }
    };
    this.writing = this.writing.then(run, run);
    await this.writing;
  }
}

function fileName(poolId: string): string {
  return `pool-${encodeURIComponent(poolId)}.json`;
}
