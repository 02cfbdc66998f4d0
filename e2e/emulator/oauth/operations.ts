// Managed-login admin operations: user pool domains, resource servers, identity providers, provider links.
import type { Context, Handler } from '../context.ts';
import { getPool, requireUser } from '../context.ts';
import { CognitoError, invalidParameter, resourceNotFound } from '../errors.ts';
import { isObject, optIntInRange, optObject, optStr, optStrList, optStrMap, str, type Json } from '../input.ts';
import { pageFrom, pageSize } from '../paging.ts';
import type { Pool } from '../store.ts';
import { addIdentity } from './identities.ts';
import type { IdentityProviderConfig, ProviderType, ResourceServerConfig } from './model.ts';

const seconds = (ms: number): number => ms / 1000;
const DOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The pool whose domain prefix this is, if any. */
export function poolByDomain(ctx: Context, domain: string): Pool | undefined {
  for (const pool of ctx.store.pools.values()) if (pool.oauth.domain === domain) return pool;
  return undefined;
}

const createUserPoolDomain: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const domain = str(input, 'Domain');
  if (optObject(input, 'CustomDomainConfig') !== undefined || domain.includes('.'))
    throw invalidParameter(
      'The emulator serves prefix domains only; a custom domain (CustomDomainConfig) is not supported.',
    );
  if (!DOMAIN_PATTERN.test(domain))
    throw invalidParameter(
      `1 validation error detected: Value '${domain}' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$`,
    );
  for (const reserved of ['aws', 'amazon', 'cognito'])
    if (domain.includes(reserved)) throw invalidParameter(`Domain cannot contain reserved word: ${reserved}`);
  const version = input.ManagedLoginVersion;
  if (version !== undefined && version !== 1 && version !== 2)
    throw invalidParameter('ManagedLoginVersion must be 1 (classic hosted UI) or 2 (managed login).');
  const owner = poolByDomain(ctx, domain);
  if (owner) throw invalidParameter('Domain already associated with another user pool.');
  if (pool.oauth.domain !== undefined) throw invalidParameter(`User pool ${pool.id} already has a domain configured.`);
  pool.oauth = { ...pool.oauth, domain };
  pool.changed();
  return Promise.resolve({ ManagedLoginVersion: version ?? 1 });
};

const describeUserPoolDomain: Handler = (ctx, input) => {
  const domain = str(input, 'Domain');
  const pool = poolByDomain(ctx, domain);
  // An unknown domain is not an error: Cognito answers with an empty description.
  if (!pool) return Promise.resolve({ DomainDescription: {} });
  return Promise.resolve({
    DomainDescription: {
      UserPoolId: pool.id,
      AWSAccountId: '000000000000',
      Domain: domain,
      Status: 'ACTIVE',
      Version: '1',
      ManagedLoginVersion: 1,
    },
  });
};

const deleteUserPoolDomain: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const domain = str(input, 'Domain');
  if (pool.oauth.domain !== domain) throw invalidParameter('No such domain or user pool exists.');
  pool.oauth = {
    resourceServers: pool.oauth.resourceServers,
    identityProviders: pool.oauth.identityProviders,
    links: pool.oauth.links,
  };
  pool.changed();
  return Promise.resolve({});
};

function readScopes(input: Json): ResourceServerConfig['Scopes'] {
  const scopes = input.Scopes;
  if (scopes === undefined) return undefined;
  if (!Array.isArray(scopes)) throw new CognitoError('SerializationException', 'Scopes must be a list');
  if (scopes.length > 100) throw invalidParameter('A resource server can have at most 100 scopes.');
  return scopes.map((scope) => {
    if (!isObject(scope)) throw new CognitoError('SerializationException', 'Scopes must be a list of objects');
    const ScopeName = str(scope, 'ScopeName');
    if (!/^[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+$/.test(ScopeName))
      throw invalidParameter(`Invalid ScopeName ${ScopeName}: no spaces, quotes, slashes or backslashes.`);
    return { ScopeName, ScopeDescription: str(scope, 'ScopeDescription') };
  });
}

function resourceServerType(pool: Pool, server: ResourceServerConfig): Json {
  return { UserPoolId: pool.id, Identifier: server.Identifier, Name: server.Name, Scopes: server.Scopes ?? [] };
}

function requireResourceServer(pool: Pool, identifier: string): ResourceServerConfig {
  const server = pool.oauth.resourceServers.find((s) => s.Identifier === identifier);
  if (!server) throw resourceNotFound(`Resource server ${identifier} does not exist.`);
  return server;
}

const createResourceServer: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const Identifier = str(input, 'Identifier');
  if (pool.oauth.resourceServers.some((s) => s.Identifier === Identifier))
    throw invalidParameter(`${Identifier} already exists in user pool ${pool.id}.`);
  const scopes = readScopes(input);
  const server: ResourceServerConfig = { Identifier, Name: str(input, 'Name'), ...(scopes ? { Scopes: scopes } : {}) };
  pool.oauth.resourceServers.push(server);
  pool.changed();
  return Promise.resolve({ ResourceServer: resourceServerType(pool, server) });
};

