// The OAuth redirect port over oauth4webapi: authorize with PKCE S256, the callback's checks, code and refresh grants.
import * as oauth from 'oauth4webapi';
import { readClaims } from '../../machines/claims.ts';
import {
  RedirectFailure,
  redirectError,
  type RedirectOutput,
  type RedirectPort,
  type RedirectStart,
} from '../../machines/redirect.types.ts';
import { secret, type Secret } from '../../machines/secret.ts';
import type { TokenSet } from '../../machines/types.ts';

/** Where the managed login domain is and how this app is registered on it. */
export interface OAuthRedirectConfig {
  /** The pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<poolId>` (its discovery names the domain). */
  readonly issuer: string;
  readonly clientId: string;
  /** One of the app client's CallbackURLs. */
  readonly redirectUri: string;
  /** One of the app client's LogoutURLs; `/logout` sends the browser there. */
  readonly logoutUri?: string;
  /** Scopes the app client allows; default `openid email profile`. */
  readonly scopes?: readonly string[];
  /** Where this tab keeps the verifier, `state` and `nonce` until the callback; default `sessionStorage`. */
  readonly storage?: Storage;
  /** Leaves the page; default `location.assign`. */
  readonly navigate?: (url: string) => void;
}

/** The redirect port, plus the refresh grant and the hosted sign-out. */
export interface OAuthRedirect extends RedirectPort {
  /** The `refresh_token` grant at `/oauth2/token`; the refresh token is kept (Cognito returns none unless rotating). */
  refresh(refreshToken: Secret<string>): Promise<RedirectOutput>;
  /** Ends the managed login session: `/logout?client_id=…&logout_uri=…`. */
  signOut(): Promise<void>;
}

interface Pending {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  /** The discovery document `begin` used (public metadata): the callback page needs no second discovery request. */
  readonly server: oauth.AuthorizationServer;
}

const pendingKey = (clientId: string) => `cognito-xstate.redirect.${clientId}`;

/** The emulator speaks plain HTTP on loopback; anything else must be HTTPS (oauth4webapi's default). */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function readPending(storage: Storage, key: string): Pending | null {
  const raw = storage.getItem(key);
  storage.removeItem(key); // single use, whatever the callback brings
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<Pending>;
    const { state, nonce, verifier, server } = value;
    return typeof state === 'string' &&
      typeof nonce === 'string' &&
      typeof verifier === 'string' &&
      typeof server?.issuer === 'string'
      ? { state, nonce, verifier, server }
      : null;
  } catch {
    return null;
  }
}

/** oauth4webapi's failures as the machine's RedirectError codes. */
function toFailure(error: unknown): unknown {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError)
    return new RedirectFailure(redirectError(error.error, error.error_description));
  if (error instanceof oauth.OperationProcessingError) {
    if (error.message.includes('"state"')) return new RedirectFailure(redirectError('StateMismatch'));
    if (error.message.includes('"nonce"')) return new RedirectFailure(redirectError('NonceMismatch'));
    return new RedirectFailure(redirectError('UnexpectedResponse', error.message));
  }
  return error;
}

function tokenSet(response: oauth.TokenEndpointResponse, keptRefreshToken: Secret<string> | null): TokenSet {
  if (response.id_token === undefined) throw new RedirectFailure(redirectError('UnexpectedResponse', 'no id_token'));
  return {
    idToken: secret(response.id_token),
    accessToken: secret(response.access_token),
    refreshToken: response.refresh_token === undefined ? keptRefreshToken : secret(response.refresh_token),
    expiresAt: Date.now() + (response.expires_in ?? 3600) * 1000,
  };
}

function output(tokens: TokenSet): RedirectOutput {
  return { tokens, claims: readClaims(tokens.idToken.reveal()) };
}

/** `/logout` on the login domain: the discovery's `end_session_endpoint`, else beside `/oauth2/authorize`. */
function logoutEndpoint(as: oauth.AuthorizationServer): string {
  if (as.end_session_endpoint !== undefined) return as.end_session_endpoint;
  const authorize = as.authorization_endpoint ?? '';
  return authorize.replace(/\/oauth2\/authorize$/, '/logout');
}

/** The redirect port for one app client; discovery runs once, on first use. */
export function createOAuthRedirect(config: OAuthRedirectConfig): OAuthRedirect {
  const issuer = new URL(config.issuer);
  const insecure = isLoopbackHttp(issuer);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- plain HTTP is allowed only on loopback (the emulator).
  const options = { [oauth.allowInsecureRequests]: insecure };
  const client: oauth.Client = { client_id: config.clientId };
  const storage = (): Storage => config.storage ?? sessionStorage;
  const navigate =
    config.navigate ??
    ((url: string) => {
      location.assign(url);
    });
  const key = pendingKey(config.clientId);
  let discovered: Promise<oauth.AuthorizationServer> | null = null;

  const server = (): Promise<oauth.AuthorizationServer> => {
    discovered ??= oauth
      .discoveryRequest(issuer, { algorithm: 'oidc', ...options })
      .then((response) => oauth.processDiscoveryResponse(issuer, response))
      .catch((error: unknown) => {
        discovered = null;
        throw toFailure(error);
      });
    return discovered;
  };

  return {
    async begin(start: RedirectStart) {
      const as = await server();
      if (as.authorization_endpoint === undefined)
        throw new RedirectFailure(redirectError('UnexpectedResponse', 'no authorization_endpoint'));
      const pending: Pending = {
        state: oauth.generateRandomState(),
        nonce: oauth.generateRandomNonce(),
        verifier: oauth.generateRandomCodeVerifier(),
        server: as,
      };
      const url = new URL(as.authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: config.clientId,
        response_type: 'code',
        redirect_uri: config.redirectUri,
        scope: (config.scopes ?? ['openid', 'email', 'profile']).join(' '),
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        ...(start.provider === null ? {} : { identity_provider: start.provider }),
      }).toString();
      storage().setItem(key, JSON.stringify(pending));
      navigate(url.toString());
    },

    async complete(callbackUrl: Secret<string>) {
      const pending = readPending(storage(), key);
      if (pending === null) throw new RedirectFailure(redirectError('NoPendingRedirect'));
      // Only metadata this tab discovered for this issuer: anything else discovers again.
      const as = pending.server.issuer === issuer.href ? pending.server : await server();
      discovered ??= Promise.resolve(as);
      try {
        const parameters = oauth.validateAuthResponse(as, client, new URL(callbackUrl.reveal()), pending.state);
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          oauth.None(),
          parameters,
          config.redirectUri,
          pending.verifier,
          options,
        );
        const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
          expectedNonce: pending.nonce,
          requireIdToken: true,
        });
        return output(tokenSet(result, null));
      } catch (error) {
        throw toFailure(error);
      }
    },

    async refresh(refreshToken: Secret<string>) {
      const as = await server();
      try {
        const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken.reveal(), options);
        return output(tokenSet(await oauth.processRefreshTokenResponse(as, client, response), refreshToken));
      } catch (error) {
        throw toFailure(error);
      }
    },

    async signOut() {
      const as = await server();
      const url = new URL(logoutEndpoint(as));
      url.searchParams.set('client_id', config.clientId);
      if (config.logoutUri !== undefined) url.searchParams.set('logout_uri', config.logoutUri);
      navigate(url.toString());
    },
  };
}
