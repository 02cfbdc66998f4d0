// Without the platform's WebAuthn JSON API (Node here) the adapter says so with a typed error, never a crash.
import { describe, expect, it } from 'vitest';
import { toSignInError } from '../../machines/errors.ts';
import { secret } from '../../machines/secret.ts';
import { createBrowserWebAuthn, createPasskey, isConditionalUiAvailable, isWebAuthnSupported } from './webAuthn.ts';

describe('webAuthn adapter without browser support', () => {
  it('reports no support and no conditional UI', async () => {
    expect(isWebAuthnSupported()).toBe(false);
    expect(await isConditionalUiAvailable()).toBe(false);
  });

  it('refuses a ceremony with WebAuthnUnavailable', async () => {
    const port = createBrowserWebAuthn();
    const refused = await port.getCredential(secret('{"challenge":"x"}')).catch(toSignInError);
    expect(refused).toMatchObject({ code: 'WebAuthnUnavailable', retryable: false });
    const refusedCreate = await createPasskey({ challenge: 'x' }).catch(toSignInError);
    expect(refusedCreate).toMatchObject({ code: 'WebAuthnUnavailable' });
    const refusedPort = await port.createCredential(secret('{"challenge":"x"}')).catch(toSignInError);
    expect(refusedPort).toMatchObject({ code: 'WebAuthnUnavailable' });
  });

  it('maps the browser closing the dialog to NotAllowedError', () => {
    expect(toSignInError(new DOMException('closed', 'NotAllowedError')).code).toBe('NotAllowedError');
  });
});
