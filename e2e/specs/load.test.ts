// Load: 64 concurrent sign-ins of mixed paths through one emulator and machines in one process; persistence under kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { jwtPayload } from '../../machines/claims.ts';
import { createSignInMachine } from '../../machines/createSignInMachine.ts';
import { secret } from '../../machines/secret.ts';
import type { SignInEvent, SignInInput } from '../../machines/types.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import { createFastSrp } from '../../src/adapters/srpFast.ts';
import type { EmulatorConfig, UserSeed } from '../emulator/config.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, DEMO_TOTP_SECRET, demoPool } from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { lastCode, totpCode } from '../emulator/testHelpers.ts';

const FLOWS = 64;
const TARGET = 'AWSCognitoIdentityProviderService.';

interface Path {
  readonly name: string;
  readonly seed: string;
  readonly input: Partial<SignInInput>;
  /** InitiateAuth + RespondToAuthChallenge calls the protocol needs for this path (docs/protocol.md §11). */
  readonly requests: number;
  readonly answer?: (username: string) => SignInEvent;
}

const PATHS: readonly Path[] = [
  { name: 'SRP', seed: 'srp-user', input: {}, requests: 2 },
  {
    name: 'SRP + SMS_MFA',
    seed: 'sms-user',
    input: {},
    requests: 3,
    answer: (username) => ({ type: 'code.submit', code: secret(lastCode(emulator, username)) }),
  },
  {
    name: 'SRP + SOFTWARE_TOKEN_MFA',
    seed: 'totp-user',
    input: {},
    requests: 3,
    answer: () => ({ type: 'code.submit', code: secret(totpCode(DEMO_TOTP_SECRET, emulator)) }),
  },
  { name: 'USER_PASSWORD_AUTH', seed: 'srp-user', input: { authFlow: 'USER_PASSWORD_AUTH' }, requests: 1 },
  {
    name: 'CUSTOM_AUTH',
    seed: 'custom-user',
    input: { authFlow: 'CUSTOM_AUTH' },
    requests: 2,
    answer: () => ({ type: 'customChallenge.submit', answer: secret('42') }),
  },
];

let emulator: Emulator;

function config(): EmulatorConfig {
  const pool = demoPool();
  const seeds: UserSeed[] = pool.Users ?? [];
  const users = Array.from({ length: FLOWS }, (_, index) => {
    const path = PATHS[index % PATHS.length];
    const seed = seeds.find((user) => user.Username === path?.seed);
    if (seed === undefined) throw new Error(`no demo user ${path?.seed ?? ''}`);
    const username = `load-${String(index)}`;
    return { ...seed, Username: username, Attributes: { ...seed.Attributes, email: `${username}@example.com` } };
  });
  pool.Users = [...seeds, ...users];
  return { Pools: [pool] };
}

beforeAll(async () => {
  emulator = await startEmulator({ config: config() });
});

afterAll(() => emulator.stop());

/** One user's sign-in: a machine with the real transport and SRP, answering its challenge when asked. */
async function signIn(
  index: number,
): Promise<{ username: string; path: Path; idUsername: unknown; accessUsername: unknown; sub: unknown }> {
  const path = PATHS[index % PATHS.length];
  if (path === undefined) throw new Error('no path');
  const username = `load-${String(index)}`;
  const actor = createActor(
    createSignInMachine({
      cognito: createCognitoHttp({ endpoint: emulator.url }),
      srp: createFastSrp(),
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      now: () => new Date(emulator.clock.now()),
    }),
    {
      input: {
        userPoolId: DEMO_POOL_ID,
        clientId: DEMO_CLIENT_ID,
        deviceTracking: false,
        ...path.input,
      },
    },
  );
  actor.start();
  actor.send({ type: 'credentials.submit', username, password: secret(DEMO_PASSWORD) });
  let answered = false;
  const done = await waitFor(
    actor,
    (snapshot) => {
      if (snapshot.hasTag('input') && !snapshot.matches('credentials') && !answered && path.answer) {
        answered = true;
        const event = path.answer(username);
        queueMicrotask(() => {
          actor.send(event);
        });
      }
      return snapshot.status === 'done' || snapshot.context.error !== null;
    },
    { timeout: 120_000 },
  );
  actor.stop();
  if (done.output === undefined || done.output === null) {
    throw new Error(
      `${username} (${path.name}) ended in ${JSON.stringify(done.value)} with ${JSON.stringify(done.context.error)}`,
    );
  }
  const id = jwtPayload(done.output.tokens.idToken.reveal());
  const access = jwtPayload(done.output.tokens.accessToken.reveal());
  expect(access.sub).toBe(id.sub);
  return { username, path, idUsername: id['cognito:username'], accessUsername: access.username, sub: id.sub };
}

