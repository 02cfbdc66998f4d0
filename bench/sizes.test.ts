// Tests for the gzip/brotli size helper used by the widget-size rows.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { addSizes, compressedSizes, measureBuildOutput, subtractSizes } from './sizes.ts';

const repetitive = new TextEncoder().encode('export const a = 1;\n'.repeat(500));

describe('compressedSizes', () => {
  it('reports the raw length and much smaller gzip and brotli sizes for repetitive code', () => {
    const sizes = compressedSizes(repetitive);
    expect(sizes.raw).toBe(repetitive.byteLength);
    expect(sizes.gzip).toBeLessThan(sizes.raw / 10);
    expect(sizes.brotli).toBeLessThan(sizes.raw / 10);
  });

  it('measures a gzip stream that decompresses to the input', () => {
    expect(gunzipSync(gzipSync(repetitive, { level: 9 })).equals(Buffer.from(repetitive))).toBe(true);
    expect(compressedSizes(repetitive).gzip).toBe(gzipSync(repetitive, { level: 9 }).byteLength);
  });
});

describe('addSizes and subtractSizes', () => {
  it('combine each figure separately', () => {
    const a = { raw: 10, gzip: 5, brotli: 4 };
    const b = { raw: 3, gzip: 2, brotli: 1 };
    expect(addSizes(a, b)).toEqual({ raw: 13, gzip: 7, brotli: 5 });
    expect(subtractSizes(a, b)).toEqual({ raw: 7, gzip: 3, brotli: 3 });
  });
});

describe('measureBuildOutput', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sums JS and CSS files in nested folders and ignores maps and HTML', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-sizes-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'a.js'), repetitive);
    await writeFile(join(dir, 'assets', 'b.js'), repetitive);
    await writeFile(join(dir, 'assets', 'c.css'), 'body{margin:0}');
    await writeFile(join(dir, 'assets', 'a.js.map'), '{}');
    await writeFile(join(dir, 'index.html'), '<html></html>');
    const sizes = await measureBuildOutput(dir);
    const one = compressedSizes(repetitive);
    expect(sizes.js).toEqual(addSizes(one, one));
    expect(sizes.css.raw).toBe(14);
    expect(sizes.total.raw).toBe(2 * repetitive.byteLength + 14);
    expect(sizes.files).toHaveLength(3);
  });
});
