#!/usr/bin/env node
// `cognito-emulator --port P [--host H] [--seed FILE] [--data DIR]`: the emulator as a process, one line of output.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EmulatorStartError, startEmulator } from './index.ts';

function fail(message: string, code: number): never {
  console.error(`cognito-emulator: ${message}`);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      // The name the seed flag had before the package shipped a bin; same file format.
      config: { type: 'string' },
      data: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message, 2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`, 2);
const seed = values.seed ?? values.config;

try {
  const emulator = await startEmulator({
    port,
    host: values.host,
    ...(seed !== undefined ? { seed } : {}),
    ...(values.data !== undefined ? { dataDir: resolve(values.data) } : {}),
  });
  console.log(`listening on ${emulator.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  // A bad seed is a usage error (2); a port in use or any other start failure is 1.
  if (error instanceof EmulatorStartError) fail(error.message, error.code === 'InvalidSeed' ? 2 : 1);
  throw error;
}
