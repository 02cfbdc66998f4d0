// Reads a JWT's payload for display. It does not verify the signature: only a backend may trust claims.
import { jwtPayload } from '../../machines/index.ts';

/** The payload of a compact JWS as a plain object; undefined when `token` is not a JWT with a JSON payload. */
export function decodeJwtPayload(token: string): Readonly<Record<string, unknown>> | undefined {
  // The machine's own decoder (it reads the claims it keeps), which answers `{}` for anything malformed.
  const payload = jwtPayload(token);
  return Object.keys(payload).length === 0 ? undefined : payload;
}
