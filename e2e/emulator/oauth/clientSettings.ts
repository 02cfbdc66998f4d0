// An app client's managed-login settings: read and checked on Create/UpdateUserPoolClient, shown on Describe.
import type { ClientConfig } from '../config.ts';
import { CognitoError, invalidParameter } from '../errors.ts';
import { optBool, optStr, optStrList, type Json } from '../input.ts';
import type { Pool } from '../store.ts';

/** Scopes every pool has; resource servers add `<Identifier>/<ScopeName>`. */
const STANDARD_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'] as const;

type OAuthFields = Pick<
  ClientConfig,
  | 'AllowedOAuthFlows'
  | 'AllowedOAuthFlowsUserPoolClient'
  | 'AllowedOAuthScopes'
  | 'CallbackURLs'
  | 'LogoutURLs'
  | 'DefaultRedirectURI'
  | 'SupportedIdentityProviders'
>;

const invalidFlow = (message: string): CognitoError => new CognitoError('InvalidOAuthFlowException', message);

/** Every scope the pool can grant: the standard ones and each resource server's. */
export function poolScopes(pool: Pool): Set<string> {
  const scopes = new Set<string>(STANDARD_SCOPES);
  for (const server of pool.oauth.resourceServers)
    for (const scope of server.Scopes ?? []) scopes.add(`${server.Identifier}/${scope.ScopeName}`);
  return scopes;
}

/**
 * Redirect URLs: absolute, no fragment, HTTPS except on loopback. Cognito allows plain HTTP for `localhost`
 * only; the emulator also takes 127.0.0.1 and [::1], where its own tests and the demo run.
 */
function checkUrl(member: string, url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidParameter(`${member} must be absolute URLs: ${url}`);
  }
  if (parsed.hash !== '' || url.includes('#')) throw invalidParameter(`${member} must not contain a fragment: ${url}`);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && !loopback)
    throw invalidParameter(`${member} must use HTTPS (plain HTTP is allowed for localhost only): ${url}`);
}

/** Reads the OAuth members of a Create/UpdateUserPoolClient request; an Update replaces them all, as on AWS. */
export function readClientOAuth(pool: Pool, input: Json, hasSecret: boolean): OAuthFields {
  const flows = optStrList(input, 'AllowedOAuthFlows');
  const enabled = optBool(input, 'AllowedOAuthFlowsUserPoolClient');
  const scopes = optStrList(input, 'AllowedOAuthScopes');
  const callbacks = optStrList(input, 'CallbackURLs');
  const logouts = optStrList(input, 'LogoutURLs');
  const defaultRedirect = optStr(input, 'DefaultRedirectURI');
  const providers = optStrList(input, 'SupportedIdentityProviders');

  for (const flow of flows ?? []) {
    if (flow === 'implicit')
      throw invalidParameter('AllowedOAuthFlows: the emulator does not support the implicit grant; use code.');
    if (flow !== 'code' && flow !== 'client_credentials')
      throw invalidParameter(
        `1 validation error detected: Value '[${flow}]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: [implicit, client_credentials, code]`,
      );
  }
  if (flows?.includes('client_credentials')) {
    if (flows.includes('code'))
      throw invalidFlow('client_credentials flow can not be selected along with code flow or implicit flow.');
    if (!hasSecret)
      throw invalidFlow('client_credentials flow can not be selected if client does not have a client secret.');
  }
  const known = poolScopes(pool);
  for (const scope of scopes ?? [])
    if (!known.has(scope)) throw new CognitoError('ScopeDoesNotExistException', `Invalid scope requested: ${scope}`);
  if (
    flows?.includes('client_credentials') &&
    scopes?.some((scope) => (STANDARD_SCOPES as readonly string[]).includes(scope))
  )
    throw invalidFlow('client_credentials flow can only be used with custom scopes (from a resource server).');
  for (const url of callbacks ?? []) checkUrl('CallbackURLs', url);
  for (const url of logouts ?? []) checkUrl('LogoutURLs', url);
  if (defaultRedirect !== undefined && !(callbacks ?? []).includes(defaultRedirect))
    throw invalidParameter('DefaultRedirectURI must be one of the CallbackURLs.');
  if (enabled === true) {
    if (!flows || flows.length === 0 || !scopes || scopes.length === 0)
      throw invalidParameter(
        'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.',
      );
    if (flows.includes('code') && (!callbacks || callbacks.length === 0))
      throw invalidParameter('CallbackURLs can not be empty when the code flow is allowed.');
  }
  for (const name of providers ?? []) {
    if (name !== 'COGNITO' && !pool.oauth.identityProviders.some((p) => p.ProviderName === name))
      throw invalidParameter(`The provider ${name} does not exist for User Pool ${pool.id}`);
  }
  return {
    ...(flows ? { AllowedOAuthFlows: flows } : {}),
    ...(enabled !== undefined ? { AllowedOAuthFlowsUserPoolClient: enabled } : {}),
    ...(scopes ? { AllowedOAuthScopes: scopes } : {}),
    ...(callbacks ? { CallbackURLs: callbacks } : {}),
    ...(logouts ? { LogoutURLs: logouts } : {}),
    ...(defaultRedirect !== undefined ? { DefaultRedirectURI: defaultRedirect } : {}),
    ...(providers ? { SupportedIdentityProviders: providers } : {}),
  };
}

/** The OAuth members of a UserPoolClientType, present only when set (as DescribeUserPoolClient shows them). */
export function clientOAuthView(client: ClientConfig): Json {
  return {
    AllowedOAuthFlowsUserPoolClient: client.AllowedOAuthFlowsUserPoolClient ?? false,
    ...(client.AllowedOAuthFlows ? { AllowedOAuthFlows: client.AllowedOAuthFlows } : {}),
    ...(client.AllowedOAuthScopes ? { AllowedOAuthScopes: client.AllowedOAuthScopes } : {}),
    ...(client.CallbackURLs ? { CallbackURLs: client.CallbackURLs } : {}),
    ...(client.LogoutURLs ? { LogoutURLs: client.LogoutURLs } : {}),
    ...(client.DefaultRedirectURI !== undefined ? { DefaultRedirectURI: client.DefaultRedirectURI } : {}),
    ...(client.SupportedIdentityProviders ? { SupportedIdentityProviders: client.SupportedIdentityProviders } : {}),
  };
}
