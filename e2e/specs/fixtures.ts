// This project's Playwright fixtures: the kit's per-worker emulator seeded with fresh demo users for every test.
import {
  demoPool,
  DEMO_PASSWORD,
  DEMO_PHONE,
  DEMO_SELECT_TOTP_SECRET,
  DEMO_TEMP_PASSWORD,
  DEMO_TOTP_SECRET,
} from '../emulator/demo.ts';
import { demoUrl, waitForDemoServer } from './demoBuild.ts';
import type { EmulatorConfig, UserSeed } from '../emulator/index.ts';
import { test as kitTest, type Admin } from '../kit/index.ts';

/** The sign-in paths the demo pool seeds a user for (see DEMO_USERS). */
export type DemoPath =
  'srp' | 'sms' | 'totp' | 'newPassword' | 'mfaSetup' | 'selectMfa' | 'email' | 'custom' | 'passwordless' | 'passkey';

const TEMPLATE: Readonly<Record<DemoPath, string>> = {
  srp: 'srp-user',
  sms: 'sms-user',
  totp: 'totp-user',
  newPassword: 'newpass-user',
  mfaSetup: 'setup-user',
  selectMfa: 'select-user',
  email: 'email-user',
  custom: 'custom-user',
  passwordless: 'passwordless-user',
  passkey: 'passkey-user',
};

/** A user no other test has touched. */
export interface FreshUser {
  readonly username: string;
  /** The password to type on the credentials form (the temporary one for `newPassword`). */
  readonly password: string;
  readonly email: string;
  /** For `totp` and `selectMfa`: the authenticator secret. */
  readonly totpSecret?: string;
  readonly phone?: string;
}

/**
 * Users per path per worker. Every test takes its own, so a test that changes a user (sets up MFA, remembers a
 * device, changes a password) cannot disturb another. Seeding costs a few ms per user; starting an emulator per
 * test would cost seconds (two RSA key pairs).
 */
const RESERVE = 20;

function copy(seed: UserSeed, username: string): UserSeed {
  return { ...seed, Username: username, Attributes: { ...seed.Attributes, email: `${username}@example.com` } };
}

/** The demo pool (its app client's managed login returning to this suite's demo) plus RESERVE copies of each demo user, named `<demo user>-<n>`. */
function reserveConfig(): EmulatorConfig {
  const pool = demoPool(demoUrl);
  const seeds = pool.Users ?? [];
  const copies = seeds.flatMap((seed) =>
    Array.from({ length: RESERVE }, (_, n) => copy(seed, `${seed.Username}-${String(n + 1)}`)),
  );
  return { Pools: [{ ...pool, Users: [...seeds, ...copies] }] };
}

function userFor(path: DemoPath, username: string): FreshUser {
  const base = { username, email: `${username}@example.com` };
  switch (path) {
    case 'newPassword':
      return { ...base, password: DEMO_TEMP_PASSWORD };
    case 'totp':
      return { ...base, password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET };
    case 'selectMfa':
      return { ...base, password: DEMO_PASSWORD, totpSecret: DEMO_SELECT_TOTP_SECRET, phone: DEMO_PHONE };
    case 'sms':
    case 'passwordless':
      return { ...base, password: DEMO_PASSWORD, phone: DEMO_PHONE };
    default:
      return { ...base, password: DEMO_PASSWORD };
  }
}

export interface Users {
  /** A fresh user of the given path; throws when this worker's reserve is used up. */
  take(path: DemoPath): FreshUser;
}

export const test = kitTest.extend<{ users: Users }, { userCounter: Map<DemoPath, number>; demoServer: undefined }>({
  emulatorConfig: [reserveConfig(), { scope: 'worker' }],
  demoServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object pattern.
    async ({}, use) => {
      await waitForDemoServer();
      await use(undefined);
    },
    { scope: 'worker', auto: true },
  ],
  userCounter: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object pattern.
    async ({}, use) => {
      await use(new Map());
    },
    { scope: 'worker' },
  ],
  users: async ({ userCounter }, use) => {
    await use({
      take(path) {
        const n = (userCounter.get(path) ?? 0) + 1;
        if (n > RESERVE)
          throw new Error(
            `this worker has used all ${String(RESERVE)} ${path} users: raise RESERVE in e2e/specs/fixtures.ts`,
          );
        userCounter.set(path, n);
        return userFor(path, `${TEMPLATE[path]}-${String(n)}`);
      },
    });
  },
});

/** `<name>-<worker>-<ms>`: a username no other test or worker has used, for users a test creates itself. */
export function uniqueUsername(name: string): string {
  return `${name}-${String(kitTest.info().workerIndex)}-${String(Date.now())}`;
}

/**
 * A CONFIRMED user with a verified email, made for the running test through the kit's admin (AdminCreateUser, then
 * AdminSetUserPassword): for stories that change a user beyond what the seeded reserve allows.
 */
export async function createConfirmedUser(admin: Admin, name: string, password: string): Promise<string> {
  const username = uniqueUsername(name);
  await admin.createUser({
    username,
    password,
    attributes: { email: `${username}@example.com`, email_verified: 'true' },
  });
  return username;
}

export { expect } from '../kit/index.ts';