describe('load', () => {
  it(
    '64 concurrent sign-ins of mixed paths all end signed in, each with its own tokens, and the emulator saw exactly the protocol’s requests',
    { timeout: 180_000 },
    async () => {
      const start = emulator.requests.length;
      const results = await Promise.all(Array.from({ length: FLOWS }, (_, index) => signIn(index)));
      const received = emulator.requests.slice(start).map((entry) => entry.target.replace(TARGET, ''));

      for (const result of results) {
        expect(result.idUsername).toBe(result.username);
        expect(result.accessUsername).toBe(result.username);
      }
      const subs = new Set(results.map((result) => result.sub));
      expect(subs.size).toBe(FLOWS);
      const expected = results.reduce((sum, result) => sum + result.path.requests, 0);
      expect(received).toHaveLength(expected);
      expect(received.every((target) => target === 'InitiateAuth' || target === 'RespondToAuthChallenge')).toBe(true);
      expect(received.filter((target) => target === 'InitiateAuth')).toHaveLength(FLOWS);

      const byPath = new Map<string, number>();
      for (const result of results) byPath.set(result.path.name, (byPath.get(result.path.name) ?? 0) + 1);
      console.log(
        `load: flows started ${String(FLOWS)}; flows completed ${String(results.length)} (${JSON.stringify(Object.fromEntries(byPath))}); ` +
          `distinct subs ${String(subs.size)}; sessions crossing users 0; requests expected ${String(expected)}, logged ${String(received.length)}`,
      );
    },
  );
});

/** Starts the CLI (`npm run emulator`) on a free port with `--data`. */
async function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/emulator/cli.ts', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  return { child, url: first.replace('listening on ', '') };
}

async function admin(url: string, operation: string, body: object): Promise<Response> {
  return fetch(`${url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}${operation}` },
    body: JSON.stringify(body),
  });
}

describe('persistence', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'emulator-kill9-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it(
    'kill -9 during writes loses no acknowledged user and leaves every data file parseable',
    { timeout: 120_000 },
    async () => {
      const first = await startCli(dataDir);
      const acknowledged: string[] = [];
      let sent = 0;
      let pulled = false;
      // Read through a call: the writers run concurrently, so the flag changes between their awaits.
      const plugPulled = (): boolean => pulled;
      const exited = once(first.child, 'exit');
      // Four writers in parallel; the process dies with writes in flight (the 41st acknowledgement pulls the plug).
      const writer = async (lane: number): Promise<void> => {
        for (let n = 0; !plugPulled(); n += 1) {
          const username = `durable-${String(lane)}-${String(n)}`;
          sent += 1;
          try {
            const response = await admin(first.url, 'AdminCreateUser', {
              UserPoolId: DEMO_POOL_ID,
              Username: username,
              TemporaryPassword: 'Temp0rary!load',
              MessageAction: 'SUPPRESS',
            });
            if (response.status === 200) acknowledged.push(username);
            else throw new Error(`AdminCreateUser answered ${String(response.status)}`);
          } catch (error) {
            if (!plugPulled()) throw error;
            return;
          }
          if (acknowledged.length === 41 && !plugPulled()) {
            pulled = true;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([0, 1, 2, 3].map(writer));
      const [, signal] = (await exited) as [number | null, string | null];
      expect(signal).toBe('SIGKILL');

      const files = (await readdir(dataDir)).filter((name) => name.endsWith('.json'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) JSON.parse(await readFile(join(dataDir, file), 'utf8'));

      const second = await startCli(dataDir);
      try {
        const missing: string[] = [];
        for (const username of acknowledged) {
          const response = await admin(second.url, 'AdminGetUser', { UserPoolId: DEMO_POOL_ID, Username: username });
          if (response.status !== 200) missing.push(username);
        }
        console.log(
          `persistence: writes sent ${String(sent)}; acknowledged before kill -9 ${String(acknowledged.length)}; ` +
            `found after restart ${String(acknowledged.length - missing.length)}; lost ${String(missing.length)}; data files ${String(files.length)} parse`,
        );
        expect(missing).toEqual([]);
      } finally {
        second.child.kill('SIGTERM');
        await once(second.child, 'exit');
      }
    },
  );
});
