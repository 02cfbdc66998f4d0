// Emulator throughput rows: USER_PASSWORD_AUTH sign-ins/s and latency vs cognito-local, and full SRP sign-ins/s on one core.
import { createAwsJsonClient, field, type AwsJsonClient } from './awsJson.ts';
import { repoFileExists, type BenchContext } from './context.ts';
import { fractionRate, runLoad, type LoadResult } from './load.ts';
import { passwordPhases, passwordPlan } from './phases.ts';
import { cognitoLocalSpec, ensurePeer } from './peers.ts';
import {
  pinBenchAwayFromServer,
  pinningNote,
  startCognitoLocal,
  startOurEmulator,
  type RunningServer,
} from './servers.ts';
import { createEphemeral, passwordClaim } from './srpClient.ts';
import { ratePerSecond, summarize } from './stats.ts';
import { failed, na, value, type Figure, type Row } from './table.ts';

/** The demo pool every helper builds to (notes/CONTRACTS.md): a public client and a plain-SRP user. */
export const demo = {
  poolId: 'us-east-1_DemoPool1',
  clientId: 'demoappclient0000000000001',
  username: 'srp-user',
  password: 'Passw0rd!demo',
};

const plan = {
  ...passwordPlan,
  srpMs: 10_000,
  srpConcurrency: 8,
};

export interface Target {
  readonly url: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
}

interface PasswordAuthFigures {
  readonly sequential: LoadResult;
  readonly concurrent: LoadResult;
  readonly hold: LoadResult;
  readonly heldRatio: number;
  /** Server CPU ms per sign-in during the 64-concurrent phase. */
  readonly serverCpuMs: number;
}

export async function passwordSignIn(client: AwsJsonClient, target: Target): Promise<void> {
  const body = await client.ok('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: target.clientId,
    AuthParameters: { USERNAME: target.username, PASSWORD: target.password },
  });
  if (field(body, 'AuthenticationResult', 'AccessToken') === undefined)
    throw new Error(`no tokens: ${JSON.stringify(body).slice(0, 200)}`);
}

function failIfErrors(name: string, result: LoadResult): void {
  if (result.latencies.length === 0)
    throw new Error(`${name}: no sign-in succeeded (${result.firstError ?? 'no error'})`);
}

async function measurePasswordAuth(
  ctx: BenchContext,
  name: string,
  server: RunningServer,
  target: Target,
  holdMs: number,
): Promise<PasswordAuthFigures> {
  const client = createAwsJsonClient(target.url, plan.concurrency);
  const phases = passwordPhases(holdMs);
  try {
    const signIn = (): Promise<void> => passwordSignIn(client, target);
    const warm = await runLoad(signIn, phases.warmUp);
    failIfErrors(`${name} warm-up`, warm);
    ctx.log(`${name}: sequential USER_PASSWORD_AUTH for ${phases.sequential.durationMs / 1000} s`);
    const sequential = await runLoad(signIn, phases.sequential);
    failIfErrors(name, sequential);
    ctx.log(`${name}: ${phases.concurrent.concurrency} concurrent for ${phases.concurrent.durationMs / 1000} s`);
    const cpu0 = await server.cpuSeconds();
    const concurrent = await runLoad(signIn, phases.concurrent);
    const serverCpuMs = (((await server.cpuSeconds()) - cpu0) * 1000) / Math.max(concurrent.latencies.length, 1);
    failIfErrors(name, concurrent);
    ctx.log(`${name}: long run to ${phases.hold.maxFlows ?? '∞'} sign-ins or ${phases.hold.durationMs / 1000} s`);
    const hold = await runLoad(signIn, phases.hold);
    failIfErrors(name, hold);
    const heldRatio = fractionRate(hold.finishedAt, 0.7, 0.9) / fractionRate(hold.finishedAt, 0.1, 0.3);
    return { sequential, concurrent, hold, heldRatio, serverCpuMs };
  } finally {
    client.close();
  }
}

