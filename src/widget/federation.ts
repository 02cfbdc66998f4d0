// The widget's redirect seam: providers from config, the OAuth port loaded on first use, the callback URL taken once.
import type { Federation } from '../hooks/FederationContext.ts';
import { cognitoEndpoint, type LoginWidgetConfig, type LoginWidgetOAuthConfig } from './config.ts';

const CALLBACK_PARAMETERS = ['code', 'state', 'error', 'error_description', 'iss'];

/** This page load's callback URL if it is the OAuth callback; the parameters leave the address bar and history. */
function takeCallbackUrl(redirectUri: string): string | null {
  const here = new URL(location.href);
  const expected = new URL(redirectUri);
  if (here.origin !== expected.origin || here.pathname !== expected.pathname) return null;
  if (!here.searchParams.has('code') && !here.searchParams.has('error')) return null;
  const taken = here.toString();
  for (const name of CALLBACK_PARAMETERS) here.searchParams.delete(name);
  history.replaceState(history.state, '', here.toString());
  return taken;
}

/** The tab's note that its session came through managed login: not a secret, only which sign-out it needs. */
const hostedKey = (clientId: string): string => `cognito-xstate.hosted.${clientId}`;

/** The Federation for the app client of `config` with the managed login settings `oauth` (`config.oauth`). */
export function widgetFederation(config: LoginWidgetConfig, oauth: LoginWidgetOAuthConfig): Federation {
  return {
    providers: oauth.providers ?? [],
    providerLabels: oauth.providerLabels ?? {},
    hostedOnly: oauth.hostedOnly ?? false,
    takeCallbackUrl: () => takeCallbackUrl(oauth.redirectUri),
    noteHostedSignIn: () => {
      sessionStorage.setItem(hostedKey(config.clientId), '1');
    },
    takeHostedSignIn: () => {
      const hosted = sessionStorage.getItem(hostedKey(config.clientId)) !== null;
      sessionStorage.removeItem(hostedKey(config.clientId));
      return hosted;
    },
    loadPort: () =>
      import('../adapters/oauthRedirect.ts').then(({ createOAuthRedirect }) =>
        createOAuthRedirect({
          issuer: oauth.issuer ?? `${cognitoEndpoint(config).replace(/\/$/, '')}/${config.userPoolId}`,
          clientId: config.clientId,
          redirectUri: oauth.redirectUri,
          ...(oauth.logoutUri === undefined ? {} : { logoutUri: oauth.logoutUri }),
          ...(oauth.scopes === undefined ? {} : { scopes: oauth.scopes }),
        }),
      ),
  };
}
