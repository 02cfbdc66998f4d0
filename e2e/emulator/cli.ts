#!/usr/bin/env node
// `npm run emulator -- --port P [--host H] [--config pool.json] [--data DIR]`: the emulator as a process.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EmulatorConfig } from './config.ts';
import { isObject } from './input.ts';
import { startEmulator } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    config: { type: 'string' },
    data: { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`emulator: --port must be 0-65535, got ${values.port}`);
  process.exit(2);
}

let config: EmulatorConfig | undefined;
let baseDir = process.cwd();
if (values.config !== undefined) {
  const file = resolve(values.config);
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isObject(parsed) || !Array.isArray(parsed.Pools)) {
    console.error('emulator: --config must be a JSON object with a "Pools" array');
    process.exit(2);
  }
  // The file's shape is checked field by field as pools are built; trigger paths resolve next to it.
  config = parsed as unknown as EmulatorConfig;
  baseDir = dirname(file);
}

const emulator = await startEmulator({
  port,
  host: values.host,
  baseDir,
  ...(config ? { config } : {}),
  ...(values.data !== undefined ? { dataDir: resolve(values.data) } : {}),
});
console.log(`listening on ${emulator.url}`);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  void emulator.stop().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
