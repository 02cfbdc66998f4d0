// Whether this browser can use passkeys: the WebAuthn JSON API in a secure context, without the ceremony's code.

/** The JSON (de)serialisers of WebAuthn Level 3 (Chromium 129+, Firefox 119+, Safari 18.4+). */
interface PublicKeyCredentialJsonApi {
  parseRequestOptionsFromJSON(options: unknown): PublicKeyCredentialRequestOptions;
  parseCreationOptionsFromJSON(options: unknown): PublicKeyCredentialCreationOptions;
  isConditionalMediationAvailable?: () => Promise<boolean>;
}

/** The browser's WebAuthn JSON API, or null where it is missing. */
export function jsonApi(): PublicKeyCredentialJsonApi | null {
  if (typeof PublicKeyCredential === 'undefined' || typeof navigator === 'undefined') return null;
  const api = PublicKeyCredential as unknown as Partial<PublicKeyCredentialJsonApi>;
  return typeof api.parseRequestOptionsFromJSON === 'function' && typeof api.parseCreationOptionsFromJSON === 'function'
    ? (api as PublicKeyCredentialJsonApi)
    : null;
}

/** Whether this browser can sign in with passkeys (secure context and the WebAuthn JSON API). */
export function isWebAuthnSupported(): boolean {
  return jsonApi() !== null && globalThis.isSecureContext;
}
