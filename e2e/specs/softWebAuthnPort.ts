// The machine's WebAuthn port in Node: the browser's passkey dialog played by the software authenticator.
import type { WebAuthnPort } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import type { SoftAuthenticator } from '../emulator/softAuthenticator.ts';

/** `refuse` plays the user closing the dialog once; `rpId` signs for another relying party; `seen` collects every challenge and credential (for leak checks). */
export function softWebAuthnPort(
  authenticator: SoftAuthenticator,
  options: { readonly refuse?: boolean; readonly rpId?: string } = {},
): { readonly port: WebAuthnPort; readonly seen: string[] } {
  let refuse = options.refuse ?? false;
  const seen: string[] = [];
  const port: WebAuthnPort = {
    getCredential: (requestOptions) => {
      if (refuse) {
        refuse = false;
        return Promise.reject(
          new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
        );
      }
      const parsed = JSON.parse(requestOptions.reveal()) as { challenge: string; rpId?: string };
      const credential = JSON.stringify(authenticator.get(parsed, options.rpId));
      seen.push(parsed.challenge, credential);
      return Promise.resolve(secret(credential));
    },
  };
  return { port, seen };
}
