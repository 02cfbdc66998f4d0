// Next.js row: the longest main-thread task while the Next.js consumer app (examples/consumers/next) signs in by SRP.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { DEMO_CLIENT_ID, DEMO_POOL_ID } from '../e2e/emulator/demo.ts';
import { startEmulator } from '../e2e/emulator/index.ts';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { installFixture } from './consumerTest.ts';
import { repoFileExists, type BenchContext } from './context.ts';
import { medianLongestTask, signInOnce } from './mainThread.ts';
import { ensurePacked } from './packed.ts';
import { freePort } from './servers.ts';
import { failed, na, type Row } from './table.ts';

const run = promisify(execFile);
/** The fixture helper "adopt" adds: a Next.js app rendering the widget, pool from the query like the web fixture. */
const FIXTURE = 'examples/consumers/next';
const RUNS = 3;

/** `next start` on a free port; resolves once it answers. */
async function startNext(work: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: work,
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${String(port)}`;
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${String(child.exitCode)}`);
    try {
      await fetch(url);
      return { url, child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('next start did not answer within 60 s');
}

export async function measureNextLongTask(ctx: BenchContext): Promise<Row[]> {
  const base = {
    group: 'next',
    metric: 'Next.js consumer app: longest main-thread task during SRP sign-in (worker)',
    unit: 'ms',
    peer: na('no peer'),
    peerName: '',
    aim: { kind: 'oursAtMost', limit: 50 },
  } as const;
  if (!(await repoFileExists(`${FIXTURE}/package.json`)))
    return [
      {
        ...base,
        ours: na(`no Next.js consumer fixture (${FIXTURE}) on this commit; helper "adopt" adds it`),
        note: `Needs ${FIXTURE}: package.json + lockfile installing cognito-xstate from ../.pack/cognito-xstate.tgz like examples/consumers/web, \`next build\` / \`next start\`, and a page at / rendering <LoginWidget> with userPoolId, clientId and endpoint from the query string.`,
      },
    ];
  const executablePath = findChromium();
  if (executablePath === undefined) return [{ ...base, ours: failed('no Chromium'), note: '' }];
  const packed = await ensurePacked(ctx.log);
  const work = await installFixture('next', packed.tarball, ctx.log);
  ctx.log('next build of the Next.js consumer app');
  await run('npx', ['next', 'build'], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
  const next = await startNext(work);
  const emulator = await startEmulator();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const query = new URLSearchParams({ endpoint: emulator.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID });
    const runs: (number | undefined)[] = [];
    for (let i = 0; i < RUNS; i++) {
      const longest = await signInOnce(browser, `${next.url}/?${query.toString()}`, 1);
      ctx.log(`Next.js run ${String(i + 1)}: longest task ${longest === undefined ? '< 50' : longest.toFixed(0)} ms`);
      runs.push(longest);
    }
    const shown = runs.map((ms) => (ms === undefined ? '<50' : ms.toFixed(0))).join(', ');
    return [
      {
        ...base,
        ours: medianLongestTask(runs),
        note: `${FIXTURE} installed from the packed tarball, \`next build\` + \`next start\`, headless Chromium at normal CPU; srp-user signs in ${String(RUNS)}×, median of the longest "longtask" from pressing Sign in to the signed-in view. Runs: ${shown} ms.`,
      },
    ];
  } finally {
    await browser.close();
    await emulator.stop();
    if (next.child.pid !== undefined) process.kill(-next.child.pid, 'SIGTERM');
  }
}
