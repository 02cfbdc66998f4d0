// Initial load: the JS and CSS a built app has fetched when its sign-in form first paints (lazy chunks left out).
import { join, normalize, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { freePort } from './servers.ts';
import { addSizes, compressedSizes, zeroSizes, type Sizes } from './sizes.ts';

/** The sign-in form has painted: an input inside a form is visible, and one more frame has been drawn. */
const formSelector = 'form input';

/** The dist files (absolute paths) a resource list names, JS and CSS only, each once. */
export function distFilesOf(urls: readonly string[], origin: string, distDir: string): string[] {
  const files = new Set<string>();
  for (const url of urls) {
    if (!url.startsWith(origin)) continue;
    const path = decodeURIComponent(new URL(url).pathname);
    if (!/\.(js|css)$/.test(path)) continue;
    const file = normalize(join(distDir, path));
    // Never outside the build's own folder, whatever the page asked for.
    if (file.startsWith(distDir + sep)) files.add(file);
  }
  return [...files].sort();
}

async function sizesOf(files: readonly string[]): Promise<Sizes> {
  let total = zeroSizes;
  for (const file of files) total = addSizes(total, compressedSizes(await readFile(file)));
  return total;
}

/** Opens the built app (served by `vite preview`) and lists what it fetched before the form painted. */
async function loadedBeforeForm(browser: Browser, distDir: string): Promise<string[]> {
  const server = await preview({
    root: distDir,
    configFile: false,
    logLevel: 'error',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  const context = await browser.newContext();
  try {
    const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    const page = await context.newPage();
    await page.goto(origin);
    await page.locator(formSelector).first().waitFor({ state: 'visible', timeout: 30_000 });
    const urls = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          requestAnimationFrame(() => {
            resolve([document.URL, ...performance.getEntriesByType('resource').map((entry) => entry.name)]);
          });
        }),
    );
    return distFilesOf(urls, origin, distDir);
  } finally {
    await context.close();
    await server.close();
  }
}

export interface InitialLoad {
  readonly sizes: Sizes;
  readonly files: readonly string[];
}

/** Initial-load sizes of each built app (its dist folder), in one headless Chromium. */
export async function measureInitialLoads(distDirs: readonly string[]): Promise<InitialLoad[]> {
  const executablePath = findChromium();
  if (executablePath === undefined) throw new Error('no Chromium found (scripts/chromium.mjs)');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const loads: InitialLoad[] = [];
    for (const dir of distDirs) {
      const files = await loadedBeforeForm(browser, dir);
      loads.push({ files, sizes: await sizesOf(files) });
    }
    return loads;
  } finally {
    await browser.close();
  }
}
