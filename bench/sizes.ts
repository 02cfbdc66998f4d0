// Compressed sizes of build output, as a server would send it: gzip -9 and brotli q11 per file, summed.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export const zeroSizes: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/** Sizes of one file's bytes, each compressed on its own (how static assets are served). */
export function compressedSizes(bytes: Uint8Array): Sizes {
  return {
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }).byteLength,
  };
}

export function addSizes(a: Sizes, b: Sizes): Sizes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export function subtractSizes(a: Sizes, b: Sizes): Sizes {
  return { raw: a.raw - b.raw, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli };
}

export interface BuildSizes {
  readonly js: Sizes;
  readonly css: Sizes;
  readonly total: Sizes;
  readonly files: readonly string[];
}

/** Sums the JS and CSS files anywhere under a build's output folder (source maps and HTML excluded). */
export async function measureBuildOutput(outDir: string): Promise<BuildSizes> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  let js = zeroSizes;
  let css = zeroSizes;
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const ext = extname(entry.name);
    if (ext !== '.js' && ext !== '.css') continue;
    const path = join(entry.parentPath, entry.name);
    const sizes = compressedSizes(await readFile(path));
    files.push(path);
    if (ext === '.js') js = addSizes(js, sizes);
    else css = addSizes(css, sizes);
  }
  return { js, css, total: addSizes(js, css), files: files.sort() };
}
