// Managed login's pool-level settings (domain, resource servers, identity providers, links), in Cognito's field names.

/** CreateResourceServer: an API whose scopes are `<Identifier>/<ScopeName>`. */
export interface ResourceServerConfig {
  Identifier: string;
  Name: string;
  Scopes?: { ScopeName: string; ScopeDescription: string }[];
}

export type ProviderType = 'OIDC' | 'SAML' | 'Google' | 'Facebook' | 'LoginWithAmazon' | 'SignInWithApple';

/** CreateIdentityProvider: only OIDC providers sign users in here (others are refused at creation). */
export interface IdentityProviderConfig {
  ProviderName: string;
  ProviderType: ProviderType;
  /** OIDC: client_id, client_secret, authorize_scopes, oidc_issuer, attributes_request_method, optional endpoints. */
  ProviderDetails: Record<string, string>;
  /** User pool attribute → provider claim; `username` → `sub` unless told otherwise. */
  AttributeMapping?: Record<string, string>;
  IdpIdentifiers?: string[];
  CreationDate?: number;
  LastModifiedDate?: number;
}

/** AdminLinkProviderForUser: a provider's subject signs in as an existing user. */
interface ProviderLink {
  providerName: string;
  /** The provider's subject (ProviderAttributeValue of the SourceUser). */
  subject: string;
  username: string;
}

export interface PoolOAuth {
  /** CreateUserPoolDomain's prefix; the OAuth endpoints answer under `/<domain>/`. */
  domain?: string;
  resourceServers: ResourceServerConfig[];
  identityProviders: IdentityProviderConfig[];
  links: ProviderLink[];
}

/** The seed-file members a pool may carry (the same shapes the API takes). */
export interface PoolOAuthSeed {
  Domain?: string;
  ResourceServers?: ResourceServerConfig[];
  IdentityProviders?: IdentityProviderConfig[];
}

export function poolOAuthFrom(seed: PoolOAuthSeed, now: number): PoolOAuth {
  return {
    ...(seed.Domain !== undefined ? { domain: seed.Domain } : {}),
    resourceServers: (seed.ResourceServers ?? []).map((server) => ({ ...server })),
    identityProviders: (seed.IdentityProviders ?? []).map((provider) => ({
      ...provider,
      CreationDate: provider.CreationDate ?? now,
      LastModifiedDate: provider.LastModifiedDate ?? now,
    })),
    links: [],
  };
}
