// The one retry policy: every flow reaches Cognito through callCognito, which retries only what is safe to retry.
import { CognitoServiceError, toSignInError } from './errors.ts';
import type { CognitoPorts, RetryPolicy } from './ports.ts';
import type { Operation, Operations } from './protocol.ts';

/** Three tries, 250 ms then 500 ms apart: enough for a dropped connection, short enough to surface an outage. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2000 };

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls one operation, retrying network failures and throttling with bounded exponential backoff; always throws
 * CognitoServiceError. `retry: false` for calls that must not be replayed (SignUp may already have created the user).
 */
export async function callCognito<Op extends Operation>(
  ports: CognitoPorts,
  operation: Op,
  request: Operations[Op]['request'],
  { retry = true }: { retry?: boolean } = {},
): Promise<Operations[Op]['response']> {
  const policy = ports.retry ?? DEFAULT_RETRY;
  const sleep = ports.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ports.cognito.call(operation, request);
    } catch (thrown) {
      const error = toSignInError(thrown);
      if (!retry || !error.retryable || attempt >= policy.attempts) throw new CognitoServiceError(error);
      await sleep(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

/** A CognitoServiceError for an answer that lacks what the protocol promises. */
export function unexpected(detail: string): CognitoServiceError {
  return new CognitoServiceError({ code: 'UnexpectedResponse', retryable: false, detail });
}
