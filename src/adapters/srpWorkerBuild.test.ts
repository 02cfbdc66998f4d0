// The library build ships the SRP worker as its own self-contained file next to the ESM, found via import.meta.url.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('library build', () => {
  it('points the worker at a file beside index.js that serves SRP requests with no imports of its own', async () => {
    // Consumer bundlers (Vite's build and its dependency optimizer, webpack) rewrite exactly this relative form.
    const urls = [...index.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((match) => match[1] ?? '');
    const workerUrl = urls.find((url) => url.includes('srpWorker'));
    expect(workerUrl).toMatch(/^(\.\/)?assets\/srpWorker-[\w-]+\.js$/);
    const worker = await readFile(join(dirname(join(outDir, 'index.js')), workerUrl ?? ''), 'utf8');
    expect(worker).toContain('createDeviceVerifier');
    expect(worker).not.toMatch(/^\s*import\s|\bimport\(/m);
    expect(index).toContain('{ type: "module" }');
  });
});
