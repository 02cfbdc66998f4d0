// Cognito transport for the account calls (sign-up, password reset, self-service): same wire and errors as cognitoHttp.ts.
import type { AccountCognitoPort } from '../../machines/accountActors.ts';
import type { AccountOperation, AccountOperations } from '../../machines/accountProtocol.ts';
import { CognitoServiceError, fromErrorType, toSignInError } from '../../machines/errors.ts';
import { ClientSecretInBrowserError, type CognitoHttpOptions } from './cognitoHttp.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Error data as amazon-cognito-identity-js reads it: body `__type`/`code`, else the x-amzn-ErrorType header. */
function errorFrom(response: Response, body: unknown): CognitoServiceError {
  const record = isRecord(body) ? body : {};
  const type = record.__type ?? record.code;
  const message = record.message ?? record.Message;
  const messageText = typeof message === 'string' ? message : undefined;
  if (typeof type === 'string') return new CognitoServiceError(fromErrorType(type, messageText));
  const header = response.headers.get('x-amzn-errortype');
  if (header !== null) return new CognitoServiceError(fromErrorType(header, messageText ?? String(response.status)));
  return new CognitoServiceError({ code: 'UnexpectedResponse', retryable: response.status >= 500, detail: `HTTP ${String(response.status)}` });
}

async function hmacSha256Base64(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const bytes = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message)));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** An AccountCognitoPort over fetch (AWS JSON 1.1, X-Amz-Target), for `signUpActors`, `forgotPasswordActors`, `accountActors`. */
export function createCognitoAccountHttp(options: CognitoHttpOptions): AccountCognitoPort {
  const endpoint = options.endpoint ?? (options.region === undefined ? undefined : `https://cognito-idp.${options.region}.amazonaws.com/`);
  if (endpoint === undefined) throw new TypeError('createCognitoAccountHttp needs an endpoint or a region');
  const doFetch = options.fetch ?? fetch;
  const { clientSecret, clientId } = options;
  if (clientSecret !== undefined && typeof window !== 'undefined' && typeof window.document !== 'undefined') throw new ClientSecretInBrowserError();
  if (clientSecret !== undefined && clientId === undefined) throw new TypeError('clientSecret needs clientId for SecretHash');

  async function call<K extends AccountOperation>(operation: K, request: AccountOperations[K][0]): Promise<AccountOperations[K][1]> {
    let response: Response;
    try {
      response = await doFetch(endpoint ?? '', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
          'Cache-Control': 'no-store',
        },
        body: JSON.stringify(request),
      });
    } catch (thrown) {
      throw new CognitoServiceError(toSignInError(thrown));
    }
    const body = await readJson(response);
    if (!response.ok) throw errorFrom(response, body);
    if (!isRecord(body)) throw new CognitoServiceError({ code: 'UnexpectedResponse', retryable: false, detail: `${operation}: body is not a JSON object` });
    // The wire shapes are Cognito's; we trust the service for their members, as both official clients do.
    return body;
  }

  const port: AccountCognitoPort = {
    signUp: (request) => call('SignUp', request),
    confirmSignUp: (request) => call('ConfirmSignUp', request),
    resendConfirmationCode: (request) => call('ResendConfirmationCode', request),
    forgotPassword: (request) => call('ForgotPassword', request),
    confirmForgotPassword: (request) => call('ConfirmForgotPassword', request),
    changePassword: (request) => call('ChangePassword', request),
    updateUserAttributes: (request) => call('UpdateUserAttributes', request),
    verifyUserAttribute: (request) => call('VerifyUserAttribute', request),
    getUserAttributeVerificationCode: (request) => call('GetUserAttributeVerificationCode', request),
    setUserMFAPreference: (request) => call('SetUserMFAPreference', request),
    listDevices: (request) => call('ListDevices', request),
    associateSoftwareToken: (request) => call('AssociateSoftwareToken', request),
    verifySoftwareToken: (request) => call('VerifySoftwareToken', request),
    forgetDevice: (request) => call('ForgetDevice', request),
  };
  if (clientSecret !== undefined && clientId !== undefined) {
    return { ...port, secretHash: (username) => hmacSha256Base64(clientSecret, username + clientId) };
  }
  return port;
}
