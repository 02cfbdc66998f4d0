// Passkeys in Playwright: Chromium's virtual authenticator (CDP WebAuthn domain) as a `passkey` fixture.
import type {
  CDPSession,
  Fixtures,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
} from '@playwright/test';

/** A credential the virtual authenticator holds (CDP `WebAuthn.Credential`). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
  /** The credential's private key (PKCS#8, base64): lets `add` put a removed passkey back. */
  privateKey: string;
}

/** The authenticator installed on the test's page: passkeys created there live here until the test ends. */
export class VirtualAuthenticator {
  private readonly cdp: CDPSession;
  readonly authenticatorId: string;

  constructor(cdp: CDPSession, authenticatorId: string) {
    this.cdp = cdp;
    this.authenticatorId = authenticatorId;
  }

  /** The passkeys registered so far. */
  async credentials(): Promise<VirtualCredential[]> {
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', { authenticatorId: this.authenticatorId });
    return credentials;
  }

  /** Whether the next ceremonies report the user as verified (UV flag); false tests `UserVerification: required`. */
  async setUserVerified(isUserVerified: boolean): Promise<void> {
    await this.cdp.send('WebAuthn.setUserVerified', { authenticatorId: this.authenticatorId, isUserVerified });
  }

  /**
   * Takes one passkey off the authenticator: the next navigator.credentials.get for it fails with NotAllowedError,
   * as when the user closes the browser's passkey dialog. `add` puts it back.
   */
  async remove(credentialId: string): Promise<void> {
    await this.cdp.send('WebAuthn.removeCredential', { authenticatorId: this.authenticatorId, credentialId });
  }

  /** Puts a passkey (from `credentials()`) on the authenticator. */
  async add(credential: VirtualCredential): Promise<void> {
    await this.cdp.send('WebAuthn.addCredential', { authenticatorId: this.authenticatorId, credential });
  }

  /** Forgets every passkey, as if the user wiped the device. */
  async clear(): Promise<void> {
    await this.cdp.send('WebAuthn.clearCredentials', { authenticatorId: this.authenticatorId });
  }
}

/** The `passkey` fixture: a Chromium virtual authenticator for the page. */
export interface PasskeyFixtures {
  /** A platform authenticator (CTAP2, internal, resident keys, user verified) on `page`; Chromium only. */
  passkey: VirtualAuthenticator;
}

/** `test.extend(passkeyFixtures)` adds `passkey` to your suite's `test`. */
export const passkeyFixtures: Fixtures<
  PasskeyFixtures,
  object,
  PlaywrightTestArgs & PlaywrightTestOptions,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = {
  passkey: async ({ page, browserName }, use) => {
    if (browserName !== 'chromium') throw new Error('The passkey fixture needs Chromium (CDP WebAuthn).');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        // Answers every prompt at once, as a user touching the sensor would; no dialog blocks the test.
        automaticPresenceSimulation: true,
      },
    });
    await use(new VirtualAuthenticator(cdp, authenticatorId));
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    await cdp.send('WebAuthn.disable');
    await cdp.detach();
  },
};
