// Property test: the fast engine and the AuthenticationHelper oracle agree byte for byte on random SRP inputs.
//
// Cost model. The oracle's jsbn exponentiation costs ~100 ms for a 1,024-bit exponent, so 1,200 claims with real
// jsbn on both sides would take minutes. Three tiers keep it fast without trusting the engine under test:
//   1. A pool of private `a` values (1,024 bits down to 8) gets SRP_A from both engines with real jsbn.
//   2. A handful of vectors run both engines end to end with real jsbn (no shortcut at all).
//   3. The 1,000 password and 200 device vectors run with the oracle's jsbn `modPow` answered from a memo of the
//      fast engine's results, keyed by the exact (base mod N, exponent) pair. A key the fast engine never computed
//      misses and falls back to real jsbn (and is counted), so the memo can only stand in for an identical
//      computation; everything else in the oracle (padHex, hashing, u, x, k·g^x, HKDF, verifier encoding) is the
//      official code. The exponentiation itself is checked against jsbn in tier 2, tier 1 and srpMath.test.ts.
// What remains is the fast engine's own math, ~12 ms a vector on an idle core (~15 s for 1,200); the generous
// timeouts only keep a heavily shared machine from failing a correct run, they assert nothing about speed.
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
import type { OracleBigInteger } from 'amazon-cognito-identity-js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SrpEphemeral, SrpServerChallenge } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { createAuthenticationHelperSrp, oracleAuthenticationKey, oracleEphemeralFrom } from './srp.ts';
import { createFastSrp, fastAuthenticationKey, fastEphemeralFrom } from './srpFast.ts';
import { bytesToHex } from './srpEncoding.ts';
import { seedRandom } from './srpOfficialClient.testkit.ts';
import { N, mod, parseHex } from './srpMath.ts';
import { VectorSource } from './srpTestVectors.testkit.ts';

const memo = vi.hoisted(() => new Map<string, bigint>());
const memoKey = (base: bigint, exponent: bigint): string => `${base.toString(16)}^${exponent.toString(16)}`;

// The fast engine's exponentiations, memoised: identical inputs give identical outputs, so a repeat is free.
vi.mock('./srpMath.ts', async (importOriginal) => {
  const math = await importOriginal<typeof import('./srpMath.ts')>();
  const remember = (base: bigint, exponent: bigint, compute: () => bigint): bigint => {
    const key = memoKey(base, exponent);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const value = compute();
    memo.set(key, value);
    return value;
  };
  return {
    ...math,
    powG: (exponent: bigint) => remember(2n, exponent, () => math.powG(exponent)),
    modPow: (base: bigint, exponent: bigint, modulus: bigint) =>
      remember(math.mod(base, modulus), exponent, () => math.modPow(base, exponent, modulus)),
  };
});

const OracleInteger = new AuthenticationHelper('').N.constructor;

function toBigInt(value: OracleBigInteger): bigint {
  const hex = value.toString(16);
  return hex.startsWith('-') ? -parseHex(hex.slice(1)) : parseHex(hex);
}

/** Answers the oracle's jsbn modPow from the memo where the fast engine computed the very same power. */
function answerOracleFromMemo(): { misses: () => number } {
  const jsbn = OracleInteger.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the jsbn receiver it belongs to.
  const original = jsbn.modPow;
  let misses = 0;
  vi.spyOn(jsbn, 'modPow').mockImplementation(function (this: OracleBigInteger, exponent, modulus, callback) {
    const known = memo.get(memoKey(mod(toBigInt(this), N), toBigInt(exponent)));
    if (known === undefined) {
      misses += 1;
      return original.call(this, exponent, modulus, callback);
    }
    const result = new OracleInteger(known.toString(16), 16);
    callback(null, result);
    return result;
  });
  return { misses: () => misses };
}

interface Vector extends SrpServerChallenge {
  readonly name: string;
  readonly user: string;
  readonly password: string;
}

function passwordVector(source: VectorSource, ephemeral: SrpEphemeral): Vector {
  return {
    ephemeral,
    name: source.alphanumeric(1, 12),
    user: source.pick([() => source.uuid(), () => source.text(1, 24), () => source.alphanumeric(1, 40)])(),
    password: source.text(0, 40),
    salt: source.hex(source.int(1, 32)),
    srpB: source.hex(source.int(1, 390)),
    secretBlock: source.base64(source.int(0, 300)),
    now: source.date(),
  };
}

