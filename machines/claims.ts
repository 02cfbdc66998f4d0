// Reads the non-secret claims of an ID token for the UI (no verification: that is the server's job, e.g. aws-jwt-verify).
import type { TokenClaims } from './types.ts';

function decodeSegment(segment: string): unknown {
  const base64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The JWT payload as a plain object, or `{}` when the token is malformed. */
export function jwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (payload === undefined) return {};
  try {
    const decoded = decodeSegment(payload);
    return typeof decoded === 'object' && decoded !== null ? { ...decoded } : {};
  } catch {
    return {};
  }
}

function stringClaim(payload: Record<string, unknown>, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' ? value : null;
}

function numberClaim(payload: Record<string, unknown>, name: string): number | null {
  const value = payload[name];
  return typeof value === 'number' ? value : null;
}

/** Picks the claims a sign-in UI shows; never the token itself. */
export function readClaims(idToken: string): TokenClaims {
  const payload = jwtPayload(idToken);
  const groups = payload['cognito:groups'];
  return {
    sub: stringClaim(payload, 'sub'),
    username: stringClaim(payload, 'cognito:username'),
    email: stringClaim(payload, 'email'),
    phoneNumber: stringClaim(payload, 'phone_number'),
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
    authTime: numberClaim(payload, 'auth_time'),
    expiresAt: numberClaim(payload, 'exp'),
  };
}

/** Local clock minus the server's, in seconds, from the tokens' `iat` (as amazon-cognito-identity-js computes it). */
export function clockDriftOf(idToken: string, accessToken: string, localMs: number): number {
  const issued = [jwtPayload(idToken).iat, jwtPayload(accessToken).iat].filter(
    (iat): iat is number => typeof iat === 'number',
  );
  return issued.length === 0 ? 0 : Math.floor(localMs / 1000) - Math.min(...issued);
}
