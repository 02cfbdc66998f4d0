// Round-trip rows: requests per sign-in path counted at the emulator while our machine signs in, vs docs/protocol.md §11's minimum.
import { createMemoryDeviceStore } from '../src/adapters/deviceStore.ts';
import {
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_POOL_ID,
  DEMO_SELECT_TOTP_SECRET,
  DEMO_TEMP_PASSWORD,
  DEMO_TOTP_SECRET,
} from '../e2e/emulator/demo.ts';
import { errorText, type BenchContext } from './context.ts';
import { startOurEmulator } from './servers.ts';
import { driveSignIn, requestCount, requestTargets, type DriveOptions, type UserScript } from './signInDriver.ts';
import { failed, value, type Row } from './table.ts';

interface PathCase {
  readonly path: string;
  /** Protocol minimum from docs/protocol.md §11. */
  readonly minimum: number;
  readonly run: (base: DriveOptions) => Promise<void>;
}

const user = (username: string, extra: Partial<UserScript> = {}): UserScript => ({
  username,
  password: DEMO_PASSWORD,
  ...extra,
});

const signInOnce = async (script: UserScript, options: DriveOptions): Promise<void> => {
  (await driveSignIn(script, options)).stop();
};

// One memory device store shared by the "new device" and "remembered device" paths: the second signs in with the first's device.
const devices = createMemoryDeviceStore();

const cases: readonly PathCase[] = [
  { path: 'SRP only', minimum: 2, run: (o) => signInOnce(user('srp-user'), o) },
  { path: 'SRP + SMS_MFA', minimum: 3, run: (o) => signInOnce(user('sms-user'), o) },
  {
    path: 'SRP + SOFTWARE_TOKEN_MFA',
    minimum: 3,
    run: (o) => signInOnce(user('totp-user', { totpSecret: DEMO_TOTP_SECRET }), o),
  },
  { path: 'SRP + EMAIL_OTP', minimum: 3, run: (o) => signInOnce(user('email-user'), o) },
  {
    path: 'SRP + NEW_PASSWORD_REQUIRED',
    minimum: 3,
    run: (o) =>
      signInOnce(
        user('newpass-user', {
          password: DEMO_TEMP_PASSWORD,
          newPassword: 'N3w!Passw0rd-bench',
          newPasswordAttributes: { name: 'Bench User' },
        }),
        o,
      ),
  },
  {
    path: 'SRP + SELECT_MFA_TYPE (TOTP)',
    minimum: 4,
    run: (o) =>
      signInOnce(user('select-user', { mfaType: 'SOFTWARE_TOKEN_MFA', totpSecret: DEMO_SELECT_TOTP_SECRET }), o),
  },
  { path: 'SRP + MFA_SETUP (TOTP)', minimum: 5, run: (o) => signInOnce(user('setup-user'), o) },
  {
    path: 'CUSTOM_AUTH, one challenge',
    minimum: 2,
    run: (o) => signInOnce(user('custom-user', { customAnswer: '42' }), { ...o, authFlow: 'CUSTOM_AUTH' }),
  },
  {
    path: 'USER_PASSWORD_AUTH, no MFA',
    minimum: 1,
    run: (o) => signInOnce(user('srp-user'), { ...o, authFlow: 'USER_PASSWORD_AUTH' }),
  },
  {
    path: 'USER_AUTH + PASSWORD preferred',
    minimum: 1,
    run: (o) => signInOnce(user('passwordless-user'), { ...o, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD' }),
  },
  {
    path: 'USER_AUTH + PASSWORD_SRP preferred',
    minimum: 2,
    run: (o) =>
      signInOnce(user('passwordless-user'), { ...o, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' }),
  },
  {
    path: 'USER_AUTH + SMS_OTP preferred',
    minimum: 2,
    run: (o) => signInOnce(user('passwordless-user'), { ...o, authFlow: 'USER_AUTH', preferredChallenge: 'SMS_OTP' }),
  },
  {
    path: 'USER_AUTH + EMAIL_OTP preferred',
    minimum: 2,
    run: (o) => signInOnce(user('passwordless-user'), { ...o, authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' }),
  },
  {
    path: 'SRP + new device remembered (ConfirmDevice + UpdateDeviceStatus)',
    minimum: 4,
    run: (o) =>
      signInOnce(user('srp-user', { rememberDevice: true }), { ...o, deviceTracking: true, deviceStore: devices }),
  },
  {
    path: 'Remembered device (DEVICE_SRP_AUTH)',
    minimum: 4,
    run: (o) => signInOnce(user('srp-user'), { ...o, deviceTracking: true, deviceStore: devices }),
  },
];

/** Refresh is counted from a signed-in actor: only the tokens.refresh round trip. */
async function refreshTrips(options: DriveOptions): Promise<{ count: number; targets: string[] }> {
  const signedIn = await driveSignIn(user('srp-user'), options);
  try {
    const before = await requestCount(options.emulatorUrl);
    signedIn.actor.send({ type: 'tokens.refresh' });
    const { waitFor } = await import('xstate');
    await waitFor(signedIn.actor, (s) => s.matches({ signedIn: 'active' }) && !s.hasTag('busy'), { timeout: 20_000 });
    return {
      count: (await requestCount(options.emulatorUrl)) - before,
      targets: await requestTargets(options.emulatorUrl, before),
    };
  } finally {
    signedIn.stop();
  }
}

/** A round-trip row: our request count against the protocol minimum, equal as the aim. */
export function roundTripRow(path: string, minimum: number, ours: Row['ours'], note: string): Row {
  return {
    group: 'round-trips',
    metric: `Round trips: ${path}`,
    unit: 'requests',
    ours,
    peer: value(minimum),
    peerName: 'protocol minimum',
    aim: { kind: 'equal' },
    note,
  };
}

export async function measureRoundTrips(ctx: BenchContext): Promise<Row[]> {
  const server = await startOurEmulator();
  const rows: Row[] = [];
  const base: DriveOptions = { emulatorUrl: server.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID };
  try {
    for (const c of cases) {
      ctx.log(`round trips: ${c.path}`);
      const before = await requestCount(server.url);
      try {
        await c.run(base);
        const count = (await requestCount(server.url)) - before;
        const targets = await requestTargets(server.url, before);
        rows.push(
          roundTripRow(c.path, c.minimum, value(count), count === c.minimum ? '' : `${c.path}: ${targets.join(' → ')}`),
        );
      } catch (error) {
        rows.push(roundTripRow(c.path, c.minimum, failed(`failed: ${errorText(error)}`), ''));
      }
    }
    try {
      const refresh = await refreshTrips(base);
      rows.push(
        roundTripRow(
          'Refresh (REFRESH_TOKEN_AUTH)',
          1,
          value(refresh.count),
          refresh.count === 1 ? '' : `Refresh: ${refresh.targets.join(' → ')}`,
        ),
      );
    } catch (error) {
      rows.push(roundTripRow('Refresh (REFRESH_TOKEN_AUTH)', 1, failed(`failed: ${errorText(error)}`), ''));
    }
  } finally {
    await server.stop();
  }
  const first = rows[0];
  if (first !== undefined) {
    rows[0] = {
      ...first,
      note: `Machine-driven rows: AWS requests logged by the emulator (GET /_emulator/requests) while our machine (fast SRP, fetch transport) signs a demo user in; device tracking off except on the device paths. ${first.note}`.trim(),
    };
  }
  const { measureChoiceRoundTrips } = await import('./choiceRoundTrips.ts');
  return [...rows, ...(await measureChoiceRoundTrips(ctx))];
}
