// The OAuth redirect path's data: what starts it, what it ends with, how it fails, and the port that does the calls.
import type { Secret } from './secret.ts';
import type { TokenClaims, TokenSet } from './types.ts';

/**
 * Why a redirect sign-in failed. The OAuth 2.0 error codes (RFC 6749 §4.1.2.1 and §5.2) as the managed login
 * domain returns them, plus ours: the callback's `state` is not the one this tab sent (`StateMismatch`), the ID
 * token's `nonce` is not ours (`NonceMismatch`), no sign-in was started in this tab (`NoPendingRedirect`), the
 * network failed, or the answer broke the protocol (`UnexpectedResponse`).
 */
export type RedirectErrorCode =
  | 'access_denied'
  | 'invalid_request'
  | 'unauthorized_client'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'invalid_grant'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'StateMismatch'
  | 'NonceMismatch'
  | 'NoPendingRedirect'
  | 'NetworkError'
  | 'UnexpectedResponse';

/** What the redirect machine keeps about a failure: plain data, so snapshots stay serialisable. */
export interface RedirectError {
  readonly code: RedirectErrorCode;
  readonly retryable: boolean;
  /** The provider's `error_description` or the library's message. Never shown to users. */
  readonly detail?: string;
}

/** Where the sign-in goes: the managed login page, or straight to one identity provider (`identity_provider`). */
export interface RedirectStart {
  /** A provider name as configured on the pool (`Google`, `MockIdP`, `COGNITO`); null shows the managed login page. */
  readonly provider: string | null;
}

/** What a completed redirect sign-in yields: the tokens (redacted) and the ID token's non-secret claims. */
export interface RedirectOutput {
  readonly tokens: TokenSet;
  readonly claims: TokenClaims;
}

/** The OAuth calls the redirect machine invokes; `src/adapters/oauthRedirect.ts` implements them with oauth4webapi. */
export interface RedirectPort {
  /** Keeps a fresh PKCE verifier, `state` and `nonce` for this tab, then sends the browser to `/oauth2/authorize`. */
  begin(start: RedirectStart): Promise<void>;
  /** Checks the callback URL against what `begin` kept, trades the code for tokens, and forgets what was kept. */
  complete(callbackUrl: Secret<string>): Promise<RedirectOutput>;
}

const RETRYABLE: ReadonlySet<RedirectErrorCode> = new Set<RedirectErrorCode>([
  'NetworkError',
  'server_error',
  'temporarily_unavailable',
]);

const KNOWN: ReadonlySet<string> = new Set<RedirectErrorCode>([
  'access_denied',
  'invalid_request',
  'unauthorized_client',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'invalid_grant',
  'invalid_client',
  'unsupported_grant_type',
  'StateMismatch',
  'NonceMismatch',
  'NoPendingRedirect',
  'NetworkError',
  'UnexpectedResponse',
]);

function isRedirectErrorCode(value: string): value is RedirectErrorCode {
  return KNOWN.has(value);
}

/** A RedirectError from a code (an unknown OAuth `error` becomes `UnexpectedResponse`, the raw value kept). */
export function redirectError(code: string, detail?: string): RedirectError {
  const known = isRedirectErrorCode(code);
  const kept: RedirectErrorCode = known ? code : 'UnexpectedResponse';
  const text = known ? detail : detail === undefined ? code : `${code}: ${detail}`;
  return text === undefined
    ? { code: kept, retryable: RETRYABLE.has(kept) }
    : { code: kept, retryable: RETRYABLE.has(kept), detail: text };
}

/** Thrown by the redirect adapter; carries a RedirectError as `error`. */
export class RedirectFailure extends Error {
  readonly error: RedirectError;

  constructor(error: RedirectError) {
    super(error.code);
    this.name = 'RedirectFailure';
    this.error = error;
  }
}

/** Maps anything the redirect actors throw to a RedirectError; a fetch `TypeError` is a network failure. */
export function toRedirectError(thrown: unknown): RedirectError {
  if (thrown instanceof RedirectFailure) return thrown.error;
  if (thrown instanceof TypeError) return redirectError('NetworkError', thrown.message);
  return redirectError('UnexpectedResponse', thrown instanceof Error ? thrown.message : String(thrown));
}
