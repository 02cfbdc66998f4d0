// The browser's passkey ceremony as a WebAuthnPort: Cognito's JSON options ⇄ PublicKeyCredential, feature detection.
import { CognitoServiceError } from '../../machines/errors.ts';
import type { WebAuthnPort } from '../../machines/ports.ts';
import { secret, type Secret } from '../../machines/secret.ts';
import { jsonApi } from './webAuthnSupport.ts';

// Feature detection lives apart, so a widget can ask before it loads the ceremony.
export { isWebAuthnSupported } from './webAuthnSupport.ts';

interface JsonCredential extends Credential {
  toJSON(): unknown;
}

const unavailable = () => new CognitoServiceError({ code: 'WebAuthnUnavailable', retryable: false });

function toJson(credential: Credential | null): Secret<string> {
  if (credential === null || !('toJSON' in credential)) throw unavailable();
  return secret(JSON.stringify((credential as JsonCredential).toJSON()));
}

/** Whether the browser offers passkeys in the username field's autofill (`autocomplete="username webauthn"`). */
export async function isConditionalUiAvailable(): Promise<boolean> {
  const api = jsonApi();
  if (api?.isConditionalMediationAvailable === undefined) return false;
  return api.isConditionalMediationAvailable();
}

/** navigator.credentials.create for StartWebAuthnRegistration's options; the RegistrationResponseJSON for Complete. */
export async function createPasskey(creationOptions: Record<string, unknown>): Promise<Record<string, unknown>> {
  const api = jsonApi();
  if (api === null) throw unavailable();
  const credential = await navigator.credentials.create({
    publicKey: api.parseCreationOptionsFromJSON(creationOptions),
  });
  return JSON.parse(toJson(credential).reveal()) as Record<string, unknown>;
}

/** The WebAuthnPort: navigator.credentials.get / create, answered as AuthenticationResponseJSON / RegistrationResponseJSON. */
export function createBrowserWebAuthn(options: { signal?: AbortSignal } = {}): Required<WebAuthnPort> {
  return {
    getCredential: async (requestOptions) => {
      const api = jsonApi();
      if (api === null) throw unavailable();
      const publicKey = api.parseRequestOptionsFromJSON(JSON.parse(requestOptions.reveal()));
      const credential = await navigator.credentials.get({
        publicKey,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return toJson(credential);
    },
    createCredential: async (creationOptions) => {
      const api = jsonApi();
      if (api === null) throw unavailable();
      const credential = await navigator.credentials.create({
        publicKey: api.parseCreationOptionsFromJSON(JSON.parse(creationOptions.reveal())),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return toJson(credential);
    },
  };
}
