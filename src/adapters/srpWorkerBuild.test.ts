// The library build ships the SRP engine once: srpWorker.js beside the ESM, the page's import and the worker's script.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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

/** The built files' text, by name, and the SRP worker's relative imports followed transitively. */
async function workerImportGraph(): Promise<string[]> {
  const seen: string[] = [];
  const queue = ['srpWorker.js'];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.includes(name)) continue;
    seen.push(name);
    const text = await readFile(join(outDir, name), 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      const specifier = match[1] ?? '';
      queue.push(specifier.startsWith('./') ? specifier.slice(2) : specifier);
    }
  }
  return seen;
}

describe('library build', () => {
  it('starts the worker with a literal new Worker(new URL("./srpWorker.js", import.meta.url)) that bundlers recognise', async () => {
    const files = await readdir(outDir);
    const texts = await Promise.all(
      files.filter((f) => f.endsWith('.js')).map((f) => readFile(join(outDir, f), 'utf8')),
    );
    // Vite, webpack 5 and Turbopack emit a worker chunk only for this exact shape; anything else becomes a file: URL.
    const literal = 'new Worker(new URL("./srpWorker.js", import.meta.url), { type: "module" })';
    expect(texts.filter((text) => text.includes(literal))).toHaveLength(1);
    expect(files).toContain('srpWorker.js');
    expect(index).not.toMatch(/bytesToBase64|hexHashInt|Caldera Derived Key/);
  });

  it('gives the worker only the SRP engine: no React, xstate or page code in its import graph', async () => {
    const graph = await workerImportGraph();
    expect(
      graph.every((name) =>
        /^(srpWorker|srpEngine|srpSignature|srpWorkerProtocol|secret|errors)[\w-]*\.js$/.test(name),
      ),
    ).toBe(true);
    const chunk = await readFile(join(outDir, 'srpWorker.js'), 'utf8');
    expect(chunk).toContain('import.meta.url');
  });

  it('answers SRP requests from the built worker file when imported, without listening for messages outside a worker', async () => {
    const engine: unknown = await import(pathToFileURL(join(outDir, 'srpWorker.js')).href);
    if (!isEngineFile(engine)) throw new Error('srpWorker.js does not export answerSrpRequest and srpWorkerUrl');
    const response = await engine.answerSrpRequest({ id: 7, method: 'createEphemeral' });
    expect(response.id).toBe(7);
    expect(wireEphemeral(resultOf(response)).srpA).toMatch(/^[0-9a-f]+$/);
    expect(engine.srpWorkerUrl).toBe(pathToFileURL(join(outDir, 'srpWorker.js')).href);
  });
});
