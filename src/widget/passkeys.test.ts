// Where the widget offers passkeys: the passkeys module, config.passkeys, the sign-in flow, and the browser's support.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissingModuleError, widgetModules } from './modules.ts';
import { offersPasskeyAfterSignIn as offersWith, passkeysEnabled as enabledWith } from './passkeys.ts';
import { passkeys } from './passkeysModule.tsx';

type Settings = Parameters<typeof enabledWith>[0];
const passkeysEnabled = (config: Settings) => enabledWith(config, passkeys);
const offersPasskeyAfterSignIn = (config: Settings) => offersWith(config, passkeys);

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

  it('stay off without the passkeys module, choice-based sign-in included', () => {
    browserWithPasskeys();
    expect(enabledWith({ signInFlow: 'choice' }, null)).toBe(false);
    expect(offersWith({ signInFlow: 'choice' }, null)).toBe(false);
  });
});

describe('the passkeys module and the config', () => {
  const pool = { userPoolId: 'us-east-1_Passkeys', clientId: 'passkeysclient0000000001' };

  it('config.passkeys without the module throws MissingModuleError naming the import', () => {
    for (const settings of [{ enabled: true }, { offerAfterSignIn: true }]) {
      expect(() => widgetModules({ ...pool, passkeys: settings }, {})).toThrow(MissingModuleError);
    }
    expect(() => widgetModules({ ...pool, passkeys: { enabled: true } }, {})).toThrow(
      "import { passkeys } from 'cognito-xstate/passkeys'",
    );
  });

  it("signInFlow 'choice' without the module is a widget without passkeys, not an error", () => {
    expect(widgetModules({ ...pool, signInFlow: 'choice' }, {}).passkeys).toBeNull();
    expect(widgetModules({ ...pool, signInFlow: 'choice' }, { passkeys }).passkeys).toBe(passkeys);
    expect(widgetModules({ ...pool, passkeys: { enabled: false } }, {}).passkeys).toBeNull();
  });
});
