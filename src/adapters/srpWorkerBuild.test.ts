// The library build ships the SRP engine once: a self-contained chunk next to the ESM, the page's import and the worker.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as SrpWorkerModule from './srpWorker.ts';
import { resultOf, wireEphemeral } from './srpWorkerProtocol.ts';

const repoRoot = join(import.meta.dirname, '../..');
let outDir = '';
let index = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'cx-lib-'));
  await build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  index = await readFile(join(outDir, 'index.js'), 'utf8');
}, 60_000);

/** What the page needs from the engine chunk: checked at run time, as the built file is not type-checked. */
function isEngineFile(value: unknown): value is typeof SrpWorkerModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'answerSrpRequest' in value &&
    typeof value.answerSrpRequest === 'function' &&
    'srpWorkerUrl' in value &&
    typeof value.srpWorkerUrl === 'string'
  );
}

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('library build', () => {
  it('loads the SRP engine from one chunk beside index.js that imports nothing and starts the worker from itself', async () => {
    // A relative dynamic import: consumer bundlers (Vite's build and its dependency optimizer, webpack) split it alike.
    const chunks = [...index.matchAll(/import\("\.\/(srpWorker-[\w-]+\.js)"\)/g)].map((match) => match[1] ?? '');
    expect(chunks).toHaveLength(1);
    const chunk = join(outDir, chunks[0] ?? '');
    const worker = await readFile(chunk, 'utf8');
    // Anything it imported would be loaded into the worker too (the page's code, React); it must stand alone.
    expect(worker).not.toMatch(/^\s*import[\s{*]|\bimport\(|\bfrom\s*["']/m);
    expect(worker).toContain('import.meta.url');
    expect(index).toContain('{ type: "module" }');
    expect(index).not.toMatch(/bytesToBase64|hexHashInt|Caldera Derived Key/);
  });

  it('answers SRP requests from the built chunk when imported, without listening for messages outside a worker', async () => {
    const chunk = [...index.matchAll(/import\("\.\/(srpWorker-[\w-]+\.js)"\)/g)][0]?.[1] ?? '';
    const engine: unknown = await import(pathToFileURL(join(outDir, chunk)).href);
    if (!isEngineFile(engine)) throw new Error('the chunk does not export answerSrpRequest and srpWorkerUrl');
    const response = await engine.answerSrpRequest({ id: 7, method: 'createEphemeral' });
    expect(response.id).toBe(7);
    expect(wireEphemeral(resultOf(response)).srpA).toMatch(/^[0-9a-f]+$/);
    expect(engine.srpWorkerUrl).toBe(pathToFileURL(join(outDir, chunk)).href);
  });
});
