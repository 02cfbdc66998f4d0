// SHA-256 and HMAC-SHA256 over Web Crypto (crypto.subtle), the same in browsers, workers and Node 20.
import { bytesToHex } from './srpEncoding.ts';

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', data));
}

/** H(x) of docs/protocol.md §3: SHA-256 as 64 lowercase hex digits. */
export async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(await sha256(data));
}

export async function hmacSha256(
  key: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const hmacKey = await subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', hmacKey, message));
}
