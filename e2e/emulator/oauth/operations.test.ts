// Managed-login admin operations: domains, resource servers, identity providers and client OAuth settings, with
// Cognito's validation errors, and their persistence through a data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../index.ts';

const POOL = 'us-east-1_Operations';
const OTHER = 'us-east-1_OtherPool';

let emulator: Emulator;

async function aws(target: string, body: unknown, url = emulator.url): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

const oidcDetails = {
  client_id: 'c',
  client_secret: 'shh',
  authorize_scopes: 'openid email',
  oidc_issuer: 'https://idp.example.com',
  attributes_request_method: 'GET',
};

beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [{ Id: POOL }, { Id: OTHER }] } });
});
afterAll(() => emulator.stop());

describe('user pool domains', () => {
  it('creates, describes and deletes a prefix domain; the issuer discovery follows it', async () => {
    expect(await aws('CreateUserPoolDomain', { UserPoolId: POOL, Domain: 'my-app' })).toEqual({
      ManagedLoginVersion: 1,
    });
    expect(await aws('DescribeUserPoolDomain', { Domain: 'my-app' })).toMatchObject({
      DomainDescription: { UserPoolId: POOL, Domain: 'my-app', Status: 'ACTIVE' },
    });
    const discovery = async (): Promise<Record<string, unknown>> =>
      (await (await fetch(`${emulator.url}/${POOL}/.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >;
    expect((await discovery()).authorization_endpoint).toBe(`${emulator.url}/my-app/oauth2/authorize`);

    expect(await aws('CreateUserPoolDomain', { UserPoolId: POOL, Domain: 'second' })).toMatchObject({
      __type: 'InvalidParameterException',
    });
    expect(await aws('CreateUserPoolDomain', { UserPoolId: OTHER, Domain: 'my-app' })).toEqual({
      __type: 'InvalidParameterException',
      message: 'Domain already associated with another user pool.',
    });
    expect(await aws('DeleteUserPoolDomain', { UserPoolId: POOL, Domain: 'my-app' })).toEqual({});
    expect(await aws('DescribeUserPoolDomain', { Domain: 'my-app' })).toEqual({ DomainDescription: {} });
    expect((await discovery()).authorization_endpoint).toBeUndefined();
    expect((await fetch(`${emulator.url}/my-app/oauth2/authorize`)).status).toBe(404);
  });

  it('refuses reserved words, bad prefixes and custom domains', async () => {
    for (const Domain of ['my-cognito-app', 'Upper', '-dash', 'auth.example.com'])
      expect(await aws('CreateUserPoolDomain', { UserPoolId: OTHER, Domain })).toHaveProperty(
        '__type',
        'InvalidParameterException',
      );
  });
});

describe('resource servers', () => {
  it('creates, lists, updates and deletes; a duplicate identifier is refused', async () => {
    const server = {
      UserPoolId: POOL,
      Identifier: 'https://api.example.com',
      Name: 'API',
      Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }],
    };
    expect(await aws('CreateResourceServer', server)).toEqual({ ResourceServer: server });
    expect(await aws('CreateResourceServer', server)).toHaveProperty('__type', 'InvalidParameterException');
    expect(await aws('ListResourceServers', { UserPoolId: POOL, MaxResults: 10 })).toEqual({
      ResourceServers: [server],
    });
    const updated = { ...server, Scopes: [...server.Scopes, { ScopeName: 'write', ScopeDescription: 'Write' }] };
    expect(await aws('UpdateResourceServer', updated)).toEqual({ ResourceServer: updated });
    expect(
      await aws('CreateResourceServer', {
        ...server,
        Identifier: 'x',
        Scopes: [{ ScopeName: 'a/b', ScopeDescription: 'd' }],
      }),
    ).toHaveProperty('__type', 'InvalidParameterException');
    expect(await aws('DescribeResourceServer', { UserPoolId: POOL, Identifier: 'nope' })).toHaveProperty(
      '__type',
      'ResourceNotFoundException',
    );
  });
});

describe('identity providers', () => {
  it('creates an OIDC provider with AttributeMapping, hides its secret, updates and deletes it', async () => {
    const created = await aws('CreateIdentityProvider', {
      UserPoolId: POOL,
      ProviderName: 'Corp',
      ProviderType: 'OIDC',
      ProviderDetails: oidcDetails,
      AttributeMapping: { email: 'email' },
      IdpIdentifiers: ['corp.example'],
    });
    expect(created).toMatchObject({
      IdentityProvider: {
        ProviderName: 'Corp',
        ProviderType: 'OIDC',
        AttributeMapping: { username: 'sub', email: 'email' },
        IdpIdentifiers: ['corp.example'],
      },
    });
    expect(created).not.toHaveProperty('IdentityProvider.ProviderDetails.client_secret');
    expect(
      await aws('CreateIdentityProvider', {
        UserPoolId: POOL,
        ProviderName: 'Corp',
        ProviderType: 'OIDC',
        ProviderDetails: oidcDetails,
      }),
    ).toHaveProperty('__type', 'DuplicateProviderException');
    expect(
      await aws('GetIdentityProviderByIdentifier', { UserPoolId: POOL, IdpIdentifier: 'corp.example' }),
    ).toHaveProperty('IdentityProvider.ProviderName', 'Corp');
    expect(
      await aws('UpdateIdentityProvider', {
        UserPoolId: POOL,
        ProviderName: 'Corp',
        AttributeMapping: { name: 'name' },
      }),
    ).toHaveProperty('IdentityProvider.AttributeMapping', { username: 'sub', name: 'name' });
    expect(await aws('ListIdentityProviders', { UserPoolId: POOL })).toMatchObject({
      Providers: [{ ProviderName: 'Corp', ProviderType: 'OIDC' }],
    });
    expect(await aws('DeleteIdentityProvider', { UserPoolId: POOL, ProviderName: 'Corp' })).toEqual({});
    expect(await aws('DescribeIdentityProvider', { UserPoolId: POOL, ProviderName: 'Corp' })).toHaveProperty(
      '__type',
      'ResourceNotFoundException',
    );
  });

  it('refuses SAML and social types (not implemented), and OIDC details Cognito requires', async () => {
    expect(
      await aws('CreateIdentityProvider', {
        UserPoolId: POOL,
        ProviderName: 'S',
        ProviderType: 'SAML',
        ProviderDetails: {},
      }),
    ).toMatchObject({
      __type: 'InvalidParameterException',
      message: expect.stringContaining('OIDC identity providers only') as unknown,
    });
    const missing = Object.fromEntries(Object.entries(oidcDetails).filter(([name]) => name !== 'oidc_issuer'));
    expect(
      await aws('CreateIdentityProvider', {
        UserPoolId: POOL,
        ProviderName: 'M',
        ProviderType: 'OIDC',
        ProviderDetails: missing,
      }),
    ).toEqual({
      __type: 'InvalidParameterException',
      message: 'ProviderDetails.oidc_issuer is required for an OIDC identity provider.',
    });
  });
});

describe('client OAuth settings', () => {
  const base = { UserPoolId: OTHER, ClientName: 'c' };

  it('stores and describes the settings', async () => {
    const settings = {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: ['https://app.example.com/cb', 'http://localhost:3000/cb'],
      LogoutURLs: ['https://app.example.com/'],
      DefaultRedirectURI: 'https://app.example.com/cb',
      SupportedIdentityProviders: ['COGNITO'],
    };
    const created = (await aws('CreateUserPoolClient', { ...base, ...settings })).UserPoolClient as {
      ClientId: string;
    };
    expect(
      (await aws('DescribeUserPoolClient', { UserPoolId: OTHER, ClientId: created.ClientId })).UserPoolClient,
    ).toMatchObject(settings);
  });

  it.each([
    [{ AllowedOAuthFlows: ['implicit'] }, 'InvalidParameterException'],
    [{ AllowedOAuthFlows: ['password'] }, 'InvalidParameterException'],
    [{ AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: [] }, 'InvalidOAuthFlowException'],
    [{ AllowedOAuthFlows: ['client_credentials', 'code'], GenerateSecret: true }, 'InvalidOAuthFlowException'],
    [{ AllowedOAuthScopes: ['openid', 'https://nowhere/x'] }, 'ScopeDoesNotExistException'],
    [{ CallbackURLs: ['http://app.example.com/cb'] }, 'InvalidParameterException'],
    [{ CallbackURLs: ['https://app.example.com/cb#x'] }, 'InvalidParameterException'],
    [
      { CallbackURLs: ['https://a.example/cb'], DefaultRedirectURI: 'https://b.example/cb' },
      'InvalidParameterException',
    ],
    [{ SupportedIdentityProviders: ['Nobody'] }, 'InvalidParameterException'],
    [{ AllowedOAuthFlowsUserPoolClient: true }, 'InvalidParameterException'],
    [
      { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] },
      'InvalidParameterException',
    ],
  ])('refuses %j with %s', async (settings, type) => {
    expect(await aws('CreateUserPoolClient', { ...base, ...settings })).toHaveProperty('__type', type);
  });
});

describe('persistence', () => {
  it('keeps domains, resource servers, identity providers, links and client settings across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'oauth-data-'));
    try {
      const config = { Pools: [{ Id: POOL, Users: [{ Username: 'u', Password: 'Passw0rd!' }] }] };
      const first = await startEmulator({ dataDir, config });
      await aws('CreateUserPoolDomain', { UserPoolId: POOL, Domain: 'kept' }, first.url);
      await aws(
        'CreateResourceServer',
        { UserPoolId: POOL, Identifier: 'api', Name: 'API', Scopes: [{ ScopeName: 'r', ScopeDescription: 'r' }] },
        first.url,
      );
      await aws(
        'CreateIdentityProvider',
        { UserPoolId: POOL, ProviderName: 'Corp', ProviderType: 'OIDC', ProviderDetails: oidcDetails },
        first.url,
      );
      await aws(
        'AdminLinkProviderForUser',
        {
          UserPoolId: POOL,
          DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'u' },
          SourceUser: { ProviderName: 'Corp', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: 's-1' },
        },
        first.url,
      );
      const client = (
        (
          await aws(
            'CreateUserPoolClient',
            {
              UserPoolId: POOL,
              ClientName: 'c',
              AllowedOAuthFlows: ['code'],
              AllowedOAuthScopes: ['api/r'],
              CallbackURLs: ['https://a.example/cb'],
            },
            first.url,
          )
        ).UserPoolClient as { ClientId: string }
      ).ClientId;
      await first.stop();

      const second = await startEmulator({ dataDir, config });
      try {
        expect(await aws('DescribeUserPoolDomain', { Domain: 'kept' }, second.url)).toHaveProperty(
          'DomainDescription.UserPoolId',
          POOL,
        );
        expect(await aws('DescribeResourceServer', { UserPoolId: POOL, Identifier: 'api' }, second.url)).toHaveProperty(
          'ResourceServer.Name',
          'API',
        );
        expect(
          await aws('DescribeIdentityProvider', { UserPoolId: POOL, ProviderName: 'Corp' }, second.url),
        ).toHaveProperty('IdentityProvider.ProviderType', 'OIDC');
        expect(await aws('DescribeUserPoolClient', { UserPoolId: POOL, ClientId: client }, second.url)).toHaveProperty(
          'UserPoolClient.AllowedOAuthScopes',
          ['api/r'],
        );
        const user = await aws('AdminGetUser', { UserPoolId: POOL, Username: 'u' }, second.url);
        expect(JSON.stringify(user.UserAttributes)).toContain('s-1');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
