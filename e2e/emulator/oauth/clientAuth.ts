// Client authentication at the token and revoke endpoints: client_secret_basic, client_secret_post, or none.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ClientConfig } from '../config.ts';
import type { Pool } from '../store.ts';
import { oauthError, type Reply } from './http.ts';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The authenticated client, or the invalid_client reply (401 when the caller used HTTP Basic, RFC 6749 §5.2). */
export function authenticateClient(
  pools: Iterable<Pool>,
  req: IncomingMessage,
  form: URLSearchParams,
): { pool: Pool; client: ClientConfig } | Reply {
  const header = req.headers.authorization;
  let id = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = header?.startsWith('Basic ') === true;
  if (basic) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    // RFC 6749 §2.3.1: both halves are form-urlencoded before Base64.
    id = decodeURIComponent(decoded.slice(0, colon < 0 ? undefined : colon).replace(/\+/g, ' '));
    secret = colon < 0 ? '' : decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
  }
  const refuse = (): Reply =>
    oauthError(
      basic ? 401 : 400,
      'invalid_client',
      undefined,
      basic ? { 'WWW-Authenticate': 'Basic realm="cognito"' } : {},
    );
  if (id === undefined) return refuse();
  for (const pool of pools) {
    const client = pool.clients.get(id);
    if (!client) continue;
    if (client.ClientSecret !== undefined && (secret === undefined || !sameSecret(secret, client.ClientSecret)))
      return refuse();
    return { pool, client };
  }
  return refuse();
}
