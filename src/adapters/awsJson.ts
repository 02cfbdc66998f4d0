// One AWS JSON 1.1 POST per Cognito operation (X-Amz-Target); failures throw CognitoServiceError.
import { CognitoServiceError, fromErrorType, toSignInError } from '../../machines/errors.ts';

/** The HTTP transport's options: region or endpoint, client secret, fetch and time-out. */
export interface CognitoHttpOptions {
  /** Full endpoint URL, e.g. the emulator's. Wins over `region`. */
  readonly endpoint?: string;
  /** `us-east-1` → `https://cognito-idp.us-east-1.amazonaws.com/`. */
  readonly region?: string;
  /** Needed with `clientSecret` (SECRET_HASH = HMAC(secret, username + clientId)). */
  readonly clientId?: string;
  /** Server-side use only: refused in a browser, where it would be readable by anyone. */
  readonly clientSecret?: string;
  readonly fetch?: typeof fetch;
  /** A request with no answer after this many ms fails as a retryable NetworkError (default 30 s), so no spinner spins forever. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Thrown when a client secret is configured in a browser. */
export class ClientSecretInBrowserError extends Error {
  readonly code = 'ClientSecretInBrowser';

  constructor() {
    super(
      'An app client secret must not be shipped to browsers: use a public app client (no secret) for sign-in in the browser.',
    );
    this.name = 'ClientSecretInBrowserError';
  }
}

/** The transport both Cognito ports share: `call` posts one operation, `secretHash` exists only with a client secret. */
export interface AwsJsonClient {
  call(operation: string, request: object): Promise<Record<string, unknown>>;
  readonly secretHash?: (username: string) => Promise<string>;
  readonly clientSecret?: string;
}

function runsInBrowser(): boolean {
  return typeof window !== 'undefined' && typeof window.document !== 'undefined';
}

function endpointOf(options: CognitoHttpOptions): string {
  if (options.endpoint !== undefined) return options.endpoint;
  if (options.region !== undefined) return `https://cognito-idp.${options.region}.amazonaws.com/`;
  throw new TypeError('A Cognito transport needs an endpoint or a region');
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function hmacSha256Base64(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message))));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Maps an error response as amazon-cognito-identity-js does: body `__type`/`code`, else the x-amzn-ErrorType header. */
function errorFrom(response: Response, body: unknown): CognitoServiceError {
  const record = isRecord(body) ? body : {};
  const type = record.__type ?? record.code;
  const message = record.message ?? record.Message;
  const messageText = typeof message === 'string' ? message : undefined;
  if (typeof type === 'string') return new CognitoServiceError(fromErrorType(type, messageText));
  const header = response.headers.get('x-amzn-errortype');
  if (header !== null) return new CognitoServiceError(fromErrorType(header, messageText ?? String(response.status)));
  return new CognitoServiceError({
    code: 'UnexpectedResponse',
    retryable: response.status >= 500,
    detail: `HTTP ${String(response.status)}`,
  });
}

/** Creates the shared transport; refuses a client secret in a browser. */
export function createAwsJsonClient(options: CognitoHttpOptions): AwsJsonClient {
  const endpoint = endpointOf(options);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { clientSecret, clientId } = options;
  if (clientSecret !== undefined && runsInBrowser()) throw new ClientSecretInBrowserError();
  if (clientSecret !== undefined && clientId === undefined)
    throw new TypeError('clientSecret needs clientId for SECRET_HASH');

  async function call(operation: string, request: object): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
          'Cache-Control': 'no-store',
        },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (thrown) {
      throw new CognitoServiceError(toSignInError(thrown));
    }
    const body = await readJson(response);
    if (!response.ok) throw errorFrom(response, body);
    if (!isRecord(body))
      throw new CognitoServiceError({
        code: 'UnexpectedResponse',
        retryable: false,
        detail: `${operation}: body is not a JSON object`,
      });
    return body;
  }

  if (clientSecret !== undefined && clientId !== undefined) {
    return { call, secretHash: (username) => hmacSha256Base64(clientSecret, username + clientId), clientSecret };
  }
  return { call };
}