const updateResourceServer: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const server = requireResourceServer(pool, str(input, 'Identifier'));
  server.Name = str(input, 'Name');
  const scopes = readScopes(input);
  if (scopes) server.Scopes = scopes;
  else delete server.Scopes;
  pool.changed();
  return Promise.resolve({ ResourceServer: resourceServerType(pool, server) });
};

const describeResourceServer: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  return Promise.resolve({
    ResourceServer: resourceServerType(pool, requireResourceServer(pool, str(input, 'Identifier'))),
  });
};

const listResourceServers: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const size = pageSize(optIntInRange(input, 'MaxResults', 1, 50), 50);
  const { items, next } = pageFrom(pool.oauth.resourceServers, size, optStr(input, 'NextToken'), 'NextToken');
  return Promise.resolve({
    ResourceServers: items.map((server) => resourceServerType(pool, server)),
    ...(next !== undefined ? { NextToken: next } : {}),
  });
};

const deleteResourceServer: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const server = requireResourceServer(pool, str(input, 'Identifier'));
  pool.oauth.resourceServers = pool.oauth.resourceServers.filter((s) => s !== server);
  pool.changed();
  return Promise.resolve({});
};

const PROVIDER_TYPES: readonly ProviderType[] = [
  'OIDC',
  'SAML',
  'Google',
  'Facebook',
  'LoginWithAmazon',
  'SignInWithApple',
];

/** OIDC details Cognito requires; the endpoints come from the issuer's discovery document when not given. */
function checkOidcDetails(details: Record<string, string>): void {
  for (const name of ['client_id', 'authorize_scopes', 'oidc_issuer', 'attributes_request_method'])
    if (details[name] === undefined || details[name] === '')
      throw invalidParameter(`ProviderDetails.${name} is required for an OIDC identity provider.`);
  if (!['GET', 'POST'].includes(details.attributes_request_method ?? ''))
    throw invalidParameter('ProviderDetails.attributes_request_method must be GET or POST.');
  if (!(details.authorize_scopes ?? '').split(' ').includes('openid'))
    throw invalidParameter('ProviderDetails.authorize_scopes must include openid.');
}

function checkIdentifiers(pool: Pool, name: string, identifiers: readonly string[] | undefined): void {
  for (const id of identifiers ?? []) {
    const taken = pool.oauth.identityProviders.find((p) => p.ProviderName !== name && p.IdpIdentifiers?.includes(id));
    if (taken) throw new CognitoError('DuplicateProviderException', `The identifier ${id} is already in use.`);
  }
}

function providerType(pool: Pool, provider: IdentityProviderConfig): Json {
  return {
    UserPoolId: pool.id,
    ProviderName: provider.ProviderName,
    ProviderType: provider.ProviderType,
    // The client secret is stored and used, never shown back (Cognito redacts it too).
    ProviderDetails: Object.fromEntries(
      Object.entries(provider.ProviderDetails).filter(([k]) => k !== 'client_secret'),
    ),
    AttributeMapping: provider.AttributeMapping ?? { username: 'sub' },
    IdpIdentifiers: provider.IdpIdentifiers ?? [],
    CreationDate: seconds(provider.CreationDate ?? 0),
    LastModifiedDate: seconds(provider.LastModifiedDate ?? 0),
  };
}

export function findProvider(pool: Pool, name: string): IdentityProviderConfig | undefined {
  return pool.oauth.identityProviders.find((p) => p.ProviderName === name);
}

function requireProvider(pool: Pool, name: string): IdentityProviderConfig {
  const provider = findProvider(pool, name);
  if (!provider) throw resourceNotFound(`Identity provider ${name} does not exist.`);
  return provider;
}

const createIdentityProvider: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const name = str(input, 'ProviderName');
  if (!/^[^_\s][^\s]{0,31}$/u.test(name) || name === 'COGNITO' || name === 'Cognito')
    throw invalidParameter(`Invalid ProviderName ${name}`);
  const type = str(input, 'ProviderType');
  if (!(PROVIDER_TYPES as readonly string[]).includes(type)) throw invalidParameter(`Invalid ProviderType ${type}`);
  if (type !== 'OIDC')
    throw invalidParameter(`The emulator supports OIDC identity providers only (${type} is not implemented).`);
  if (findProvider(pool, name))
    throw new CognitoError(
      'DuplicateProviderException',
      `A provider with the name ${name} already exists in this user pool.`,
    );
  const details = optStrMap(input, 'ProviderDetails') ?? {};
  checkOidcDetails(details);
  const identifiers = optStrList(input, 'IdpIdentifiers');
  checkIdentifiers(pool, name, identifiers);
  const mapping = optStrMap(input, 'AttributeMapping');
  const now = ctx.clock.now();
  const provider: IdentityProviderConfig = {
    ProviderName: name,
    ProviderType: 'OIDC',
    ProviderDetails: details,
    AttributeMapping: { username: 'sub', ...mapping },
    ...(identifiers ? { IdpIdentifiers: identifiers } : {}),
    CreationDate: now,
    LastModifiedDate: now,
  };
  pool.oauth.identityProviders.push(provider);
  pool.changed();
  return Promise.resolve({ IdentityProvider: providerType(pool, provider) });
};

