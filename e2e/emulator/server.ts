// HTTP: AWS JSON 1.1 routing by X-Amz-Target, CORS, JWKS/OpenID discovery, and the /_emulator/ test endpoints.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context, Handler } from './context.ts';
import { CognitoError } from './errors.ts';
import { isObject } from './input.ts';
import { jwks } from './tokens.ts';
import { handleOAuth, oauthDiscovery } from './oauth/routes.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/** Cognito's own request limit is far below this; it only keeps a stray client from filling memory. */
const MAX_BODY_BYTES = 1024 * 1024;
const EXPOSED = 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage';

/** One API request the emulator answered: operation, status, error type. */
export interface RequestLogEntry {
  readonly target: string;
  readonly at: number;
}

export interface ServerOptions {
  ctx: Context;
  handlers: Readonly<Record<string, Handler>>;
  requests: RequestLogEntry[];
  testEndpoints: boolean;
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin !== undefined) {
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  res.setHeader('Access-Control-Expose-Headers', EXPOSED);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, requestId: string, error: CognitoError): void {
  // Header values must be single-line ASCII and short (clients cap header size, ~16 KiB in Node); the body keeps the exact message.
  const headerMessage = error.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 1024);
  send(
    res,
    error.status,
    { __type: error.type, message: error.message },
    {
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': `${error.type}:`,
      'x-amzn-ErrorMessage': headerMessage,
    },
  );
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit keep draining (so the 413 reaches the caller) but stop buffering.
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

async function handleAws(req: IncomingMessage, res: ServerResponse, options: ServerOptions): Promise<void> {
  const requestId = randomUUID();
  const targetHeader = req.headers['x-amz-target'];
  const target = typeof targetHeader === 'string' ? targetHeader : '';
  options.requests.push({ target, at: options.ctx.clock.now() });
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendError(res, requestId, new CognitoError('SerializationException', 'Request body too large', 413));
      return;
    }
    throw error;
  }
  try {
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const handler = Object.hasOwn(options.handlers, operation) ? options.handlers[operation] : undefined;
    if (!handler)
      throw new CognitoError(
        'UnknownOperationException',
        target === '' ? 'Missing X-Amz-Target' : `Unknown operation ${target}`,
      );
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      throw new CognitoError('SerializationException', 'Start of structure or map found where not expected.');
    }
    if (!isObject(input))
      throw new CognitoError('SerializationException', 'Start of structure or map found where not expected.');
    const output = await handler(options.ctx, input);
    // Durable before acknowledged: a kill -9 after this answer must not lose what it reports (no-op without --data).
    await options.ctx.store.flush();
    send(res, 200, output, { 'x-amzn-RequestId': requestId });
  } catch (error) {
    if (error instanceof CognitoError) {
      sendError(res, requestId, error);
      return;
    }
    console.error('emulator: internal error in', target, error);
    sendError(res, requestId, new CognitoError('InternalErrorException', 'Internal error', 500));
  }
}

async function handleTest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  options: ServerOptions,
): Promise<boolean> {
  const { ctx } = options;
  if (path === '/_emulator/health' && req.method === 'GET') {
    sendJson(res, 200, { ok: true, pools: [...ctx.store.pools.keys()] });
    return true;
  }
  if (path === '/_emulator/messages' && req.method === 'GET') {
    sendJson(res, 200, ctx.outbox.messages);
    return true;
  }
  if (path === '/_emulator/messages' && req.method === 'DELETE') {
    ctx.outbox.clear();
    res.writeHead(204).end();
    return true;
  }
  if (path === '/_emulator/requests' && req.method === 'GET') {
    sendJson(res, 200, options.requests);
    return true;
  }
  if (path === '/_emulator/clock' && req.method === 'POST') {
    let seconds: unknown;
    try {
      const parsed: unknown = JSON.parse(await readBody(req));
      seconds = isObject(parsed) ? parsed.advanceSeconds : undefined;
    } catch {
      seconds = undefined;
    }
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      sendJson(res, 400, {
        message: 'expected {"advanceSeconds": <non-negative number>}',
      });
      return true;
    }
    ctx.clock.advance(seconds);
    sendJson(res, 200, { now: new Date(ctx.clock.now()).toISOString() });
    return true;
  }
  return false;
}

async function handleDiscovery(res: ServerResponse, path: string, options: ServerOptions): Promise<boolean> {
  const match = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(path);
  const pool = match?.[1] !== undefined ? options.ctx.store.pools.get(decodeURIComponent(match[1])) : undefined;
  if (!match || !pool) return false;
  if (match[2] === 'jwks.json') {
    sendJson(res, 200, jwks(await pool.keys()));
    return true;
  }
  const iss = `${options.ctx.baseUrl()}/${pool.id}`;
  sendJson(res, 200, {
    issuer: iss,
    jwks_uri: `${iss}/.well-known/jwks.json`,
    ...oauthDiscovery(options.ctx, pool),
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    claims_supported: ['sub', 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'cognito:username'],
  });
  return true;
}

export function createHttpServer(options: ServerOptions): Server {
  return createServer((req, res) => {
    cors(req, res);
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (req.method === 'OPTIONS') {
      const requested = req.headers['access-control-request-headers'];
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers':
          requested ??
          'content-type, x-amz-target, x-amz-user-agent, cache-control, amz-sdk-invocation-id, amz-sdk-request, authorization, x-amz-date, x-amz-security-token, x-amz-content-sha256',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const work = async (): Promise<void> => {
      if (req.method === 'POST' && path === '/') {
        await handleAws(req, res, options);
        return;
      }
      if (options.testEndpoints && path.startsWith('/_emulator/') && (await handleTest(req, res, path, options)))
        return;
      if (req.method === 'GET' && (await handleDiscovery(res, path, options))) return;
      if (await handleOAuth(options.ctx, req, res, options.testEndpoints)) return;
      sendJson(res, 404, { message: 'Not found' });
    };
    work().catch((error: unknown) => {
      console.error('emulator: request failed', error);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal error' });
      else res.destroy();
    });
  });
}