/** A pool, a client allowing USER_PASSWORD_AUTH, and one confirmed user, made through cognito-local's own API. */
export async function seedCognitoLocal(url: string): Promise<Target> {
  const client = createAwsJsonClient(url, 1);
  try {
    const pool = await client.ok('CreateUserPool', { PoolName: 'bench' });
    const poolId = field(pool, 'UserPool', 'Id');
    if (poolId === undefined) throw new Error('CreateUserPool returned no Id');
    const appClient = await client.ok('CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'bench',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const clientId = field(appClient, 'UserPoolClient', 'ClientId');
    if (clientId === undefined) throw new Error('CreateUserPoolClient returned no ClientId');
    const username = 'bench-user@example.com';
    await client.ok('AdminCreateUser', {
      UserPoolId: poolId,
      Username: username,
      TemporaryPassword: 'Temp0rary!bench',
      MessageAction: 'SUPPRESS',
    });
    await client.ok('AdminSetUserPassword', {
      UserPoolId: poolId,
      Username: username,
      Password: demo.password,
      Permanent: true,
    });
    return { url, clientId, username, password: demo.password };
  } finally {
    client.close();
  }
}

async function withServer<T>(
  start: () => Promise<RunningServer>,
  use: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const unpin = await pinBenchAwayFromServer();
  const server = await start();
  try {
    return await use(server);
  } finally {
    await server.stop();
    await unpin();
  }
}

interface SrpFigures {
  readonly rate: number;
  readonly n: number;
  readonly serverCpuPerSignInMs: number;
  readonly serverBusy: number;
  readonly p50: number;
}

/** One full USER_SRP_AUTH → PASSWORD_VERIFIER sign-in of the demo user; throws unless it ends with tokens. */
export async function srpSignIn(client: AwsJsonClient): Promise<void> {
  const poolName = demo.poolId.slice(demo.poolId.indexOf('_') + 1);
  const ephemeral = createEphemeral();
  const challenge = await client.ok('InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: demo.clientId,
    AuthParameters: { USERNAME: demo.username, SRP_A: ephemeral.srpA },
  });
  const param = (name: string): string => {
    const found = field(challenge, 'ChallengeParameters', name);
    if (found === undefined)
      throw new Error(`PASSWORD_VERIFIER without ${name}: ${JSON.stringify(challenge).slice(0, 200)}`);
    return found;
  };
  const userIdForSrp = param('USER_ID_FOR_SRP');
  const secretBlock = param('SECRET_BLOCK');
  const claim = passwordClaim({
    ephemeral,
    poolName,
    userIdForSrp,
    password: demo.password,
    srpB: param('SRP_B'),
    salt: param('SALT'),
    secretBlock,
    now: new Date(),
  });
  const tokens = await client.ok('RespondToAuthChallenge', {
    ClientId: demo.clientId,
    ChallengeName: 'PASSWORD_VERIFIER',
    Session: field(challenge, 'Session'),
    ChallengeResponses: {
      USERNAME: userIdForSrp,
      PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
      PASSWORD_CLAIM_SIGNATURE: claim.signature,
      TIMESTAMP: claim.timestamp,
    },
  });
  if (field(tokens, 'AuthenticationResult', 'AccessToken') === undefined)
    throw new Error(`SRP sign-in ended without tokens: ${JSON.stringify(tokens).slice(0, 200)}`);
}