const updateIdentityProvider: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const provider = requireProvider(pool, str(input, 'ProviderName'));
  const details = optStrMap(input, 'ProviderDetails');
  if (details) {
    const merged = { ...provider.ProviderDetails, ...details };
    checkOidcDetails(merged);
    provider.ProviderDetails = merged;
  }
  const mapping = optStrMap(input, 'AttributeMapping');
  if (mapping) provider.AttributeMapping = { username: 'sub', ...mapping };
  const identifiers = optStrList(input, 'IdpIdentifiers');
  if (identifiers) {
    checkIdentifiers(pool, provider.ProviderName, identifiers);
    provider.IdpIdentifiers = identifiers;
  }
  provider.LastModifiedDate = ctx.clock.now();
  pool.changed();
  return Promise.resolve({ IdentityProvider: providerType(pool, provider) });
};

const describeIdentityProvider: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  return Promise.resolve({ IdentityProvider: providerType(pool, requireProvider(pool, str(input, 'ProviderName'))) });
};

const getIdentityProviderByIdentifier: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const identifier = str(input, 'IdpIdentifier');
  const provider = pool.oauth.identityProviders.find((p) => p.IdpIdentifiers?.includes(identifier));
  if (!provider) throw resourceNotFound(`Identity provider with identifier ${identifier} does not exist.`);
  return Promise.resolve({ IdentityProvider: providerType(pool, provider) });
};

const listIdentityProviders: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const size = pageSize(optIntInRange(input, 'MaxResults', 1, 60), 60);
  const { items, next } = pageFrom(pool.oauth.identityProviders, size, optStr(input, 'NextToken'), 'NextToken');
  return Promise.resolve({
    Providers: items.map((p) => ({
      ProviderName: p.ProviderName,
      ProviderType: p.ProviderType,
      CreationDate: seconds(p.CreationDate ?? 0),
      LastModifiedDate: seconds(p.LastModifiedDate ?? 0),
    })),
    ...(next !== undefined ? { NextToken: next } : {}),
  });
};

const deleteIdentityProvider: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const provider = requireProvider(pool, str(input, 'ProviderName'));
  pool.oauth.identityProviders = pool.oauth.identityProviders.filter((p) => p !== provider);
  pool.changed();
  return Promise.resolve({});
};

function providerUser(input: Json, member: string): { name: string; attribute: string | undefined; value: string } {
  const user = optObject(input, member);
  if (!user) throw invalidParameter(`${member} is required.`);
  return {
    name: str(user, 'ProviderName'),
    attribute: optStr(user, 'ProviderAttributeName'),
    value: str(user, 'ProviderAttributeValue'),
  };
}

/** Links an external identity to an existing user: that provider's subject then signs in as this user. */
const adminLinkProviderForUser: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const destination = providerUser(input, 'DestinationUser');
  const source = providerUser(input, 'SourceUser');
  if (destination.name !== 'Cognito') throw invalidParameter('DestinationUser.ProviderName must be Cognito.');
  const user = requireUser(pool, destination.value);
  if (user.status === 'EXTERNAL_PROVIDER')
    throw invalidParameter('DestinationUser must be a native user, not one created by an identity provider.');
  const provider = findProvider(pool, source.name);
  if (!provider) throw invalidParameter(`The provider ${source.name} does not exist for User Pool ${pool.id}`);
  if (source.attribute !== 'Cognito_Subject')
    throw invalidParameter('SourceUser.ProviderAttributeName must be Cognito_Subject for an OIDC provider.');
  if (pool.users.has(`${provider.ProviderName}_${source.value}`))
    throw invalidParameter(
      'Merging is not currently supported, provide a SourceUser that has not been used to sign into the user pool.',
    );
  if (pool.oauth.links.some((l) => l.providerName === provider.ProviderName && l.subject === source.value))
    throw new CognitoError('AliasExistsException', 'This identity is already linked to a user.');
  pool.oauth.links.push({ providerName: provider.ProviderName, subject: source.value, username: user.username });
  addIdentity(user, provider, source.value, false, ctx.clock.now());
  pool.changed();
  return Promise.resolve({});
};

export const oauthOperations: Readonly<Record<string, Handler>> = {
  CreateUserPoolDomain: createUserPoolDomain,
  DescribeUserPoolDomain: describeUserPoolDomain,
  DeleteUserPoolDomain: deleteUserPoolDomain,
  CreateResourceServer: createResourceServer,
  UpdateResourceServer: updateResourceServer,
  DescribeResourceServer: describeResourceServer,
  ListResourceServers: listResourceServers,
  DeleteResourceServer: deleteResourceServer,
  CreateIdentityProvider: createIdentityProvider,
  UpdateIdentityProvider: updateIdentityProvider,
  DescribeIdentityProvider: describeIdentityProvider,
  GetIdentityProviderByIdentifier: getIdentityProviderByIdentifier,
  ListIdentityProviders: listIdentityProviders,
  DeleteIdentityProvider: deleteIdentityProvider,
  AdminLinkProviderForUser: adminLinkProviderForUser,
};
