// Playwright fixtures: one Cognito emulator per worker (or a real user pool), plus outbox, TOTP, clock, admin
// and the sign-in page object for each test.
import { test as base } from '@playwright/test';
import { demoConfig, DEMO_CLIENT_ID, DEMO_POOL_ID } from '../emulator/demo.ts';
import { startEmulator, type Emulator, type EmulatorConfig } from '../emulator/index.ts';
import type { Admin, AdminTarget } from './admin.ts';
import { createAdmin } from './lazyAdmin.ts';
import { wallClock, type TestClock } from './clock.ts';
import { emulatorOutbox, hookOutbox, type CodeHook, type Outbox } from './outbox.ts';
import { SignInPage } from './signInPage.ts';
import { createTotp, type TotpCodes } from './totp.ts';

/** A real user pool to run against instead of the emulator. */
export interface RealPool {
  readonly userPoolId: string;
  /** A public app client (no secret) allowing USER_SRP_AUTH (and USER_PASSWORD_AUTH for `admin.enableTotp`). */
  readonly clientId: string;
  /** Default: the pool id's prefix. */
  readonly region?: string;
  /** For the admin calls; omit to use the SDK's default credential chain. */
  readonly credentials?: AdminTarget['credentials'];
  /** Where SMS and email codes come from; a real pool has no readable outbox. */
  readonly readCode: CodeHook;
}

/** The pool the tests of one worker talk to. */
export interface Cognito {
  /** The emulator's URL; undefined for a real pool (the SDK and widget use Cognito's own endpoint). */
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** The in-process emulator, when there is one (its live `outbox`, `requests`, `clock`). */
  readonly emulator: Emulator | undefined;
  /** Set for a real pool. */
  readonly readCode: CodeHook | undefined;
}

/** Kit options per Playwright worker (emulator seed, pool settings). */
export interface CognitoWorkerOptions {
  /** Set to run every test against this real pool instead of a per-worker emulator. */
  cognitoPool: RealPool | undefined;
  /** The pools the per-worker emulator starts with (default: the demo pool). */
  emulatorConfig: EmulatorConfig | undefined;
  /** Which pool and client of `emulatorConfig` tests use (default: the first pool and its first client). */
  emulatorPool: { readonly userPoolId: string; readonly clientId: string } | undefined;
}

/** Kit fixtures shared by a Playwright worker: its emulator. */
export interface CognitoWorkerFixtures {
  cognito: Cognito;
}

/** Kit fixtures per test: pool, admin, outbox, TOTP, clock and the widget page object. */
export interface CognitoTestFixtures {
  /** Codes sent during this test: `await outbox.waitForCode('alice')`. */
  outbox: Outbox;
  /** `totp.code(secret)` at the pool's time. */
  totp: TotpCodes;
  /** `await clock.advance(200)` ages Sessions and codes on the emulator. */
  clock: TestClock;
  /** AdminCreateUser and friends over the AWS SDK. */
  admin: Admin;
  signInPage: SignInPage;
}

function regionOf(userPoolId: string): string {
  return userPoolId.split('_')[0] ?? 'us-east-1';
}

function firstPool(config: EmulatorConfig): { userPoolId: string; clientId: string } {
  const pool = config.Pools[0];
  const client = pool?.Clients?.[0];
  if (!pool || !client) throw new Error('emulatorConfig needs a pool with a client');
  return { userPoolId: pool.Id, clientId: client.ClientId };
}

/** The emulator accepts any signature; the SDK still wants credentials to sign with. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'emulator', secretAccessKey: 'emulator' } as const;

/** Playwright's `test` with the kit's fixtures: an emulator per worker, a fresh pool per test. */
export const test = base.extend<CognitoTestFixtures, CognitoWorkerOptions & CognitoWorkerFixtures>({
  cognitoPool: [undefined, { option: true, scope: 'worker' }],
  emulatorConfig: [undefined, { option: true, scope: 'worker' }],
  emulatorPool: [undefined, { option: true, scope: 'worker' }],
  cognito: [
    async ({ cognitoPool, emulatorConfig, emulatorPool }, use) => {
      if (cognitoPool !== undefined) {
        await use({
          endpoint: undefined,
          region: cognitoPool.region ?? regionOf(cognitoPool.userPoolId),
          userPoolId: cognitoPool.userPoolId,
          clientId: cognitoPool.clientId,
          emulator: undefined,
          readCode: cognitoPool.readCode,
        });
        return;
      }
      const config = emulatorConfig ?? demoConfig();
      const chosen =
        emulatorPool ??
        (emulatorConfig === undefined ? { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID } : firstPool(config));
      const emulator = await startEmulator({ config });
      // The pool makes its RSA signing keys on first use; asking for its JWKS now lets that run (off the event loop)
      // while the browser launches, instead of inside the first test's first sign-in.
      const warm = fetch(`${emulator.url}/${chosen.userPoolId}/.well-known/jwks.json`)
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
      try {
        await use({
          endpoint: emulator.url,
          region: regionOf(chosen.userPoolId),
          ...chosen,
          emulator,
          readCode: undefined,
        });
      } finally {
        await warm;
        await emulator.stop();
      }
    },
    { scope: 'worker' },
  ],
  outbox: async ({ cognito }, use) => {
    if (cognito.readCode !== undefined) await use(hookOutbox(cognito.readCode));
    else if (cognito.endpoint !== undefined) await use(await emulatorOutbox(cognito.endpoint));
    else throw new Error('no emulator and no readCode hook: nowhere to read codes from');
  },
  clock: async ({ cognito }, use) => {
    const { emulator } = cognito;
    if (emulator === undefined) {
      await use(wallClock());
      return;
    }
    // In-process: read the emulator's own clock, so codes stay right even after an earlier test advanced it.
    await use({
      advance: (seconds) => {
        emulator.clock.advance(seconds);
        return Promise.resolve();
      },
      now: () => emulator.clock.now(),
    });
  },
  totp: async ({ clock }, use) => {
    await use(createTotp(() => clock.now()));
  },
  admin: async ({ cognito }, use) => {
    await use(
      await createAdmin({
        region: cognito.region,
        userPoolId: cognito.userPoolId,
        clientId: cognito.clientId,
        endpoint: cognito.endpoint,
        credentials: cognito.emulator === undefined ? undefined : EMULATOR_CREDENTIALS,
      }),
    );
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

export { expect } from '@playwright/test';
