// SRP engine rows: CPU per SRP sign-in (SRP_A + password claim) for the fast engine vs AuthenticationHelper, in one run.
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
import type { SrpPort } from '../machines/ports.ts';
import { secret } from '../machines/secret.ts';
import { createAuthenticationHelperSrp } from '../src/adapters/srp.ts';
import { createFastSrp } from '../src/adapters/srpFast.ts';
import { N, modPow, powG } from '../src/adapters/srpMath.ts';
import type { BenchContext } from './context.ts';
import { median } from './stats.ts';
import { failed, na, value, type Row } from './table.ts';

const group = 'srp';
const defaultRuns = 15;
const warmUps = 2;

function randomInteger(bytes: number): bigint {
  const hex = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return BigInt(`0x${hex}`);
}

/** CPU milliseconds (user + system, all threads: Web Crypto work runs off the JS thread in Node) spent by `work`. */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

/** One client-side SRP sign-in: draw a, compute SRP_A, then the PASSWORD_VERIFIER claim for a fresh server challenge. */
function srpSignIn(engine: SrpPort): () => Promise<unknown> {
  return async () => {
    const ephemeral = await engine.createEphemeral();
    return engine.passwordClaim({
      ephemeral,
      srpB: (randomInteger(384) % N).toString(16),
      salt: randomInteger(16).toString(16),
      secretBlock: btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(1024)))),
      now: new Date(),
      poolName: 'DemoPool1',
      userIdForSrp: 'srp-user',
      password: secret('Passw0rd!demo'),
    });
  };
}

/** The three exponentiations of one fast sign-in, with operands of the real sizes: g^a, g^x, (B - k·g^x)^(a + u·x). */
function fastExponentiations(): () => Promise<unknown> {
  return () => {
    const a = randomInteger(128);
    const x = randomInteger(32);
    const ux = randomInteger(32) * x;
    return Promise.resolve([powG(a), powG(x), modPow(randomInteger(384) % N, a + ux, N)]);
  };
}

/** One 3072-bit modPow with a 1,024-bit exponent in our sliding-window BigInt code. */
function bigintModPow(): () => Promise<unknown> {
  return () => Promise.resolve(modPow(randomInteger(384) % N, randomInteger(128), N));
}

/** One 3072-bit modPow with a 1,024-bit exponent in identity-js's jsbn (what AuthenticationHelper spends its time in). */
function jsbnModPow(): () => Promise<unknown> {
  const helper = new AuthenticationHelper('');
  const BigInteger = helper.N.constructor;
  return () => {
    const base = new BigInteger((randomInteger(384) % N).toString(16), 16);
    const exponent = new BigInteger(randomInteger(128).toString(16), 16);
    return Promise.resolve(base.modPow(exponent, helper.N, () => undefined));
  };
}

/** Medians of `runs` interleaved samples per workload, after warm-ups; interleaving spreads machine noise evenly. */
async function sampleInterleaved(workloads: readonly (() => Promise<unknown>)[], runs: number): Promise<number[]> {
  const samples = workloads.map((): number[] => []);
  for (let i = 0; i < warmUps + runs; i += 1) {
    for (const [index, work] of workloads.entries()) {
      const spent = await cpuMs(work);
      if (i >= warmUps) samples[index]?.push(spent);
    }
  }
  return samples.map((list) => median(list));
}

/**
 * CPU per SRP sign-in for both engines (median of `runs`), their ratio (aim ≤ 0.33), the share of the fast
 * sign-in spent in modular exponentiation, and one modPow in each big-integer library. Prints nothing itself.
 */
export async function measureSrpEngines(ctx: BenchContext, runs = defaultRuns): Promise<Row[]> {
  const fast = createFastSrp();
  const oracle = createAuthenticationHelperSrp();
  ctx.log(`srp: ${runs} interleaved sign-ins per engine (+${warmUps} warm-ups)`);
  const [fastMs, oracleMs, exponentiationMs, modPowMs, jsbnMs] = await sampleInterleaved(
    [srpSignIn(fast), srpSignIn(oracle), fastExponentiations(), bigintModPow(), jsbnModPow()],
    runs,
  );
  const note = `median of ${runs} process CPU samples (user+system) per sign-in, engines interleaved, same process`;
  const rows: Row[] = [
    {
      group,
      metric: 'CPU per SRP sign-in (SRP_A + password claim)',
      unit: 'ms',
      ours: fastMs === undefined ? failed('not measured') : value(fastMs),
      peer: oracleMs === undefined ? failed('not measured') : value(oracleMs),
      peerName: 'identity-js AuthenticationHelper',
      aim: { kind: 'ratioAtMost', limit: 0.33 },
      note: `${note}; ours = createFastSrp (BigInt + Web Crypto)`,
    },
    {
      group,
      metric: 'modPow share of the fast SRP sign-in',
      unit: '%',
      ours:
        fastMs === undefined || exponentiationMs === undefined
          ? failed('not measured')
          : value((100 * exponentiationMs) / fastMs),
      peer: na('not applicable'),
      peerName: '-',
      aim: { kind: 'none' },
      note: 'CPU of g^a, g^x and the S exponentiation with operands of real sizes, over the fast sign-in CPU',
    },
    {
      group,
      metric: 'one 3072-bit modPow, 1,024-bit exponent',
      unit: 'ms',
      ours: modPowMs === undefined ? failed('not measured') : value(modPowMs),
      peer: jsbnMs === undefined ? failed('not measured') : value(jsbnMs),
      peerName: 'identity-js jsbn BigInteger.modPow',
      aim: { kind: 'none' },
      note: 'random base below N; ours = srpMath.modPow (sliding windows on native BigInt)',
    },
  ];
  return rows;
}
