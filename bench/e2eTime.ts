// E2E wall-time row: the whole Playwright suite, every sign-in path, as `npm run e2e` runs it.
import { spawn } from 'node:child_process';
import { repoFileExists, type BenchContext } from './context.ts';
import { repoRoot } from './paths.ts';
import { freePort } from './servers.ts';
import { failed, na, value, type Row } from './table.ts';

interface PlaywrightRun {
  readonly seconds: number;
  readonly code: number | null;
  readonly summary: string;
  readonly tests: number;
}

const summaryLine = /^\s*(\d+) (passed|failed|flaky|skipped|did not run|interrupted)\b/gm;

/** Pulls "N passed", "N failed", "N skipped"… out of Playwright's list reporter output. */
export function playwrightSummary(output: string): string {
  const counts = [...output.matchAll(summaryLine)].map((m) => `${m[1] ?? ''} ${m[2] ?? ''}`);
  return counts.length > 0 ? counts.join(', ') : 'no test summary';
}

/** How many tests ran to an outcome (passed, failed or flaky; skipped ones cost no time). */
export function testsRun(output: string): number {
  let total = 0;
  for (const [, count, outcome] of output.matchAll(summaryLine))
    if (outcome === 'passed' || outcome === 'failed' || outcome === 'flaky') total += Number(count);
  return total;
}

function runPlaywright(demoPort: number): Promise<PlaywrightRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list'], {
      cwd: repoRoot,
      // A free port for the demo server, so a suite someone else is running cannot collide with ours.
      env: { ...process.env, CI: '1', E2E_DEMO_PORT: String(demoPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        seconds: (performance.now() - t0) / 1000,
        code,
        summary: playwrightSummary(output),
        tests: testsRun(output),
      });
    });
  });
}

export async function measureE2e(ctx: BenchContext): Promise<Row[]> {
  const base = {
    group: 'e2e',
    metric: 'E2E wall time, all Playwright paths',
    unit: 's',
    peer: na('no peer'),
    peerName: '',
    aim: { kind: 'oursAtMost', limit: 60 },
  } as const;
  const perTest = {
    ...base,
    metric: 'E2E seconds per test (wall time / tests run)',
    aim: { kind: 'none' },
    note: 'The whole run divided by the tests that ran (passed, failed or flaky), on 2 workers: what one more test costs the suite on average.',
  } as const;
  if (!(await repoFileExists('e2e/playwright.config.ts')))
    return [{ ...base, ours: failed('no Playwright config yet'), note: '' }];
  ctx.log('running npx playwright test -c e2e/playwright.config.ts');
  const run = await runPlaywright(await freePort());
  const note = `npx playwright test -c e2e/playwright.config.ts (2 workers, as configured), wall time including the Vite web server start; ${run.summary}${run.code === 0 ? '' : `; exit code ${String(run.code)}`}.`;
  return [
    {
      ...base,
      ours:
        run.code === 0 ? value(run.seconds) : failed(`suite failed after ${run.seconds.toFixed(1)} s (${run.summary})`),
      note,
    },
    {
      ...perTest,
      ours:
        run.code === 0 && run.tests > 0
          ? value(run.seconds / run.tests)
          : failed(`suite failed after ${run.seconds.toFixed(1)} s (${run.summary})`),
    },
  ];
}
