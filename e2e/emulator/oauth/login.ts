// The managed login page's forms, run through the same sign-in engine as InitiateAuth / RespondToAuthChallenge.
import type { ClientConfig } from '../config.ts';
import { computeSecretHash, type Context } from '../context.ts';
import { CognitoError } from '../errors.ts';
import { managedLoginInitiateAuth, respondToAuthChallenge } from '../handlers/auth.ts';
import { isObject, type Json } from '../input.ts';
import type { Pool } from '../store.ts';
import { checkAuthorize, errorReply } from './authorize.ts';
import { grant } from './grant.ts';
import type { Reply } from './http.ts';
import { challengePage, signInPage } from './pages.ts';
import { live, oauthState, remember, type AuthorizationRequest } from './state.ts';

/** What the page says for each engine error; never which accounts exist. */
function pageMessage(error: CognitoError): string {
  switch (error.type) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      return error.message === 'Password attempts exceeded' || error.message === 'User is disabled.'
        ? error.message
        : 'Incorrect username or password.';
    case 'CodeMismatchException':
      return 'Invalid code. Check the code and try again.';
    case 'ExpiredCodeException':
      return 'The code has expired. Sign in again.';
    case 'InvalidPasswordException':
      return error.message;
    case 'UserNotConfirmedException':
      return 'Your account is not confirmed yet.';
    case 'PasswordResetRequiredException':
      return 'You must reset your password before signing in.';
    default:
      return error.message;
  }
}

function providerLinks(
  domain: string,
  pool: Pool,
  client: ClientConfig,
  request: AuthorizationRequest,
): { name: string; href: string }[] {
  const supported = (client.SupportedIdentityProviders ?? []).filter((name) => name !== 'COGNITO');
  return supported
    .filter((name) => pool.oauth.identityProviders.some((p) => p.ProviderName === name))
    .map((name) => ({
      name,
      href: `/${domain}/oauth2/authorize?${new URLSearchParams({
        client_id: request.clientId,
        redirect_uri: request.redirectUri,
        response_type: 'code',
        scope: request.scopes.join(' '),
        identity_provider: name,
        ...(request.state !== undefined ? { state: request.state } : {}),
        ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
        ...(request.codeChallenge !== undefined
          ? { code_challenge: request.codeChallenge, code_challenge_method: 'S256' }
          : {}),
      }).toString()}`,
    }));
}

/** The user pool's own sign-in (COGNITO) is offered unless the client lists providers without it. */
function allowsPassword(client: ClientConfig): boolean {
  return client.SupportedIdentityProviders?.includes('COGNITO') ?? true;
}

function renderSignIn(
  domain: string,
  pool: Pool,
  client: ClientConfig,
  request: AuthorizationRequest,
  error?: string,
  username?: string,
): Reply {
  return {
    kind: 'html',
    status: error === undefined ? 200 : 400,
    html: signInPage({
      action: `/${domain}/login`,
      authorization: request.id,
      clientName: client.ClientName ?? client.ClientId,
      providers: providerLinks(domain, pool, client, request),
      passwordForm: allowsPassword(client),
      error,
      username,
    }),
  };
}

/** GET /login: the authorize query again (Cognito's /oauth2/authorize redirects here with the same parameters). */
export function loginPage(ctx: Context, pool: Pool, domain: string, query: URLSearchParams): Reply {
  const checked = checkAuthorize(ctx, pool, query);
  if ('kind' in checked) return checked;
  remember(oauthState(ctx).requests, checked.request.id, checked.request, ctx.clock.now());
  return renderSignIn(domain, pool, checked.client, checked.request);
}

function secretHash(client: ClientConfig, username: string): Record<string, string> {
  return client.ClientSecret !== undefined
    ? { SECRET_HASH: computeSecretHash(client.ClientSecret, username, client.ClientId) }
    : {};
}

