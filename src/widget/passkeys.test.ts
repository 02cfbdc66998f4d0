// Where the widget offers passkeys: config.passkeys, the sign-in flow, and the browser's support.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offersPasskeyAfterSignIn, passkeysEnabled } from './passkeys.ts';

/** A secure context with the WebAuthn JSON API, as Chromium 129+ on https or localhost. */
function browserWithPasskeys(): void {
  vi.stubGlobal('PublicKeyCredential', {
    parseRequestOptionsFromJSON: () => ({}),
    parseCreationOptionsFromJSON: () => ({}),
  });
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('isSecureContext', true);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('passkeys in the widget', () => {
  it('are on by default with choice-based sign-in, off with the password flows', () => {
    browserWithPasskeys();
    expect(passkeysEnabled({ signInFlow: 'choice' })).toBe(true);
    expect(offersPasskeyAfterSignIn({ signInFlow: 'choice' })).toBe(true);
    expect(passkeysEnabled({})).toBe(false);
    expect(offersPasskeyAfterSignIn({ signInFlow: 'password' })).toBe(false);
  });

  it('follow config.passkeys: enabled turns both on, offerAfterSignIn only the offer', () => {
    browserWithPasskeys();
    expect(offersPasskeyAfterSignIn({ passkeys: { enabled: true } })).toBe(true);
    expect(passkeysEnabled({ passkeys: { offerAfterSignIn: true } })).toBe(false);
    expect(offersPasskeyAfterSignIn({ signInFlow: 'choice', passkeys: { offerAfterSignIn: false } })).toBe(false);
    expect(passkeysEnabled({ signInFlow: 'choice', passkeys: { offerAfterSignIn: false } })).toBe(true);
  });

  it('stay off where the browser cannot use passkeys (no JSON API, or not a secure context)', () => {
    expect(passkeysEnabled({ passkeys: { enabled: true } })).toBe(false);
    browserWithPasskeys();
    vi.stubGlobal('isSecureContext', false);
    expect(offersPasskeyAfterSignIn({ signInFlow: 'choice' })).toBe(false);
  });
});
