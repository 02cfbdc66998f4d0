// The servers under load, each a child process pinned to its own core: our emulator and cognito-local.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { isChildMessage, type ChildMessage, type ParentMessage } from './childProtocol.ts';
import { repoRoot, workDir } from './paths.ts';

export interface Memory {
  readonly rss: number;
  /** V8 heap in use, when the server can tell us (our emulator can, over IPC). */
  readonly heapUsed?: number;
}

export interface RunningServer {
  readonly url: string;
  /** How long the server took to start (for ours: including seeding users). */
  readonly startMs: number;
  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds(): Promise<number>;
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

const hasTaskset = existsSync('/usr/bin/taskset') && cpus().length >= 2;
/** The core servers run on; the bench (load generator) keeps the others. */
const serverCore = cpus().length - 1;

/** Pins a process (all its threads) to the given cores, when taskset and a second core exist. */
export async function pinProcess(pid: number, cores: string): Promise<void> {
  if (!hasTaskset) return;
  await new Promise<void>((resolve) => {
    spawn('taskset', ['-a', '-pc', cores, String(pid)], { stdio: 'ignore' }).on('close', () => {
      resolve();
    });
  });
}

/** Keeps the load generator off the server's core while a server runs; returns the undo. */
export async function pinBenchAwayFromServer(): Promise<() => Promise<void>> {
  if (!hasTaskset) return () => Promise.resolve();
  await pinProcess(process.pid, `0-${serverCore - 1}`);
  return () => pinProcess(process.pid, `0-${cpus().length - 1}`);
}

export const pinningNote = hasTaskset
  ? `server pinned to core ${serverCore} with taskset, load generator on the other core(s)`
  : 'no CPU pinning (taskset or a second core missing)';

function spawnPinned(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ipc: boolean },
): ChildProcess {
  const [file, argv] = hasTaskset ? ['taskset', ['-c', String(serverCore), command, ...args]] : [command, args];
  return spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: options.ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
}

/** user + system CPU seconds of a Linux process, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export async function procCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", utime and stime are fields 12 and 13 (0-based) of the rest.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function procRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** Our emulator (startEmulator from e2e/emulator/index.ts) in a child process, pinned to one core. */
export async function startOurEmulator(growthUsers = 0): Promise<RunningServer> {
  const env = { ...process.env, BENCH_GROWTH_USERS: String(growthUsers) };
  const child = spawnPinned(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(repoRoot, 'bench', 'emulatorChild.ts')],
    { cwd: repoRoot, env, ipc: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const next = (want: ChildMessage['type']): Promise<ChildMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: unknown): void => {
        if (!isChildMessage(message) || (message.type !== want && message.type !== 'error')) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (): void => {
        child.off('message', onMessage);
        reject(new Error(`emulator child exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  if (ready.type === 'error') throw new Error(ready.message);
  if (ready.type !== 'ready') throw new Error('unexpected message from the emulator child');
  const pid = child.pid ?? 0;
  const ask = (message: ParentMessage): void => {
    child.send(message);
  };
  return {
    url: ready.url,
    startMs: ready.startMs,
    cpuSeconds: () => procCpuSeconds(pid),
    async memory() {
      const reply = next('memory');
      ask({ type: 'memory' });
      const message = await reply;
      if (message.type !== 'memory') throw new Error('no memory figures from the emulator child');
      return { rss: message.rss, heapUsed: message.heapUsed };
    },
    async stop() {
      const exited = new Promise<void>((resolve) =>
        child.once('exit', () => {
          resolve();
        }),
      );
      if (child.exitCode !== null) return;
      ask({ type: 'stop' });
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await stopChild(child, 'SIGKILL');
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

/** cognito-local's start script in its pinned install. */
export const cognitoLocalBin = (prefix: string): string =>
  join(prefix, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js');

/**
 * cognito-local from its pinned install, on a free port, with its `.cognito` data in a fresh temp folder, or in
 * `keepData` (kept after stop, so a later start finds the pools seeded there).
 */
export async function startCognitoLocal(prefix: string, keepData?: string): Promise<RunningServer> {
  const port = await freePort();
  await mkdir(join(workDir, 'tmp'), { recursive: true });
  // cognito-local keeps config and data in ./.cognito of its working directory.
  const dataParent = keepData ?? (await mkdtemp(join(workDir, 'tmp', 'cognito-local-')));
  await mkdir(dataParent, { recursive: true });
  const bin = cognitoLocalBin(prefix);
  const child = spawnPinned(process.execPath, [bin], {
    cwd: dataParent,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    ipc: false,
  });
  // Its per-request log lines are part of what it costs as shipped; drain them so the pipe never blocks.
  child.stdout?.resume();
  child.stderr?.resume();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  await waitForHttp(url, child, 20_000);
  const startMs = performance.now() - t0;
  const pid = child.pid ?? 0;
  return {
    url,
    startMs,
    cpuSeconds: () => procCpuSeconds(pid),
    async memory() {
      return { rss: await procRss(pid) };
    },
    async stop() {
      await stopChild(child);
      if (keepData === undefined) await rm(dataParent, { recursive: true, force: true });
    },
  };
}
