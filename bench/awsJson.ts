// A lean AWS JSON 1.1 caller over keep-alive node:http, so the load generator spends little CPU per request.
import { Agent, request } from 'node:http';

export interface AwsJsonResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface AwsJsonClient {
  call(operation: string, body: unknown): Promise<AwsJsonResponse>;
  /** The same call, failing unless HTTP 200; returns the parsed body. */
  ok(operation: string, body: unknown): Promise<unknown>;
  close(): void;
}

export function createAwsJsonClient(baseUrl: string, maxSockets = 64): AwsJsonClient {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const call = (operation: string, body: unknown): Promise<AwsJsonResponse> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: '/',
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : {} });
            } catch {
              resolve({ status: res.statusCode ?? 0, body: text });
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    call,
    async ok(operation, body) {
      const res = await call(operation, body);
      if (res.status !== 200)
        throw new Error(`${operation} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      return res.body;
    },
    close: () => {
      agent.destroy();
    },
  };
}

/** Reads a nested string field from a parsed JSON body, or undefined. */
export function field(body: unknown, ...path: string[]): string | undefined {
  let current: unknown = body;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current)) return undefined;
    current = current[key as keyof typeof current];
  }
  return typeof current === 'string' ? current : undefined;
}