/** The answer a challenge form carries, under the name RespondToAuthChallenge expects. */
function challengeResponses(step: string, form: URLSearchParams): Record<string, string> | undefined {
  const code = form.get('code') ?? '';
  switch (step) {
    case 'SMS_MFA':
      return { SMS_MFA_CODE: code };
    case 'EMAIL_OTP':
      return { EMAIL_OTP_CODE: code };
    case 'SOFTWARE_TOKEN_MFA':
      return { SOFTWARE_TOKEN_MFA_CODE: code };
    case 'SELECT_MFA_TYPE':
      return { ANSWER: form.get('answer') ?? '' };
    case 'NEW_PASSWORD_REQUIRED':
      return { NEW_PASSWORD: form.get('new_password') ?? '' };
    default:
      return undefined;
  }
}

const PAGE_CHALLENGES = ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'NEW_PASSWORD_REQUIRED'];

/** POST /login: one engine step per form; the Session travels in a hidden field, never in a URL. */
export async function loginSubmit(ctx: Context, pool: Pool, domain: string, form: URLSearchParams): Promise<Reply> {
  const request = live(oauthState(ctx).requests, form.get('authorization') ?? undefined, ctx.clock.now());
  const client = request ? pool.clients.get(request.clientId) : undefined;
  if (!request || !client) return errorReply('invalid_request', 'This sign-in has expired. Start again from the app.');
  const step = form.get('step') ?? 'password';
  if (!allowsPassword(client))
    return renderSignIn(domain, pool, client, request, 'This app signs in through an identity provider only.');
  const username = form.get('username') ?? '';
  const action = `/${domain}/login`;
  let result: Json;
  try {
    if (step === 'password') {
      result = await managedLoginInitiateAuth(ctx, {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: client.ClientId,
        AuthParameters: { USERNAME: username, PASSWORD: form.get('password') ?? '', ...secretHash(client, username) },
      });
    } else {
      const responses = challengeResponses(step, form);
      if (!responses) return renderSignIn(domain, pool, client, request, 'Unsupported step. Sign in again.');
      result = await respondToAuthChallenge(ctx, {
        ClientId: client.ClientId,
        ChallengeName: step,
        Session: form.get('session') ?? '',
        ChallengeResponses: { USERNAME: username, ...responses, ...secretHash(client, username) },
      });
    }
  } catch (error) {
    if (!(error instanceof CognitoError)) throw error;
    const message = pageMessage(error);
    // A wrong code may be retried with the same Session; anything else starts the sign-in over.
    if (step !== 'password' && error.type === 'CodeMismatchException')
      return {
        kind: 'html',
        status: 400,
        html: challengePage({
          action,
          authorization: request.id,
          username,
          session: form.get('session') ?? '',
          challenge: step,
          parameters: {},
          error: message,
        }),
      };
    if (step === 'NEW_PASSWORD_REQUIRED' && error.type === 'InvalidPasswordException')
      return {
        kind: 'html',
        status: 400,
        html: challengePage({
          action,
          authorization: request.id,
          username,
          session: form.get('session') ?? '',
          challenge: step,
          parameters: {},
          error: message,
        }),
      };
    return renderSignIn(domain, pool, client, request, message, username);
  }
  if (isObject(result.AuthenticationResult)) {
    const user = pool.findUser(username);
    if (!user) return renderSignIn(domain, pool, client, request, 'Incorrect username or password.', username);
    return grant(ctx, pool, domain, request, user, result);
  }
  const challenge = typeof result.ChallengeName === 'string' ? result.ChallengeName : '';
  if (!PAGE_CHALLENGES.includes(challenge))
    return renderSignIn(
      domain,
      pool,
      client,
      request,
      `The emulator's managed login does not offer ${challenge} yet.`,
      username,
    );
  const parameters = isObject(result.ChallengeParameters) ? (result.ChallengeParameters as Record<string, string>) : {};
  return {
    kind: 'html',
    status: 200,
    html: challengePage({
      action,
      authorization: request.id,
      username,
      session: typeof result.Session === 'string' ? result.Session : '',
      challenge,
      parameters,
    }),
  };
}
