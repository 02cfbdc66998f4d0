// Small HTTP helpers for the managed-login endpoints: form bodies, cookies, replies, OAuth error bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Forms on these endpoints are a few hundred bytes; this only keeps a stray client from filling memory. */
const MAX_FORM_BYTES = 64 * 1024;

export type Reply =
  | { kind: 'redirect'; location: string; cookies?: string[] }
  | { kind: 'html'; status: number; html: string; cookies?: string[] }
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> };

export function redirect(location: string, cookies?: string[]): Reply {
  return cookies ? { kind: 'redirect', location, cookies } : { kind: 'redirect', location };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };
}

/** An OAuth error body (RFC 6749 §5.2), as Cognito's token, revoke and userInfo endpoints send it. */
export function oauthError(
  status: number,
  error: string,
  description?: string,
  headers?: Record<string, string>,
): Reply {
  return json(status, { error, ...(description !== undefined ? { error_description: description } : {}) }, headers);
}

/** `url` with `params` added to its query (redirect URIs may carry their own query). */
export function withQuery(url: string, params: Record<string, string | undefined>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) target.searchParams.set(name, value);
  return target.toString();
}

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new RangeError('form too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readText(req));
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function send(res: ServerResponse, reply: Reply): void {
  if (reply.kind === 'redirect') {
    res.writeHead(302, { Location: reply.location, 'Cache-Control': 'no-store', ...cookieHeader(reply.cookies) });
    res.end();
    return;
  }
  if (reply.kind === 'html') {
    res.writeHead(reply.status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The pages are plain forms: no script runs, and no other site may frame them.
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
      ...cookieHeader(reply.cookies),
    });
    res.end(reply.html);
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

function cookieHeader(cookies: string[] | undefined): Record<string, string[]> {
  return cookies && cookies.length > 0 ? { 'Set-Cookie': cookies } : {};
}
