// Next.js row: the longest main-thread task while the Next.js consumer app (examples/consumers/next) signs in by SRP.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { measureNextSignIn, type NextSignInRun } from '../scripts/nextMainThread.ts';
import { installFixture } from './consumerTest.ts';
import { repoFileExists, type BenchContext } from './context.ts';
import { medianLongestTask } from './mainThread.ts';
import { ensurePacked } from './packed.ts';
import { na, type Row } from './table.ts';

const run = promisify(execFile);
const FIXTURE = 'examples/consumers/next';
const RUNS = 3;

export async function measureNextLongTask(ctx: BenchContext): Promise<Row[]> {
  const base = {
    group: 'next',
    metric: 'Next.js consumer app: longest main-thread task during SRP sign-in',
    unit: 'ms',
    peerName: 'SRP inline',
    aim: { kind: 'oursAtMost', limit: 50 },
  } as const;
  if (!(await repoFileExists(`${FIXTURE}/package.json`))) {
    const absent = na(`no Next.js consumer fixture (${FIXTURE}) on this commit`);
    return [{ ...base, ours: absent, peer: absent, note: '' }];
  }
  const packed = await ensurePacked(ctx.log);
  const appDir = await installFixture('next', packed.tarball, ctx.log);
  ctx.log('next build of the Next.js consumer app');
  await run('npx', ['next', 'build'], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const runs = await measureNextSignIn({ appDir, runs: RUNS, log: ctx.log });
  const longest = (srp: NextSignInRun['srp']): (number | undefined)[] =>
    runs.filter((r) => r.srp === srp).map((r) => r.longestTaskMs);
  const show = (srp: NextSignInRun['srp']): string =>
    longest(srp)
      .map((ms) => (ms === undefined ? '<50' : ms.toFixed(0)))
      .join(', ');
  const engines = [...new Set(runs.filter((r) => r.srp === 'worker').map((r) => r.engine ?? 'not reported'))];
  return [
    {
      ...base,
      ours: medianLongestTask(longest('worker')),
      peer: medianLongestTask(longest('inline')),
      note:
        `${FIXTURE} installed from the packed tarball (bench/.work/consumer-next), \`next build\` + \`next start\` ` +
        `(scripts/nextMainThread.ts), headless Chromium at normal CPU against the in-process emulator; srp-user signs in ` +
        `${String(RUNS)}× per engine (?srp=worker|inline, alternating), median of the longest "longtask" from pressing ` +
        `Sign in to the next step. Runs: worker ${show('worker')} (engine reported: ${engines.join(', ')}); inline ${show('inline')} ms.`,
    },
  ];
}
