// Test helper: a software WebAuthn authenticator (ES256, node:crypto) that builds real attestations and assertions.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor> | { [key: string]: Cbor };

function head(major: number, length: number): Buffer {
  const type = major << 5;
  if (length < 24) return Buffer.from([type | length]);
  if (length < 0x100) return Buffer.from([type | 24, length]);
  if (length < 0x10000) return Buffer.from([type | 25, length >> 8, length & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = type | 26;
  out.writeUInt32BE(length, 1);
  return out;
}

/** The few CBOR types WebAuthn needs (RFC 8949): integers, text, bytes, arrays, maps. */
function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();
const b64url = (data: Buffer): string => data.toString('base64url');

export interface SoftAuthenticatorOptions {
  /** The origin the "browser" reports in clientDataJSON. */
  origin: string;
  /** Whether the authenticator sets the UV flag (default true). */
  userVerified?: boolean;
}

/** One authenticator holding one credential, like a virtual authenticator with a resident key. */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private counter = 0;
  private readonly origin: string;
  private readonly userVerified: boolean;

  constructor(options: SoftAuthenticatorOptions) {
    this.origin = options.origin;
    this.userVerified = options.userVerified ?? true;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private flags(attested: boolean): number {
    return 0x01 | (this.userVerified ? 0x04 : 0) | (attested ? 0x40 : 0);
  }

  private authData(rpId: string, attested: boolean): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    const parts = [sha256(rpId), Buffer.from([this.flags(attested)]), count];
    if (attested) {
      const jwk = this.keys.publicKey.export({ format: 'jwk' });
      const cose = new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(this.credentialId.length);
      parts.push(Buffer.alloc(16), idLength, this.credentialId, cbor(cose));
    }
    return Buffer.concat(parts);
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  private static signWith(key: KeyObject, authData: Buffer, clientData: Buffer): Buffer {
    return sign('sha256', Buffer.concat([authData, sha256(clientData)]), key);
  }

  /** navigator.credentials.create() for CredentialCreationOptions JSON, as RegistrationResponseJSON. */
  create(
    options: { challenge: string; rp: { id?: string } },
    fmt: 'none' | 'packed' = 'none',
    rpIdOverride?: string,
  ): Record<string, unknown> {
    const rpId = rpIdOverride ?? options.rp.id ?? '';
    const authData = this.authData(rpId, true);
    const clientData = this.clientData('webauthn.create', options.challenge);
    const attStmt =
      fmt === 'packed' ? { alg: -7, sig: SoftAuthenticator.signWith(this.keys.privateKey, authData, clientData) } : {};
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData),
        attestationObject: b64url(cbor({ fmt, attStmt, authData })),
        transports: ['internal'],
      },
    };
  }

  /** navigator.credentials.get() for CREDENTIAL_REQUEST_OPTIONS JSON, as AuthenticationResponseJSON. */
  get(options: { challenge: string; rpId?: string }, rpIdOverride?: string): Record<string, unknown> {
    this.counter += 1;
    const authData = this.authData(rpIdOverride ?? options.rpId ?? '', false);
    const clientData = this.clientData('webauthn.get', options.challenge);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(SoftAuthenticator.signWith(this.keys.privateKey, authData, clientData)),
      },
    };
  }
}
