// Cold-start rows: from spawning the emulator process to its first successful sign-in, ours vs cognito-local.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createAwsJsonClient } from './awsJson.ts';
import type { BenchContext } from './context.ts';
import { ensurePacked, installedBin } from './packed.ts';
import { cognitoLocalSpec, ensurePeer } from './peers.ts';
import { repoRoot, workDir } from './paths.ts';
import { cognitoLocalBin, freePort, startCognitoLocal } from './servers.ts';
import { median } from './stats.ts';
import { demo, passwordSignIn, seedCognitoLocal, srpSignIn, type Target } from './throughput.ts';
import { value, type Row } from './table.ts';

/** Starts per server, interleaved (ours, peer, ours…) so a burst of load elsewhere hits both alike. */
const runs = 5;
const retryMs = 10;
const giveUpMs = 30_000;

interface Launch {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Whether something accepts TCP connections on the port yet (cheap, so polling it does not slow the start). */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/**
 * Spawns the process, polls its port every 10 ms, then signs in (retrying on failure) until one sign-in succeeds;
 * ms from spawn to that success. The SRP client math runs only once the port is open, so it does not compete
 * with the starting server for the CPU.
 */
async function timeToFirstSignIn(launch: Launch, signIn: (url: string) => Promise<void>, url: string): Promise<number> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(launch.command, [...launch.args], {
    cwd: launch.cwd,
    env: launch.env ?? process.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-1000);
  });
  try {
    let lastError = '';
    while (performance.now() - t0 < giveUpMs) {
      if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}: ${stderr.trim()}`);
      try {
        if (!(await listening(url))) throw new Error('not listening yet');
        await signIn(url);
        return performance.now() - t0;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
    throw new Error(`no sign-in within ${giveUpMs / 1000} s: ${lastError}`);
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else {
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGKILL');
      }
    });
  }
}

/** A fresh client per attempt: a socket refused while the server starts must not poison the next try. */
async function withClient(url: string, use: (client: ReturnType<typeof createAwsJsonClient>) => Promise<void>) {
  const client = createAwsJsonClient(url, 1);
  try {
    await use(client);
  } finally {
    client.close();
  }
}

/** Our emulator's launch: the packed package's `cognito-emulator` bin when it ships one, else the repo's CLI. */
async function ourLaunch(ctx: BenchContext): Promise<{ launch: (port: number) => Launch; how: string }> {
  const packed = await ensurePacked(ctx.log);
  const bin = await installedBin(packed.install, 'cognito-xstate', 'cognito-emulator');
  if (bin !== undefined) {
    return {
      launch: (port) => ({ command: bin, args: ['--port', String(port)], cwd: packed.install.prefix }),
      how: '`cognito-emulator` bin of the packed package installed from its tarball',
    };
  }
  return {
    launch: (port) => ({
      command: process.execPath,
      args: ['--import', 'tsx', join('e2e', 'emulator', 'cli.ts'), '--port', String(port)],
      cwd: repoRoot,
    }),
    how: "the repository's `tsx e2e/emulator/cli.ts` (`node --import tsx`; the packed package has no `cognito-emulator` bin yet)",
  };
}

export async function measureColdStart(ctx: BenchContext): Promise<Row[]> {
  const ours = await ourLaunch(ctx);
  const prefix = await ensurePeer(cognitoLocalSpec, ctx.log);
  // cognito-local starts from a data folder seeded once (pool, client, user), as ours starts from its demo pool.
  const dataDir = join(workDir, 'cold-start', 'cognito-local');
  await rm(dataDir, { recursive: true, force: true });
  const seeding = await startCognitoLocal(prefix, dataDir);
  let target: Target;
  try {
    target = await seedCognitoLocal(seeding.url);
  } finally {
    await seeding.stop();
  }
  const oursMs: number[] = [];
  const peerMs: number[] = [];
  ctx.log(`cold start: ${runs} starts each, interleaved`);
  for (let i = 0; i < runs; i += 1) {
    const oursPort = await freePort();
    oursMs.push(
      await timeToFirstSignIn(
        ours.launch(oursPort),
        (url) => withClient(url, srpSignIn),
        `http://127.0.0.1:${oursPort}`,
      ),
    );
    const peerPort = await freePort();
    peerMs.push(
      await timeToFirstSignIn(
        {
          command: process.execPath,
          args: [cognitoLocalBin(prefix)],
          cwd: dataDir,
          env: { ...process.env, PORT: String(peerPort), HOST: '127.0.0.1' },
        },
        (url) => withClient(url, (client) => passwordSignIn(client, { ...target, url })),
        `http://127.0.0.1:${peerPort}`,
      ),
    );
  }
  const list = (ms: readonly number[]): string => ms.map((m) => m.toFixed(0)).join(', ');
  return [
    {
      group: 'cold-start',
      metric: 'Emulator cold start: process start to first sign-in (ours SRP)',
      unit: 'ms',
      ours: value(median(oursMs)),
      peer: value(median(peerMs)),
      peerName: 'cognito-local 5.3.0, first USER_PASSWORD_AUTH',
      aim: {
        kind: 'all',
        aims: [
          { kind: 'oursAtMost', limit: 500 },
          { kind: 'ratioAtMost', limit: 1 },
        ],
      },
      note:
        `Median of ${runs} starts each, interleaved, no CPU pinning; from spawn() to the first sign-in that returns tokens, port polled every ${retryMs} ms, then the sign-in (retried on failure) on a fresh connection. ` +
        `Ours: ${ours.how}, demo pool, full USER_SRP_AUTH + PASSWORD_VERIFIER of ${demo.username} (client math in the bench); runs ${list(oursMs)} ms. ` +
        `cognito-local: its start script from a data folder seeded once (pool, client, user), USER_PASSWORD_AUTH (it has no SRP); runs ${list(peerMs)} ms.`,
    },
  ];
}
