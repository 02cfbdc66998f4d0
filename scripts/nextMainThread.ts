// The longest main-thread task (PerformanceObserver `longtask`) while a user signs in with SRP on the Next.js
// consumer app, SRP in the worker or inline: for the bench. `npx tsx scripts/nextMainThread.ts` prints the runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../e2e/emulator/demo.ts';
import { startEmulator } from '../e2e/emulator/index.ts';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { consumersWorkRoot } from './consumersWorkRoot.mjs';

export type SrpEngineChoice = 'worker' | 'inline';

export interface NextSignInOptions {
  /** The built Next.js consumer app; default: the one `npm run consumers` left in its work folder. */
  readonly appDir?: string;
  /** Engines to sign in with, each `runs` times, alternating so a slow spell of the machine hits both. */
  readonly engines?: readonly SrpEngineChoice[];
  /** How many times slower the page's CPU runs (DevTools throttling, as Lighthouse does for phones); 1 = as is. */
  readonly cpuSlowdown?: number;
  readonly runs?: number;
  readonly log?: (line: string) => void;
}

export interface NextSignInRun {
  readonly srp: SrpEngineChoice;
  /** What the page's onSrpEngine said did the math ('worker', or 'inline' after a fallback); undefined when it said
   * nothing, as with `srp: 'inline'`, which the widget never reports. */
  readonly engine: string | undefined;
  /** The longest task from pressing "Sign in" to the signed-in step; undefined when none reached 50 ms. */
  readonly longestTaskMs: number | undefined;
}

const SRP_USER = 'srp-user';

/** Collects long tasks from the first script on, so none is missed. */
const observeLongTasks = (): void => {
  const store: { startTime: number; duration: number }[] = [];
  Object.defineProperty(window, '__longTasks', { value: store });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) store.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** The longest duration among tasks that ended after `since`, or undefined if none did. */
function longestAfter(entries: unknown, since: number): number | undefined {
  if (!Array.isArray(entries)) throw new Error('the page did not record long tasks');
  const durations = entries.flatMap((entry: unknown) =>
    typeof entry === 'object' &&
    entry !== null &&
    'startTime' in entry &&
    'duration' in entry &&
    typeof entry.startTime === 'number' &&
    typeof entry.duration === 'number' &&
    entry.startTime + entry.duration > since
      ? [entry.duration]
      : [],
  );
  return durations.length === 0 ? undefined : Math.max(...durations);
}

/** `next start` on a port it picks; resolves with its URL once it says it is ready. */
function nextStart(appDir: string): Promise<{ url: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(appDir, 'node_modules/.bin/next'), ['start', '--port', '0', '--hostname', '127.0.0.1'], {
      cwd: appDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: unknown): void => {
      output += String(chunk);
      const match = /Local:\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined && output.includes('Ready')) resolve({ url: match[1], process: child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      reject(new Error(`next start exited with ${String(code)} before it was ready\n${output}`));
    });
  });
}

async function signInOnce(browser: Browser, url: string, cpuSlowdown: number): Promise<Omit<NextSignInRun, 'srp'>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1)
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript(observeLongTasks);
    await page.goto(url);
    await page.getByLabel('Username', { exact: true }).fill(SRP_USER);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    // Only what happens from the press of "Sign in" on counts; loading and hydrating the page is not sign-in.
    const since = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Not now', exact: true }).waitFor({ timeout: 60_000 });
    const entries: unknown = await page.evaluate((): unknown => Reflect.get(window, '__longTasks'));
    const engine = (await page.locator('body').getAttribute('data-srp-engine')) ?? undefined;
    return { engine, longestTaskMs: longestAfter(entries, since) };
  } finally {
    await context.close();
  }
}

/**
 * Signs `srp-user` in on the built Next.js consumer app (`next start`, production build, prerendered page) in
 * headless Chromium against an in-process emulator, and returns each run's longest main-thread task. Run
 * `npm run consumers` first: it installs the packed package into that app and builds it.
 */
export async function measureNextSignIn(options: NextSignInOptions = {}): Promise<NextSignInRun[]> {
  const appDir = options.appDir ?? join(consumersWorkRoot, 'next');
  if (!existsSync(join(appDir, '.next/BUILD_ID')))
    throw new Error(`no built Next.js app in ${appDir}: run \`npm run consumers\` first`);
  const executablePath = findChromium();
  if (executablePath === undefined) throw new Error('No Chromium found: run `node scripts/setup.mjs --browser`.');
  const log = options.log ?? (() => undefined);
  const emulator = await startEmulator();
  const server = await nextStart(appDir);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const runs: NextSignInRun[] = [];
    for (let i = 0; i < (options.runs ?? 3); i++) {
      for (const srp of options.engines ?? (['worker', 'inline'] as const)) {
        const query = new URLSearchParams({
          endpoint: emulator.url,
          userPoolId: DEMO_POOL_ID,
          clientId: DEMO_CLIENT_ID,
          srp,
        });
        const run = {
          srp,
          ...(await signInOnce(browser, `${server.url}/?${query.toString()}`, options.cpuSlowdown ?? 1)),
        };
        log(
          `next, SRP ${srp} (engine ${run.engine ?? 'not reported'}), CPU ${String(options.cpuSlowdown ?? 1)}×, run ${String(i + 1)}: longest task ${run.longestTaskMs === undefined ? '< 50' : run.longestTaskMs.toFixed(0)} ms`,
        );
        runs.push(run);
      }
    }
    return runs;
  } finally {
    await browser.close();
    server.process.kill('SIGTERM');
    await emulator.close();
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cpuSlowdown = Number(process.argv[2] ?? '1');
  await measureNextSignIn({
    cpuSlowdown,
    log: (line) => {
      console.log(line);
    },
  });
}
