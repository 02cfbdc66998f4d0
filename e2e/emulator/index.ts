// The emulator's entry point: startEmulator() builds a store from config and serves it on loopback.
import { createClock, type Clock } from './clock.ts';
import type { EmulatorConfig } from './config.ts';
import type { Context } from './context.ts';
import { demoConfig } from './demo.ts';
import { handlers } from './handlers/index.ts';
import { createOutbox, type Message } from './outbox.ts';
import { checkConfig, readSeedFile, seedDevices } from './seed.ts';
import { createHttpServer, type RequestLogEntry } from './server.ts';
import { SessionStore } from './sessions.ts';
import { EmulatorStartError } from './startError.ts';
import { Store } from './store.ts';
import { createTriggers } from './triggers.ts';

export type { Clock } from './clock.ts';
export type * from './config.ts';
export type { Message } from './outbox.ts';
export type { RequestLogEntry } from './server.ts';
export { EmulatorStartError, type EmulatorStartErrorCode } from './startError.ts';

/** Options of `startEmulator`: port, host, pools or a seed file, a data directory and the clock. */
export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Pools to create; omitted → `seed`, else the demo pool. Pools already in `dataDir` are loaded instead of re-seeded. */
  config?: EmulatorConfig;
  /** A seed file (JSON, the `config` shape); trigger module paths in it resolve next to it. */
  seed?: string;
  clock?: Clock;
  /** Persist pools here (one JSON file per pool, atomic writes). */
  dataDir?: string;
  /** Serve /_emulator/* (default true). */
  testEndpoints?: boolean;
  /** Where trigger module paths in `config` are resolved from (default: the working directory). */
  baseDir?: string;
}

/** A running emulator: its URL, the outbox, the request log, the clock and `close()`. */
export interface Emulator {
  readonly url: string;
  /** Stops serving and flushes `dataDir`; safe to call twice. */
  close(): Promise<void>;
  /** The same as `close()`. */
  stop(): Promise<void>;
  /** Live view of every code "sent". */
  readonly outbox: readonly Message[];
  readonly clock: { advance(seconds: number): void; now(): number };
  /** Live view of every AWS request received, in order. */
  readonly requests: readonly RequestLogEntry[];
}

/**
 * Starts a Cognito user-pool emulator on loopback. Rejects with `EmulatorStartError` (`code` `InvalidSeed`,
 * `PortInUse` or `ListenFailed`) before anything is served; a bad seed is refused before `dataDir` is touched.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seeded = options.config
    ? { config: checkConfig(options.config, 'options.config'), baseDir: options.baseDir }
    : options.seed !== undefined
      ? await readSeedFile(options.seed)
      : { config: demoConfig(), baseDir: options.baseDir };
  const clock = options.clock ?? createClock();
  const store = new Store(options.dataDir);
  const outbox = createOutbox();
  const requests: RequestLogEntry[] = [];
  let url = '';
  const ctx: Context = {
    store,
    sessions: new SessionStore(),
    clock,
    outbox,
    triggers: createTriggers(options.baseDir ?? seeded.baseDir ?? process.cwd()),
    baseUrl: () => url,
  };
  const loaded = await store.load();
  for (const pool of seeded.config.Pools) {
    if (loaded.has(pool.Id)) store.attachTriggers(pool.Id, pool.LambdaConfig ?? {});
    else seedDevices(store.createPool(pool, clock.now()), pool, clock.now());
  }
  await store.flush();

  const server = createHttpServer({
    ctx,
    handlers,
    requests,
    testEndpoints: options.testEndpoints ?? true,
  });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      const where = `${host}:${String(port)}`;
      reject(
        error.code === 'EADDRINUSE'
          ? new EmulatorStartError('PortInUse', `port ${String(port)} on ${host} is already in use`, { cause: error })
          : new EmulatorStartError('ListenFailed', `cannot listen on ${where} (${error.code ?? error.message})`, {
              cause: error,
            }),
      );
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator: expected a TCP address');
  const shownHost = host.includes(':') ? `[${host}]` : host;
  url = `http://${shownHost}:${String(address.port)}`;
  // RSA key generation (two 2048-bit keys per pool) runs in libuv's thread pool while the first client starts up,
  // so the first sign-in rarely waits for it; a failure surfaces on that first token issue instead.
  for (const pool of store.pools.values()) pool.keys().catch(() => undefined);

  let stopped: Promise<void> | undefined;
  const close = (): Promise<void> => {
    stopped ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      // New keys mark their pool for saving: let generation in flight end so nothing is written after stop.
      await Promise.all([...store.pools.values()].map((pool) => pool.keysSettled()));
      await store.flush();
    })();
    return stopped;
  };
  return { url, outbox: outbox.messages, clock, requests, close, stop: close };
}
