// Messages between the bench and its emulator child process (over the IPC channel).
import { randomBytes } from 'node:crypto';

export type ParentMessage = { readonly type: 'memory' } | { readonly type: 'stop' };

export type ChildMessage =
  | { readonly type: 'ready'; readonly url: string; readonly startMs: number }
  | { readonly type: 'memory'; readonly rss: number; readonly heapUsed: number }
  | { readonly type: 'error'; readonly message: string };

const hasType = (value: unknown): value is { type: unknown } =>
  typeof value === 'object' && value !== null && 'type' in value;

export function isParentMessage(value: unknown): value is ParentMessage {
  return hasType(value) && (value.type === 'memory' || value.type === 'stop');
}

export function isChildMessage(value: unknown): value is ChildMessage {
  if (!hasType(value)) return false;
  if (value.type === 'ready')
    return 'url' in value && typeof value.url === 'string' && 'startMs' in value && typeof value.startMs === 'number';
  if (value.type === 'memory')
    return 'rss' in value && typeof value.rss === 'number' && 'heapUsed' in value && typeof value.heapUsed === 'number';
  if (value.type === 'error') return 'message' in value && typeof value.message === 'string';
  return false;
}

/** The pool the cost-growth rows fill with users (set BENCH_GROWTH_USERS in the child's environment). */
export const growthPool = {
  poolId: 'us-east-1_BenchGrowth',
  clientId: 'benchgrowthclient000000001',
  password: 'Passw0rd!bench',
} as const;

export const growthUsername = (index: number): string => `user-${index}`;

/** Sign-ins spread over the whole pool (7919 is prime), so lookups do not all hit one hot record. */
export const growthSignInIndex = (flow: number, users: number): number => (flow * 7919) % users;

/** How many distinct users the growth rows sign in (warm-up + measured); only these need a real password. */
export const growthSignInUsers = 400;

/**
 * An emulator config (Cognito field names) with one pool of `count` confirmed users. The users the bench signs in
 * get the password (one SRP verifier each, as any seed); the rest get a random verifier of the same size through the
 * emulator's `SrpVerifier` seed field, so 100k users cost the same memory without 100k modexps at start.
 */
export function growthConfig(count: number): { Pools: unknown[] } {
  const signingIn = new Set(
    Array.from({ length: Math.min(growthSignInUsers, count) }, (_, flow) => growthSignInIndex(flow, count)),
  );
  return {
    Pools: [
      {
        Id: growthPool.poolId,
        Name: 'bench-growth',
        MfaConfiguration: 'OFF',
        Clients: [
          {
            ClientId: growthPool.clientId,
            ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
        Users: Array.from({ length: count }, (_, i) => ({
          Username: growthUsername(i),
          ...(signingIn.has(i)
            ? { Password: growthPool.password }
            : { SrpVerifier: { Salt: randomBytes(16).toString('hex'), Verifier: randomBytes(384).toString('hex') } }),
          Attributes: { email: `${growthUsername(i)}@example.com`, email_verified: 'true' },
        })),
      },
    ],
  };
}
