// Hostile input: ≥ 10,000 malformed requests against an in-process emulator, then a real SRP sign-in; loopback and test-endpoint switches.
import { Agent, request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from './demo.ts';
import { handlers } from './handlers/index.ts';
import { startEmulator, type Emulator } from './index.ts';
import { cognitoUser, expectKind, signIn, userPool } from './testHelpers.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/** Sized for a shared 2-core machine: the acceptance floor is 10,000. */
const REQUESTS = 10_000;
const CONCURRENCY = 16;
const TEN_MB = 10 * 1024 * 1024;
const HUGE = 20 * 1024;
/** Heap growth allowed across the run after a forced GC (the request log grows by design: ~10k small entries). */
const HEAP_BOUND_BYTES = 48 * 1024 * 1024;

/** Members the operations read, so wrong types reach the handlers' own checks, not only the JSON parser. */
const MEMBERS = [
  'ClientId',
  'UserPoolId',
  'AuthFlow',
  'AuthParameters',
  'ChallengeName',
  'ChallengeResponses',
  'Session',
  'AccessToken',
  'Username',
  'Password',
  'ConfirmationCode',
  'UserAttributes',
  'DeviceKey',
  'Token',
  'UserCode',
  'PoolName',
  'ClientName',
  'MaxResults',
  'Limit',
  'ClientMetadata',
  'DeviceSecretVerifierConfig',
  'Permanent',
  'SoftwareTokenMfaConfiguration',
  // Pool, client and ListUsers settings (docs/emulator-settings.md).
  'UsernameAttributes',
  'UsernameConfiguration',
  'AccountRecoverySetting',
  'AliasAttributes',
  'LambdaConfig',
  'Schema',
  'ClientSecret',
  'AuthSessionValidity',
  'Filter',
  'AttributesToGet',
] as const;

/** xorshift32: the same 10,000 requests every run, so a failure reproduces. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

interface Malformed {
  readonly kind: string;
  readonly target: string | undefined;
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

const OPERATIONS = Object.keys(handlers);

function generator(seed: number) {
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('empty choice');
    return item;
  };
  const randomString = (length: number): string =>
    Array.from({ length }, () => String.fromCharCode(int(2) === 0 ? 0x20 + int(95) : 0x80 + int(0x2000))).join('');
  const asciiString = (length: number): string =>
    Array.from({ length }, () => String.fromCharCode(0x21 + int(94))).join('');
  // Wrong for every member: no string, no boolean, no integer (MaxResults: 42 or 1e308 would pass as integers).
  const wrongType = (): unknown => pick<unknown>([-1.5, 0.25, [], [1, 'a'], { nested: { deep: [null] } }]);
  const operation = (): string => `${TARGET_PREFIX}${pick(OPERATIONS)}`;

  const kinds: Record<string, () => Omit<Malformed, 'kind'>> = {
    'bad JSON': () => ({
      target: operation(),
      contentType: 'application/x-amz-json-1.1',
      body: pick([
        '{',
        '{"ClientId":',
        '{"a":1,}',
        "{'single':'quotes'}",
        '[1,2',
        '\u0000\u0001',
        'null garbage',
        `{"${randomString(8)}`,
      ]),
    }),
    'random bytes': () => ({
      target: operation(),
      contentType: 'application/x-amz-json-1.1',
      body: Uint8Array.from({ length: 1 + int(512) }, () => int(256)),
    }),
    'not an object': () => ({
      target: operation(),
      contentType: 'application/x-amz-json-1.1',
      body: pick(['[]', '[{}]', '42', '"string"', 'null', 'true', '1e999']),
    }),
    'wrong types': () => ({
      target: operation(),
      contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify(Object.fromEntries(MEMBERS.map((name) => [name, wrongType()]))),
    }),
    'huge strings': () => ({
      target: operation(),
      contentType: 'application/x-amz-json-1.1',
      // Identifiers that cannot exist (ClientId, UserPoolId) alongside 20 KiB members (past Node's 16 KiB header cap if echoed): each operation must refuse them.
      body: JSON.stringify({
        ClientId: 'x'.repeat(HUGE),
        UserPoolId: `us-east-1_${'y'.repeat(HUGE)}`,
        Username: randomString(4096),
        AccessToken: 'z'.repeat(HUGE),
        Session: 's'.repeat(HUGE),
        Token: 't'.repeat(HUGE),
        PoolName: '',
      }),
    }),
    'unknown fields': () => ({
      target: operation(),
      contentType: 'application/x-amz-json-1.1',
      // Unknown members are ignored (as Cognito does); the required ones are missing, so the answer is still a 4xx.
      body: JSON.stringify({
        [randomString(6)]: randomString(6),
        __proto__x: { constructor: 'prototype' },
        Extra: wrongType(),
      }),
    }),
    'prototype keys': () => ({
      target: operation(),
      contentType: 'application/x-amz-json-1.1',
      body: `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"ClientId":${JSON.stringify(pick(['toString', '__proto__', 'hasOwnProperty']))},"UserPoolId":"constructor"}`,
    }),
    'missing target': () => ({ target: undefined, contentType: 'application/x-amz-json-1.1', body: '{}' }),
    'unknown target': () => ({
      // Header values are bytes: printable ASCII only, as any HTTP client would send.
      target: pick([
        `${TARGET_PREFIX}${asciiString(10)}`,
        `${TARGET_PREFIX}__proto__`,
        `${TARGET_PREFIX}constructor`,
        'Other.InitiateAuth',
        TARGET_PREFIX,
        asciiString(20),
      ]),
      contentType: 'application/x-amz-json-1.1',
      body: '{}',
    }),
    'wrong content type': () => ({
      target: operation(),
      contentType: pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      ]),
      body: pick(['ClientId=x&AuthFlow=USER_SRP_AUTH', '<xml/>', '--x\r\n\r\n--x--', '{']),
    }),
  };
  const names = Object.keys(kinds);
  return (): Malformed => {
    const kind = pick(names);
    const make = kinds[kind];
    if (make === undefined) throw new Error(kind);
    return { kind, ...make() };
  };
}

interface Answer {
  readonly status: number;
  readonly type: unknown;
  readonly message: unknown;
  readonly headerType: string | null;
}

/** Keep-alive sockets, as a real client would hold; node:http sends raw bytes (no fetch body rules). */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(emulator: Emulator, request: Omit<Malformed, 'kind'>): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': request.contentType };
  if (request.target !== undefined) headers['X-Amz-Target'] = request.target;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${emulator.url}/`, { method: 'POST', headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        const record: Record<string, unknown> = typeof body === 'object' && body !== null ? { ...body } : {};
        const headerType = response.headers['x-amzn-errortype'];
        resolve({
          status: response.statusCode ?? 0,
          type: record.__type,
          message: record.message,
          headerType: typeof headerType === 'string' ? headerType : null,
        });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** A Cognito-shaped client fault: 4xx, `__type` and `message` in the body, `x-amzn-ErrorType: <__type>:`. */
function isCognitoFault(answer: Answer): boolean {
  return (
    answer.status >= 400 &&
    answer.status < 500 &&
    typeof answer.type === 'string' &&
    /^[A-Za-z]+Exception$/.test(answer.type) &&
    typeof answer.message === 'string' &&
    answer.headerType === `${answer.type}:`
  );
}

function isCallable(value: unknown): value is () => void {
  return typeof value === 'function';
}

/** `global.gc`, exposed at run time so the test needs no Node flag. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (isCallable(gc)) gc();
}

async function srpSignIn(emulator: Emulator): Promise<string> {
  const pool = userPool(emulator, DEMO_POOL_ID, DEMO_CLIENT_ID);
  const result = expectKind(await signIn(cognitoUser(pool, 'srp-user'), 'srp-user', DEMO_PASSWORD), 'success');
  return result.session.getIdToken().payload['cognito:username'] as string;
}

describe('fuzz: malformed requests', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    agent.destroy();
    await emulator.stop();
  });

  it(
    'answers 10,000 malformed requests with Cognito-shaped 4xx, no crash, bounded heap, then still signs in with SRP',
    { timeout: 120_000 },
    async () => {
      const next = generator(0x5eed_c0de);
      const byStatus = new Map<number, number>();
      const byType = new Map<string, number>();
      const odd: { kind: string; answer: Answer }[] = [];
      let crashes = 0;
      let tried = 0;

      const attempt = async (request: Malformed): Promise<void> => {
        tried += 1;
        try {
          const answer = await send(emulator, request);
          byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
          if (typeof answer.type === 'string') byType.set(answer.type, (byType.get(answer.type) ?? 0) + 1);
          if (!isCognitoFault(answer))
            odd.push({
              kind: `${request.kind} ${request.target ?? ''} ${typeof request.body === 'string' ? request.body.slice(0, 200) : ''}`,
              answer,
            });
        } catch (error) {
          // A reset connection or a half answer is what a crash looks like from outside.
          crashes += 1;
          if (crashes <= 3) console.log(`fuzz: ${request.kind} failed at the client:`, error);
        }
      };

      // Warm up (JIT, keys, sockets) before the heap baseline, so the bound measures growth, not start-up.
      for (let i = 0; i < 200; i += 1) await attempt(next());
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed;

      const worker = async (): Promise<void> => {
        while (tried < REQUESTS) await attempt(next());
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));

      // Three 10 MB bodies: refused with a Cognito-shaped answer, not buffered.
      const huge = new Uint8Array(TEN_MB).fill(0x7b);
      for (let i = 0; i < 3; i += 1) {
        await attempt({
          kind: '10 MB body',
          target: `${TARGET_PREFIX}InitiateAuth`,
          contentType: 'application/x-amz-json-1.1',
          body: huge,
        });
      }

      collectGarbage();
      const heapAfter = process.memoryUsage().heapUsed;
      const username = await srpSignIn(emulator);

      console.log(
        `fuzz: requests tried ${String(tried)}; answers by status ${JSON.stringify(Object.fromEntries(byStatus))}; ` +
          `by __type ${JSON.stringify(Object.fromEntries(byType))}; crashes ${String(crashes)}; not Cognito-shaped ${String(odd.length)}; ` +
          `heap ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MiB; SRP sign-in afterwards as ${username}`,
      );
      expect(tried).toBeGreaterThanOrEqual(10_000);
      expect(crashes).toBe(0);
      if (odd.length > 0) console.log('fuzz: not Cognito-shaped:', JSON.stringify(odd.slice(0, 5)));
      expect(odd.slice(0, 5)).toEqual([]);
      expect(byStatus.get(500) ?? 0).toBe(0);
      // An oversized body: 413 (what AWS's front door answers) with a Cognito-shaped SerializationException body.
      expect(byStatus.get(413)).toBe(3);
      expect(heapAfter - heapBefore).toBeLessThan(HEAP_BOUND_BYTES);
      expect(username).toBe('srp-user');
    },
  );
});

describe('exposure', () => {
  it('binds to loopback by default: reachable on 127.0.0.1, refused on the machine’s other addresses', async () => {
    const emulator = await startEmulator();
    try {
      const { port } = new URL(emulator.url);
      expect(new URL(emulator.url).hostname).toBe('127.0.0.1');
      expect((await fetch(`${emulator.url}/_emulator/health`)).status).toBe(200);
      const external = Object.values(networkInterfaces())
        .flat()
        .flatMap((info) => (info?.family === 'IPv4' && !info.internal ? [info.address] : []));
      let refused = 0;
      for (const address of external) {
        await expect(fetch(`http://${address}:${port}/_emulator/health`)).rejects.toThrow();
        refused += 1;
      }
      console.log(`exposure: loopback only; ${String(refused)} non-loopback address(es) refused`);
    } finally {
      await emulator.stop();
    }
  });

  it('with testEndpoints false serves no /_emulator/* route but still answers Cognito calls', async () => {
    const emulator = await startEmulator({ testEndpoints: false });
    try {
      const routes: [string, string, string?][] = [
        ['GET', '/_emulator/health'],
        ['GET', '/_emulator/messages'],
        ['DELETE', '/_emulator/messages'],
        ['GET', '/_emulator/requests'],
        ['POST', '/_emulator/clock', '{"advanceSeconds":3600}'],
      ];
      for (const [method, path, body] of routes) {
        const response = await fetch(`${emulator.url}${path}`, { method, ...(body === undefined ? {} : { body }) });
        expect(response.status, `${method} ${path}`).toBe(404);
      }
      expect(await srpSignIn(emulator)).toBe('srp-user');
    } finally {
      await emulator.stop();
    }
  });
});
