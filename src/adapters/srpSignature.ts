// PASSWORD_CLAIM_SIGNATURE: HMAC of the claim message under the 16-byte HKDF key, as CognitoUser builds it.
import type { SrpClaim } from '../../machines/ports.ts';
import { base64ToBytes, bytesToBase64, concatBytes, utf8 } from './srpEncoding.ts';
import { hmacSha256 } from './srpHash.ts';
import { formatTimestamp } from './srpTimestamp.ts';

/**
 * Signs `name | user | SECRET_BLOCK bytes | TIMESTAMP`, where name/user are the pool name and USER_ID_FOR_SRP
 * for a password claim and DeviceGroupKey and DeviceKey for a device claim.
 */
export async function signClaim(
  key: Uint8Array<ArrayBuffer>,
  name: string,
  user: string,
  secretBlock: string,
  now: Date,
): Promise<SrpClaim> {
  const timestamp = formatTimestamp(now);
  const message = concatBytes(utf8(name), utf8(user), base64ToBytes(secretBlock), utf8(timestamp));
  return { signature: bytesToBase64(await hmacSha256(key, message)), timestamp };
}
