// `npm run bench`: measures us against what users would pick instead, prints one table, writes bench/results.json.
import { cpus, loadavg } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { errorText, type BenchContext, type Measurement } from './context.ts';
import { repoRoot } from './paths.ts';
import { benchExitCode, failed, formatTable, toResult, unmeasuredRows, type Row } from './table.ts';
import { measureE2e } from './e2eTime.ts';
import { measureGrowth } from './growth.ts';
import { ensurePeerInstalls, measureInstallSize } from './installSize.ts';
import { ensurePacked } from './packed.ts';
import { amplifySpec, cognitoLocalSpec, ensurePeer } from './peers.ts';
import { measureThroughput } from './throughput.ts';
import { measureCoreSize, measureWidgetSize } from './widgetSize.ts';

/** Row groups in the order they print; `--only <group>` (repeatable) runs a subset. */
const groups: readonly (readonly [string, string, Measurement])[] = [
  ['size', 'Widget size', measureWidgetSize],
  ['core-size', 'Core size', measureCoreSize],
  ['install-size', 'Installed size', measureInstallSize],
  ['throughput', 'Emulator throughput', measureThroughput],
  ['cold-start', 'Emulator cold start', async (ctx) => (await import('./coldStart.ts')).measureColdStart(ctx)],
  ['round-trips', 'Round trips', async (ctx) => (await import('./roundTrips.ts')).measureRoundTrips(ctx)],
  ['srp', 'SRP engines', async (ctx) => (await import('./srpEngines.ts')).measureSrpEngines(ctx)],
  ['main-thread', 'Main-thread blocking', async (ctx) => (await import('./mainThread.ts')).measureMainThread(ctx)],
  ['cpu', 'Client CPU', async (ctx) => (await import('./clientCpu.ts')).measureClientCpu(ctx)],
  ['growth', 'Cost growth', measureGrowth],
  ['e2e', 'E2E wall time', measureE2e],
  ['consumer-test', 'One consumer test', async (ctx) => (await import('./consumerTest.ts')).measureConsumerTest(ctx)],
  ['next', 'Next.js main thread', async (ctx) => (await import('./nextLongTask.ts')).measureNextLongTask(ctx)],
];

function machineInfo(): { nproc: number; cpu: string; node: string; platform: string } {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
  const only = values.only ?? [];
  const unknown = only.filter((name) => !groups.some(([group]) => group === name));
  if (unknown.length > 0)
    throw new Error(`unknown group ${unknown.join(', ')}; groups: ${groups.map(([g]) => g).join(', ')}`);
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (line: string): void => {
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
  };
  const wants = (group: string): boolean => only.length === 0 || only.includes(group);
  // Peer installs (npm, mostly network and disk) start together now and overlap the size builds, which measure bytes, not time.
  if (wants('throughput') || wants('cold-start')) void ensurePeer(cognitoLocalSpec, log).catch(() => undefined);
  if (wants('size')) void ensurePeer(await amplifySpec(), log).catch(() => undefined);
  if (wants('install-size')) void ensurePeerInstalls(log);
  // The build and pack overlap the size builds (bytes, not time) and end before any timed group starts.
  if (wants('install-size') || wants('cold-start') || wants('consumer-test')) void ensurePacked(log);
  const rows: Row[] = [];
  const timings: Record<string, number> = {};
  // Core size first: it needs no peer, so it runs while the Amplify install finishes; rows still print in `groups` order.
  const order = [...groups].sort(([a], [b]) => Number(b === 'core-size') - Number(a === 'core-size'));
  for (const [group, title, measure] of order) {
    if (only.length > 0 && !only.includes(group)) continue;
    const ctx: BenchContext = { log };
    ctx.log(`${title}…`);
    const t0 = performance.now();
    try {
      rows.push(...(await measure(ctx)));
    } catch (error) {
      // One broken measurement must not hide the others: its row says why it has no figure.
      ctx.log(`${title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      rows.push({
        group,
        metric: title,
        unit: '',
        ours: failed(`failed: ${errorText(error)}`),
        peer: failed('not measured'),
        peerName: '',
        aim: { kind: 'none' },
        note: '',
      });
    }
    timings[group] = Math.round((performance.now() - t0) / 100) / 10;
  }
  const position = (group: string): number => groups.findIndex(([name]) => name === group);
  rows.sort((a, b) => position(a.group) - position(b.group));
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const machine = { ...machineInfo(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg()[0] ?? 0 };
  // The load average shows when other work shared the cores (figures are then noisy; ratios less so).
  const load = `load average ${machine.loadAverageAtStart.toFixed(1)} at start, ${machine.loadAverageAtEnd.toFixed(1)} at end`;
  const header = `Machine: ${machine.nproc} × ${machine.cpu}, Node ${machine.node}, ${machine.platform}; ${load}; bench took ${seconds} s.`;
  process.stdout.write(`\n${header}\n\n${formatTable(rows)}\n`);
  const results = {
    ranAt: new Date().toISOString(),
    machine,
    seconds,
    secondsPerGroup: timings,
    rows: rows.map(toResult),
  };
  // results.json always holds a full run (what the README quotes); a partial --only run goes to the scratch folder.
  const out =
    only.length > 0 ? join(repoRoot, 'bench', '.work', 'results-only.json') : join(repoRoot, 'bench', 'results.json');
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  const gaps = unmeasuredRows(rows);
  if (gaps.length > 0) log(`${gaps.length} row(s) failed to measure: ${gaps.map((row) => row.metric).join('; ')}`);
  process.exitCode = benchExitCode(rows);
}

await main();
// Keep-alive sockets and stopped actors' timers from the product code must not hold the CLI open.
process.exit(process.exitCode ?? 0);