/** Full USER_SRP_AUTH → PASSWORD_VERIFIER sign-ins against our emulator, client math from bench/srpClient.ts. */
async function measureSrp(ctx: BenchContext, server: RunningServer): Promise<SrpFigures> {
  const client = createAwsJsonClient(server.url, plan.srpConcurrency);
  try {
    const signIn = (): Promise<void> => srpSignIn(client);
    failIfErrors('SRP warm-up', await runLoad(signIn, { concurrency: 1, durationMs: 30_000, maxFlows: 5 }));
    ctx.log(`ours: full SRP sign-ins for ${plan.srpMs / 1000} s, ${plan.srpConcurrency} in flight`);
    const cpu0 = await server.cpuSeconds();
    const result = await runLoad(signIn, { concurrency: plan.srpConcurrency, durationMs: plan.srpMs });
    const cpu = (await server.cpuSeconds()) - cpu0;
    failIfErrors('SRP', result);
    if (result.errors > 0) throw new Error(`SRP: ${result.errors} sign-ins failed (${result.firstError ?? ''})`);
    const n = result.latencies.length;
    return {
      rate: ratePerSecond(n, result.elapsedMs),
      n,
      serverCpuPerSignInMs: (cpu * 1000) / n,
      serverBusy: cpu / (result.elapsedMs / 1000),
      p50: summarize(result.latencies).p50,
    };
  } finally {
    client.close();
  }
}

const fig = (f: number | string): Figure => (typeof f === 'string' ? failed(f) : value(f));

