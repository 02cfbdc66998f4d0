// Child process that hosts our emulator for the bench, so the load generator never shares its event loop.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';
import { growthConfig, isParentMessage, type ChildMessage } from './childProtocol.ts';

interface Started {
  readonly url: string;
  stop(): Promise<void>;
}

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

function isStarted(value: unknown): value is Started {
  return (
    typeof value === 'object' &&
    value !== null &&
    'url' in value &&
    typeof value.url === 'string' &&
    'stop' in value &&
    typeof value.stop === 'function'
  );
}

async function start(): Promise<Started> {
  // Imported by path at run time: the bench must run (and say "n/a") before the emulator has landed.
  const mod: unknown = await import(pathToFileURL(join(repoRoot, 'e2e/emulator/index.ts')).href);
  if (typeof mod !== 'object' || mod === null || !('startEmulator' in mod) || typeof mod.startEmulator !== 'function') {
    throw new Error('e2e/emulator/index.ts does not export startEmulator');
  }
  const users = Number(process.env.BENCH_GROWTH_USERS ?? '0');
  // Users arrive through the emulator's seed config (its in-process API): each password becomes a salt + verifier.
  const options =
    users > 0 ? { port: 0, host: '127.0.0.1', config: growthConfig(users) } : { port: 0, host: '127.0.0.1' };
  const emulator: unknown = await Reflect.apply(mod.startEmulator, mod, [options]);
  if (!isStarted(emulator)) throw new Error('startEmulator did not resolve to { url, stop }');
  return emulator;
}

try {
  const t0 = performance.now();
  const emulator = await start();
  const startMs = performance.now() - t0;
  process.on('message', (message: unknown) => {
    if (!isParentMessage(message)) return;
    if (message.type === 'memory') {
      // A full GC first (the child runs with --expose-gc), so the figure is live data, not garbage.
      globalThis.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'memory', rss, heapUsed });
    } else {
      void emulator.stop().finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', url: emulator.url, startMs });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect();
}