async function expectSameClaim(vector: Vector, kind: 'password' | 'device'): Promise<void> {
  const fastKey = await fastAuthenticationKey(vector, vector.name, vector.user, vector.password);
  const oracleKey = await oracleAuthenticationKey(vector, vector.name, vector.user, vector.password);
  expect(bytesToHex(fastKey)).toBe(bytesToHex(oracleKey));

  const [fast, oracle] = [createFastSrp(), createAuthenticationHelperSrp()];
  const claims =
    kind === 'password'
      ? [fast, oracle].map((engine) =>
          engine.passwordClaim({
            ...vector,
            poolName: vector.name,
            userIdForSrp: vector.user,
            password: secret(vector.password),
          }),
        )
      : [fast, oracle].map((engine) =>
          engine.deviceClaim({
            ...vector,
            deviceGroupKey: vector.name,
            deviceKey: vector.user,
            devicePassword: secret(vector.password),
          }),
        );
  const [fastClaim, oracleClaim] = await Promise.all(claims);
  expect(fastClaim).toEqual(oracleClaim);
}

describe('fast SRP engine against the AuthenticationHelper oracle', () => {
  const source = new VectorSource(20261123);
  const pool: { oracle: SrpEphemeral; fast: SrpEphemeral }[] = [];
  const ephemerals: SrpEphemeral[] = [];

  beforeAll(async () => {
    for (const size of [128, 96, 64, 40, 33, 20, 8, 1]) {
      const a = source.hex(size);
      const oracle = await oracleEphemeralFrom(a);
      pool.push({ oracle, fast: fastEphemeralFrom(a) });
      ephemerals.push(oracle);
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
    memo.clear();
  });

  it('computes the same SRP_A as the oracle for the same a, across a pool of a values of 8 to 1,024 bits', () => {
    expect(pool.map(({ fast }) => fast.srpA)).toEqual(pool.map(({ oracle }) => oracle.srpA));
    expect(pool.map(({ fast }) => fast.a.reveal())).toEqual(pool.map(({ oracle }) => oracle.a.reveal()));
  });

  it('creates ephemerals from the same 128 random bytes as the oracle does', async () => {
    const random = source.bytes(128);
    seedRandom(random);
    const oracle = await createAuthenticationHelperSrp().createEphemeral();
    seedRandom(random);
    const fast = await createFastSrp().createEphemeral();
    expect(fast.srpA).toBe(oracle.srpA);
    expect(fast.a.reveal()).toBe(oracle.a.reveal());
  });

  it('agrees with the unshortcut oracle end to end on a few full-size vectors', async () => {
    for (let i = 0; i < 3; i += 1) {
      const ephemeral = ephemerals[i % 2];
      if (ephemeral === undefined) throw new Error('the ephemeral pool is empty');
      await expectSameClaim(passwordVector(source, ephemeral), i === 2 ? 'device' : 'password');
      memo.clear();
    }
  });

  it('derives identical HKDF keys and PASSWORD_CLAIM_SIGNATUREs for 1,000 random password vectors', async () => {
    const oracle = answerOracleFromMemo();
    for (let i = 0; i < 1000; i += 1) {
      await expectSameClaim(passwordVector(source, source.pick(ephemerals)), 'password');
      memo.clear();
    }
    expect(oracle.misses()).toBe(0);
  }, 400_000);

  it('builds identical device verifiers and device claims for 200 random device vectors', async () => {
    const oracle = answerOracleFromMemo();
    for (let i = 0; i < 200; i += 1) {
      const deviceGroupKey = `-${source.alphanumeric(8, 10)}`;
      const deviceKey = `us-east-1_${source.uuid()}`;
      const random = source.bytes(56);
      const unseedFast = seedRandom(random);
      const fastVerifier = await createFastSrp().createDeviceVerifier({ deviceGroupKey, deviceKey });
      unseedFast();
      const unseed = seedRandom(random);
      const oracleVerifier = await createAuthenticationHelperSrp().createDeviceVerifier({ deviceGroupKey, deviceKey });
      unseed();
      expect({ ...fastVerifier, devicePassword: fastVerifier.devicePassword.reveal() }).toEqual({
        ...oracleVerifier,
        devicePassword: oracleVerifier.devicePassword.reveal(),
      });
      const vector = passwordVector(source, source.pick(ephemerals));
      await expectSameClaim(
        { ...vector, name: deviceGroupKey, user: deviceKey, password: fastVerifier.devicePassword.reveal() },
        'device',
      );
      memo.clear();
    }
    expect(oracle.misses()).toBe(0);
  }, 400_000);
});