export async function measureThroughput(ctx: BenchContext): Promise<Row[]> {
  const prefix = await ensurePeer(cognitoLocalSpec, ctx.log);
  ctx.log('starting cognito-local 5.3.0');
  const peer = await withServer(
    () => startCognitoLocal(prefix),
    async (server) =>
      measurePasswordAuth(ctx, 'cognito-local', server, await seedCognitoLocal(server.url), plan.holdMsPeer),
  );
  let ours: PasswordAuthFigures | string = 'e2e/emulator not built yet';
  let srp: SrpFigures | string = 'e2e/emulator not built yet';
  if (await repoFileExists('e2e/emulator/index.ts')) {
    ctx.log('starting our emulator in a child process');
    [ours, srp] = await withServer(startOurEmulator, async (server) => {
      const target = { url: server.url, clientId: demo.clientId, username: demo.username, password: demo.password };
      const password = await measurePasswordAuth(ctx, 'ours', server, target, plan.holdMsOurs).catch(
        (error: unknown) => `failed: ${String(error)}`,
      );
      const srpFigures = await measureSrp(ctx, server).catch((error: unknown) => `failed: ${String(error)}`);
      return [password, srpFigures] as const;
    });
  }
  const pick = (f: PasswordAuthFigures | string, read: (f: PasswordAuthFigures) => number): Figure =>
    fig(typeof f === 'string' ? f : read(f));
  const rate = (r: LoadResult): number => ratePerSecond(r.latencies.length, r.elapsedMs);
  const describe = (label: string, f: PasswordAuthFigures | string): string =>
    typeof f === 'string'
      ? `${label}: ${f}`
      : `${label}: n = ${f.sequential.latencies.length} sequential, ${f.concurrent.latencies.length} at 64 concurrent, long run ${f.hold.latencies.length} sign-ins in ${(f.hold.elapsedMs / 1000).toFixed(1)} s (errors ${f.sequential.errors + f.concurrent.errors + f.hold.errors}), server CPU ${f.serverCpuMs.toFixed(1)} ms per sign-in at 64 concurrent`;
  const peerName = 'cognito-local 5.3.0';
  const common = `USER_PASSWORD_AUTH InitiateAuth, one user, keep-alive HTTP, each server in its own child process, ${pinningNote}. ${describe('ours', ours)}; ${describe('cognito-local', peer)}.`;
  const srpNote =
    typeof srp === 'string'
      ? `Full SRP: ${srp}.`
      : `Full USER_SRP_AUTH + PASSWORD_VERIFIER sign-ins, n = ${srp.n} in ${plan.srpMs / 1000} s with ${plan.srpConcurrency} in flight, p50 ${srp.p50.toFixed(1)} ms; ` +
        `client math in the load generator (bench/srpClient.ts: node:crypto OpenSSL modPow, g^x cached per user); ` +
        `server CPU ${srp.serverCpuPerSignInMs.toFixed(1)} ms per sign-in, server core ${(srp.serverBusy * 100).toFixed(0)}% busy (CPU-bound ceiling ${(1000 / srp.serverCpuPerSignInMs).toFixed(0)}/s).`;
  return [
    {
      group: 'throughput',
      metric: 'USER_PASSWORD_AUTH sign-ins/s, sequential',
      unit: '/s',
      ours: pick(ours, (f) => rate(f.sequential)),
      peer: value(rate(peer.sequential)),
      peerName,
      aim: { kind: 'ratioAtLeast', limit: 5 },
      note: common,
    },
    {
      group: 'throughput',
      metric: 'USER_PASSWORD_AUTH sign-ins/s, 64 concurrent',
      unit: '/s',
      ours: pick(ours, (f) => rate(f.concurrent)),
      peer: value(rate(peer.concurrent)),
      peerName,
      aim: { kind: 'ratioAtLeast', limit: 5 },
      note: '',
    },
    {
      group: 'throughput',
      metric: 'USER_PASSWORD_AUTH sign-ins per server CPU-second (one-core capacity)',
      unit: '/s',
      ours: pick(ours, (f) => 1000 / f.serverCpuMs),
      peer: value(1000 / peer.serverCpuMs),
      peerName,
      aim: { kind: 'ratioAtLeast', limit: 5 },
      note: "Each server process's own CPU time (/proc/<pid>/stat) over the 64-concurrent phase per sign-in, inverted: what one core sustains. Less sensitive than wall-clock rates to other work on a shared machine.",
    },
    {
      group: 'throughput',
      metric: 'p50 latency, 64 concurrent',
      unit: 'ms',
      ours: pick(ours, (f) => summarize(f.concurrent.latencies).p50),
      peer: value(summarize(peer.concurrent.latencies).p50),
      peerName,
      aim: { kind: 'none' },
      note: '',
    },
    {
      group: 'throughput',
      metric: 'p99 latency, 64 concurrent',
      unit: 'ms',
      ours: pick(ours, (f) => summarize(f.concurrent.latencies).p99),
      peer: value(summarize(peer.concurrent.latencies).p99),
      peerName,
      aim: { kind: 'ratioAtMost', limit: 0.1 },
      note: '',
    },
    {
      group: 'throughput',
      metric: 'Rate held in a long run (late / early)',
      unit: '×',
      ours: pick(ours, (f) => f.heldRatio),
      peer: value(peer.heldRatio),
      peerName,
      aim: { kind: 'oursAtLeast', limit: 0.9 },
      note: `Rate over the 70–90 % of the long run's completions / over its 10–30 %. Long run at 64 concurrent, after and apart from the other phases, until ${plan.holdFlows} sign-ins of its own or a time cap (ours ${plan.holdMsOurs / 1000} s, cognito-local ${plan.holdMsPeer / 1000} s); long-run sign-ins: ours ${typeof ours === 'string' ? 'n/a' : ours.hold.latencies.length}, cognito-local ${peer.hold.latencies.length}.`,
    },
    {
      group: 'throughput',
      metric: 'Full SRP sign-ins/s, one core (wall clock)',
      unit: '/s',
      ours: fig(typeof srp === 'string' ? srp : srp.rate),
      peer: na('cognito-local has no USER_SRP_AUTH'),
      peerName: '',
      aim: { kind: 'oursAtLeast', limit: 40 },
      note: srpNote,
    },
    {
      group: 'throughput',
      metric: 'Full SRP sign-ins per server CPU-second (one-core capacity)',
      unit: '/s',
      ours: fig(typeof srp === 'string' ? srp : 1000 / srp.serverCpuPerSignInMs),
      peer: na('cognito-local has no USER_SRP_AUTH'),
      peerName: '',
      aim: { kind: 'oursAtLeast', limit: 40 },
      note: "The emulator child's own CPU time (/proc/<pid>/stat) per SRP sign-in, inverted: what one core sustains when the load generator keeps it busy; unlike the wall-clock rate it does not drop when the load generator is starved of CPU.",
    },
  ];
}
