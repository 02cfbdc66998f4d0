// Cognito's error names and the AWS JSON 1.1 error body/headers they travel in.

/** A fault the emulator answers as `{"__type": type, "message": message}` with HTTP `status`. */
export class CognitoError extends Error {
  readonly type: string;
  readonly status: number;
  constructor(type: string, message: string, status = 400) {
    super(message);
    this.name = type;
    this.type = type;
    this.status = status;
  }
}

export const notAuthorized = (message: string): CognitoError => new CognitoError('NotAuthorizedException', message);
export const invalidParameter = (message: string): CognitoError =>
  new CognitoError('InvalidParameterException', message);
export const resourceNotFound = (message: string): CognitoError =>
  new CognitoError('ResourceNotFoundException', message);
export const codeMismatch = (): CognitoError =>
  new CognitoError('CodeMismatchException', 'Invalid code received for user');
export const userNotFound = (): CognitoError => new CognitoError('UserNotFoundException', 'User does not exist.');

/** Messages Cognito uses for several errors, kept in one place so tests and handlers agree. */
export const MESSAGES = {
  incorrectPassword: 'Incorrect username or password.',
  invalidSession: 'Invalid session for the user.',
  expiredSession: 'Invalid session for the user, session is expired.',
  userDisabled: 'User is disabled.',
  userNotConfirmed: 'User is not confirmed.',
  passwordResetRequired: 'Password reset required for the user',
  attemptsExceeded: 'Password attempts exceeded',
  invalidAccessToken: 'Invalid Access Token',
  expiredAccessToken: 'Access Token has expired',
  revokedAccessToken: 'Access Token has been revoked',
  invalidRefreshToken: 'Invalid Refresh Token',
  expiredRefreshToken: 'Refresh Token has expired',
  revokedRefreshToken: 'Refresh Token has been revoked',
  expiredCode: 'Invalid code provided, please request a code again.',
} as const;

export function secretHashMismatch(clientId: string): CognitoError {
  return notAuthorized(`Unable to verify secret hash for client ${clientId}`);
}
