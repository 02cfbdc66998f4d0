// Cost-growth rows: our emulator's memory and sign-in latency with 1k, 10k and 100k users in a pool.
import { createAwsJsonClient, field } from './awsJson.ts';
import { growthPool, growthSignInIndex, growthSignInUsers, growthUsername } from './childProtocol.ts';
import { repoFileExists, type BenchContext } from './context.ts';
import { runLoad } from './load.ts';
import { pinBenchAwayFromServer, startOurEmulator } from './servers.ts';
import { summarize } from './stats.ts';
import { failed, na, value, type Figure, type Row } from './table.ts';

const sizes = [1_000, 10_000, 100_000] as const;
const signIns = 300;

interface Point {
  readonly users: number;
  readonly startMs: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly p50: number;
  readonly p99: number;
}

async function measureAt(users: number): Promise<Point> {
  const unpin = await pinBenchAwayFromServer();
  const server = await startOurEmulator(users);
  const client = createAwsJsonClient(server.url, 1);
  try {
    const signIn = async (index: number): Promise<void> => {
      const body = await client.ok('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: growthPool.clientId,
        AuthParameters: {
          USERNAME: growthUsername(growthSignInIndex(index % growthSignInUsers, users)),
          PASSWORD: growthPool.password,
        },
      });
      if (field(body, 'AuthenticationResult', 'AccessToken') === undefined) throw new Error('no tokens');
    };
    await runLoad(signIn, { concurrency: 1, durationMs: 30_000, maxFlows: 20 });
    const result = await runLoad(signIn, { concurrency: 1, durationMs: 30_000, maxFlows: signIns });
    if (result.errors > 0)
      throw new Error(`${result.errors} sign-ins failed at ${users} users: ${result.firstError ?? ''}`);
    const memory = await server.memory();
    const latency = summarize(result.latencies);
    return {
      users,
      startMs: server.startMs,
      rss: memory.rss,
      heapUsed: memory.heapUsed ?? Number.NaN,
      p50: latency.p50,
      p99: latency.p99,
    };
  } finally {
    client.close();
    await server.stop();
    await unpin();
  }
}

const mb = (bytes: number): number => bytes / (1024 * 1024);
const label = (users: number): string => `${users / 1000}k`;

export async function measureGrowth(ctx: BenchContext): Promise<Row[]> {
  if (!(await repoFileExists('e2e/emulator/index.ts'))) {
    return [
      {
        group: 'growth',
        metric: 'Cost growth with pool size',
        unit: '',
        ours: failed('e2e/emulator not built yet'),
        peer: na('no peer'),
        peerName: '',
        aim: { kind: 'none' },
        note: '',
      },
    ];
  }
  const points: Point[] = [];
  for (const users of sizes) {
    ctx.log(`growth: emulator with ${users} users`);
    points.push(await measureAt(users));
  }
  const base = points[0];
  if (base === undefined) throw new Error('no growth points');
  const rows: Row[] = [];
  const figure = (n: number): Figure => value(n);
  for (const point of points) {
    const first = point === base;
    rows.push({
      group: 'growth',
      metric: `USER_PASSWORD_AUTH p50 latency, ${label(point.users)} users`,
      unit: 'ms',
      ours: figure(point.p50),
      peer: first ? na('reference point') : figure(base.p50),
      peerName: first ? '' : `ours at ${label(base.users)}`,
      aim: first ? { kind: 'none' } : { kind: 'ratioAtMost', limit: 1.25 },
      note: first
        ? `Our emulator in a child process, users seeded through startEmulator's config (its in-process API, not HTTP): the ${growthSignInUsers} users the bench signs in get a password (an SRP verifier made at load), the rest a random verifier of the same size (the SrpVerifier seed field), so seeding skips a modexp per user; ${signIns} sequential USER_PASSWORD_AUTH sign-ins spread over the pool per size; memory after a full GC. ` +
          `Seeding took ${points.map((p) => `${label(p.users)}: ${(p.startMs / 1000).toFixed(1)} s`).join(', ')}; p99 ${points.map((p) => `${label(p.users)}: ${p.p99.toFixed(1)} ms`).join(', ')}.`
        : '',
    });
  }
  for (const point of points) {
    rows.push({
      group: 'growth',
      metric: `Emulator RSS / heap used, ${label(point.users)} users`,
      unit: 'MB',
      ours: figure(mb(point.rss)),
      peer: na(`heap ${mb(point.heapUsed).toFixed(1)} MB`),
      peerName: '',
      aim: { kind: 'none' },
      note: '',
    });
  }
  const last = points.at(-1);
  if (last !== undefined && last !== base) {
    rows.push({
      group: 'growth',
      metric: `Heap per user (${label(base.users)} → ${label(last.users)})`,
      unit: 'bytes',
      ours: value((last.heapUsed - base.heapUsed) / (last.users - base.users)),
      peer: na('no peer'),
      peerName: '',
      aim: { kind: 'none' },
      note: '',
    });
  }
  return rows;
}
