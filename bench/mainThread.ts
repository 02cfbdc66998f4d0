// Main-thread row: the longest task (PerformanceObserver `longtask`) Chromium sees while the demo signs a user in, SRP in a worker vs inline.
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../e2e/emulator/demo.ts';
import { demoSeedDefine } from '../scripts/demoSeed.ts';
import { startEmulator } from '../e2e/emulator/index.ts';
import { SignInPage } from '../e2e/kit/signInPage.ts';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import type { BenchContext } from './context.ts';
import { repoRoot, workDir } from './paths.ts';
import { freePort } from './servers.ts';
import { median } from './stats.ts';
import { below, failed, value, type Figure, type Row } from './table.ts';

/** A `longtask` entry as the page reports it. */
export interface TaskEntry {
  readonly startTime: number;
  readonly duration: number;
}

/** The longest task that ended after `since` (ms on the page's clock), or undefined when none did (all were < 50 ms). */
export function longestTaskAfter(entries: readonly TaskEntry[], since: number): number | undefined {
  const durations = entries.filter((entry) => entry.startTime + entry.duration > since).map((entry) => entry.duration);
  return durations.length === 0 ? undefined : Math.max(...durations);
}

/**
 * The median of runs, where a run without any long task counts as below every run with one. Chromium reports
 * only tasks of 50 ms or more, so a median that lands on such a run has no number, only "< 50 ms".
 */
export function medianLongestTask(runs: readonly (number | undefined)[]): Figure {
  if (runs.length === 0) return failed('no runs');
  // A quiet run ranks as -Infinity (sort() would put undefined last without asking the comparator).
  const sorted = runs.map((run) => run ?? Number.NEGATIVE_INFINITY).sort((a, b) => a - b);
  const middle =
    runs.length % 2 === 1
      ? sorted.slice((runs.length - 1) / 2, (runs.length + 1) / 2)
      : sorted.slice(runs.length / 2 - 1, runs.length / 2 + 1);
  const measured = middle.filter((run) => Number.isFinite(run));
  if (measured.length < middle.length) return below(50, 'no long task');
  return value(median(measured));
}

const RUNS = 3;
/** As fast as this machine, then a phone-like CPU (where inline SRP math becomes a visible freeze). */
const SLOWDOWNS = [1, 4] as const;
const SRP_USER = 'srp-user';

/** Collects long tasks from the first script on, so none is missed. */
const observeLongTasks = (): void => {
  const store: { startTime: number; duration: number }[] = [];
  Object.defineProperty(window, '__longTasks', { value: store });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) store.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

function isTaskEntries(data: unknown): data is TaskEntry[] {
  return (
    Array.isArray(data) &&
    data.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        'startTime' in e &&
        'duration' in e &&
        typeof e.startTime === 'number' &&
        typeof e.duration === 'number',
    )
  );
}

/** `cpuSlowdown` > 1 slows the page's CPU down that many times (Chromium's DevTools throttling, as Lighthouse does for phones). */
export async function signInOnce(browser: Browser, url: string, cpuSlowdown: number): Promise<number | undefined> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1)
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript(observeLongTasks);
    const signIn = new SignInPage(page);
    await page.goto(url);
    await signIn.expectStep('credentials');
    await signIn.username.fill(SRP_USER);
    await signIn.password.fill(DEMO_PASSWORD);
    // Only what happens from the press of "Sign in" on counts; loading the page is not sign-in.
    const since = await page.evaluate(() => performance.now());
    await signIn.button(signIn.messages.signIn).click();
    await signIn.expectSignedIn();
    const entries: unknown = await page.evaluate((): unknown => Reflect.get(window, '__longTasks'));
    if (!isTaskEntries(entries)) throw new Error('the page did not record long tasks');
    return longestTaskAfter(entries, since);
  } finally {
    await context.close();
  }
}

export async function measureMainThread(ctx: BenchContext): Promise<Row[]> {
  const base = {
    group: 'main-thread',
    metric: 'Longest main-thread task during SRP sign-in (Chromium)',
    unit: 'ms',
    peerName: 'SRP inline',
    aim: { kind: 'oursAtMost', limit: 50 },
  } as const;
  const executablePath = findChromium();
  if (executablePath === undefined)
    return [{ ...base, ours: failed('no Chromium'), peer: failed('no Chromium'), note: '' }];
  const outDir = join(workDir, 'demo');
  ctx.log('building the demo for production');
  // The demo app (index.html), not the library build vite.config.ts describes; production React, as users get it.
  await build({
    root: repoRoot,
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    // The demo lists its users from the emulator's seed, baked in at build time as vite.config.ts does.
    define: demoSeedDefine(),
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  const server = await preview({
    root: repoRoot,
    configFile: false,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  const emulator = await startEmulator();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const origin = server.resolvedUrls?.local[0] ?? '';
    const pageUrl = (srp: 'worker' | 'inline'): string =>
      `${origin}?${new URLSearchParams({ endpoint: emulator.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, srp }).toString()}`;
    const rows: Row[] = [];
    for (const cpuSlowdown of SLOWDOWNS) {
      const runs: Record<'worker' | 'inline', (number | undefined)[]> = { worker: [], inline: [] };
      for (let i = 0; i < RUNS; i++) {
        // Alternating keeps a slow spell of the machine from landing on one side only.
        for (const srp of ['worker', 'inline'] as const) {
          const longest = await signInOnce(browser, pageUrl(srp), cpuSlowdown);
          ctx.log(
            `CPU ${String(cpuSlowdown)}× slower, ${srp} run ${String(i + 1)}: longest task ${longest === undefined ? '< 50' : longest.toFixed(0)} ms`,
          );
          runs[srp].push(longest);
        }
      }
      const show = (list: readonly (number | undefined)[]): string =>
        list.map((ms) => (ms === undefined ? '<50' : ms.toFixed(0))).join(', ');
      const note =
        cpuSlowdown === 1
          ? `Production demo build in headless Chromium against the in-process emulator; ${SRP_USER} signs in ${String(RUNS)}× per engine (?srp=worker|inline, alternating), ` +
            `median of the longest PerformanceObserver "longtask" from pressing Sign in to the signed-in view; Chromium reports only tasks ≥ 50 ms, so "< 50 ms" means none. ` +
            `Runs: worker ${show(runs.worker)}; inline ${show(runs.inline)} ms.`
          : `Same, with the page's CPU ${String(cpuSlowdown)}× slower (DevTools Emulation.setCPUThrottlingRate, Lighthouse's phone setting). Runs: worker ${show(runs.worker)}; inline ${show(runs.inline)} ms.`;
      const metric =
        cpuSlowdown === 1 ? base.metric : `${base.metric}, CPU ${String(cpuSlowdown)}× slower (phone-like)`;
      rows.push({ ...base, metric, ours: medianLongestTask(runs.worker), peer: medianLongestTask(runs.inline), note });
    }
    return rows;
  } finally {
    await browser.close();
    await emulator.stop();
    await server.close();
  }
}
