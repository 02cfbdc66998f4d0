// Federated sign-in in tests: the emulator's mock OIDC provider, its users, and who signs in there next.

/** A user of the mock provider: `sub` and the claims its ID token (and userinfo) carry, e.g. `email`, `name`. */
export type MockIdpUser = { readonly sub: string } & Readonly<Record<string, unknown>>;

/** The emulator's mock OIDC provider: choose who signs in at "Continue with …". */
export interface MockIdentityProvider {
  /** The provider's issuer (`<emulator>/_emulator/idp`): put it in `ProviderDetails.oidc_issuer`. */
  readonly issuer: string;
  /** `ProviderDetails` for CreateIdentityProvider (ProviderType `OIDC`) pointing at this provider. */
  providerDetails(scopes?: string): Record<string, string>;
  /** Defines (or redefines: claims change at the next sign-in) a user of the provider. */
  addUser(user: MockIdpUser): Promise<void>;
  /** The next authorization at the provider signs this user in at once, without showing its page. */
  signInNextAs(user: MockIdpUser): Promise<void>;
  /** Forgets every user (and a pending `signInNextAs`). */
  clear(): Promise<void>;
}

async function call(url: string, init: RequestInit): Promise<void> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(
      `mock IdP: ${init.method ?? 'GET'} ${url} answered HTTP ${String(response.status)}: ${await response.text()}`,
    );
}

/**
 * The emulator's built-in mock OIDC provider. Without `signInNextAs`, its page lists the users as
 * "Continue as …" buttons and offers a form to sign in as a new one.
 */
export function mockIdentityProvider(emulatorUrl: string): MockIdentityProvider {
  const issuer = `${emulatorUrl.replace(/\/$/, '')}/_emulator/idp`;
  const addUser = (user: MockIdpUser): Promise<void> =>
    call(`${issuer}/users`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(user),
    });
  return {
    issuer,
    providerDetails: (scopes = 'openid email profile') => ({
      client_id: 'mock-idp-client',
      client_secret: 'mock-idp-secret',
      authorize_scopes: scopes,
      oidc_issuer: issuer,
      attributes_request_method: 'GET',
    }),
    addUser,
    async signInNextAs(user) {
      await addUser(user);
      await call(`${issuer}/next`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub: user.sub }),
      });
    },
    clear: () => call(`${issuer}/users`, { method: 'DELETE' }),
  };
}
