// Client CPU rows: one full SRP sign-in through our machine vs CognitoUser.authenticateUser, same emulator, same process.
/* eslint-disable @typescript-eslint/no-deprecated -- identity-js (v5, maintenance mode) is the peer users would pick instead: measuring it is the point. */
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type ICognitoStorage } from 'amazon-cognito-identity-js';
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import { growthPool, growthUsername } from './childProtocol.ts';
import type { BenchContext } from './context.ts';
import { frameShare } from './profileShare.ts';
import { startOurEmulator } from './servers.ts';
import { driveSignIn } from './signInDriver.ts';
import { median } from './stats.ts';
import { value, type Row } from './table.ts';

const runs = 15;
const profiledRuns = 5;
const users = 10;
/** bnModPow is identity-js's jsbn; modPow / powG are our fast engine's (src/adapters/srpMath.ts). */
const modPowFrame = /^(bnModPow|modPow|powG)$/;

class MemoryStorage implements ICognitoStorage {
  private readonly items = new Map<string, string>();
  setItem(key: string, item: string): void {
    this.items.set(key, item);
  }
  getItem(key: string): string {
    return this.items.get(key) ?? '';
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

type SignIn = (index: number) => Promise<void>;

function identityJsSignIn(url: string): SignIn {
  return (index) =>
    new Promise((resolve, reject) => {
      const Storage = new MemoryStorage();
      const pool = new CognitoUserPool({
        UserPoolId: growthPool.poolId,
        ClientId: growthPool.clientId,
        endpoint: `${url}/`,
        Storage,
      });
      const user = new CognitoUser({ Username: growthUsername(index % users), Pool: pool, Storage });
      user.authenticateUser(
        new AuthenticationDetails({ Username: growthUsername(index % users), Password: growthPool.password }),
        {
          onSuccess: () => {
            resolve();
          },
          onFailure: (error: unknown) => {
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        },
      );
    });
}

function machineSignIn(url: string): SignIn {
  return async (index) => {
    const signedIn = await driveSignIn(
      { username: growthUsername(index % users), password: growthPool.password },
      {
        emulatorUrl: url,
        userPoolId: growthPool.poolId,
        clientId: growthPool.clientId,
        authFlow: 'USER_SRP_AUTH',
        deviceTracking: false,
      },
    );
    signedIn.stop();
  };
}

/** CPU ms (user + system, all threads of this process) of one sign-in. */
async function cpuOf(signIn: SignIn, index: number): Promise<number> {
  const start = process.cpuUsage();
  await signIn(index);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function profile(signIn: SignIn): Promise<Profiler.Profile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    for (let i = 0; i < profiledRuns; i++) await signIn(i);
    const { profile: result } = await session.post('Profiler.stop');
    return result;
  } finally {
    session.disconnect();
  }
}

export async function measureClientCpu(ctx: BenchContext): Promise<Row[]> {
  // A pool without device tracking or MFA, so both clients do exactly IA → PASSWORD_VERIFIER → tokens.
  const server = await startOurEmulator(users);
  try {
    const ours = machineSignIn(server.url);
    const theirs = identityJsSignIn(server.url);
    for (let i = 0; i < 2; i++) {
      await ours(i);
      await theirs(i);
    }
    ctx.log(`client CPU: ${runs} sign-ins each, interleaved`);
    const oursCpu: number[] = [];
    const theirsCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      oursCpu.push(await cpuOf(ours, i));
      theirsCpu.push(await cpuOf(theirs, i));
    }
    ctx.log('client CPU: profiling modPow');
    const oursShare = frameShare(await profile(ours), modPowFrame);
    const theirsShare = frameShare(await profile(theirs), modPowFrame);
    const pct = (share: { matched: number; busy: number }): number =>
      share.busy === 0 ? 0 : (100 * share.matched) / share.busy;
    const peerName = 'CognitoUser.authenticateUser';
    return [
      {
        group: 'cpu',
        metric: 'Client CPU per SRP sign-in (median)',
        unit: 'ms',
        ours: value(median(oursCpu)),
        peer: value(median(theirsCpu)),
        peerName,
        aim: { kind: 'ratioAtMost', limit: 1.02 },
        note:
          `process.cpuUsage() around one whole sign-in (actor or CognitoUser created, IA → PASSWORD_VERIFIER → tokens), n = ${runs} each, interleaved, ` +
          `emulator in a child process (not counted); ours = createSignInMachine over the widget's default adapters (createCognitoHttp, createFastSrp: BigInt + Web Crypto, memory stores), ` +
          `peer = amazon-cognito-identity-js 6.3.21. Min/max ours ${Math.min(...oursCpu).toFixed(0)}/${Math.max(...oursCpu).toFixed(0)} ms, peer ${Math.min(...theirsCpu).toFixed(0)}/${Math.max(...theirsCpu).toFixed(0)} ms.`,
      },
      {
        group: 'cpu',
        metric: 'modPow share of sampled main-thread CPU',
        unit: '%',
        ours: value(pct(oursShare)),
        peer: value(pct(theirsShare)),
        peerName,
        aim: { kind: 'none' },
        note: `V8 CPU profile (200 µs sampling) over ${profiledRuns} sign-ins each; time inside ${[...new Set([...oursShare.names, ...theirsShare.names])].join(', ') || 'no modPow frame'} (callees included) over non-idle samples. Web Crypto hashing runs off the main thread and is not sampled.`,
      },
    ];
  } finally {
    await server.stop();
  }
}
