// Sign-in errors: Cognito's `__type` values as one union, mapped to plain, serialisable data.

/** Cognito `__type` values a sign-in can meet, plus this project's own codes. */
export type CognitoErrorCode =
  | 'NotAuthorizedException'
  | 'UserNotFoundException'
  | 'UserNotConfirmedException'
  | 'PasswordResetRequiredException'
  | 'CodeMismatchException'
  | 'ExpiredCodeException'
  | 'InvalidPasswordException'
  | 'InvalidParameterException'
  | 'TooManyRequestsException'
  | 'LimitExceededException'
  | 'TooManyFailedAttemptsException'
  | 'EnableSoftwareTokenMFAException'
  | 'SoftwareTokenMFANotFoundException'
  | 'MFAMethodNotFoundException'
  | 'ResourceNotFoundException'
  | 'CodeDeliveryFailureException'
  | 'UserLambdaValidationException'
  | 'UsernameExistsException'
  | 'AliasExistsException'
  | 'UnexpectedLambdaException'
  | 'InvalidLambdaResponseException'
  | 'InvalidUserPoolConfigurationException'
  | 'InvalidSmsRoleAccessPolicyException'
  | 'InvalidSmsRoleTrustRelationshipException'
  | 'InvalidEmailRoleAccessPolicyException'
  | 'ForbiddenException'
  | 'UnsupportedOperationException'
  | 'UnsupportedTokenTypeException'
  | 'InternalErrorException'
  | 'RefreshTokenReuseException'
  | 'UnknownOperationException'
  | 'WebAuthnNotEnabledException'
  | 'WebAuthnConfigurationMissingException'
  | 'WebAuthnChallengeNotFoundException'
  | 'WebAuthnOriginNotAllowedException'
  | 'WebAuthnRelyingPartyMismatchException'
  | 'WebAuthnCredentialNotSupportedException'
  | 'WebAuthnClientMismatchException'
  | 'FeatureUnavailableInTierException'
  // The browser's: the user closed the passkey dialog or it timed out (DOMException NotAllowedError).
  | 'NotAllowedError'
  // The browser's: create() found a passkey for this account already on the authenticator (excludeCredentials).
  | 'InvalidStateError'
  // Ours:
  | 'WebAuthnUnavailable'
  | 'NetworkError'
  | 'UnexpectedResponse'
  | 'UnsupportedChallenge'
  | 'ClientSecretInBrowser';

const KNOWN_CODES: ReadonlySet<string> = new Set<CognitoErrorCode>([
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'InvalidPasswordException',
  'InvalidParameterException',
  'TooManyRequestsException',
  'LimitExceededException',
  'TooManyFailedAttemptsException',
  'EnableSoftwareTokenMFAException',
  'SoftwareTokenMFANotFoundException',
  'MFAMethodNotFoundException',
  'ResourceNotFoundException',
  'CodeDeliveryFailureException',
  'UserLambdaValidationException',
  'UsernameExistsException',
  'AliasExistsException',
  'UnexpectedLambdaException',
  'InvalidLambdaResponseException',
  'InvalidUserPoolConfigurationException',
  'InvalidSmsRoleAccessPolicyException',
  'InvalidSmsRoleTrustRelationshipException',
  'InvalidEmailRoleAccessPolicyException',
  'ForbiddenException',
  'UnsupportedOperationException',
  'UnsupportedTokenTypeException',
  'InternalErrorException',
  'RefreshTokenReuseException',
  'UnknownOperationException',
  'WebAuthnNotEnabledException',
  'WebAuthnConfigurationMissingException',
  'WebAuthnChallengeNotFoundException',
  'WebAuthnOriginNotAllowedException',
  'WebAuthnRelyingPartyMismatchException',
  'WebAuthnCredentialNotSupportedException',
  'WebAuthnClientMismatchException',
  'FeatureUnavailableInTierException',
  'NotAllowedError',
  'InvalidStateError',
  'WebAuthnUnavailable',
  'NetworkError',
  'UnexpectedResponse',
  'UnsupportedChallenge',
  'ClientSecretInBrowser',
]);

/** Codes worth trying again unchanged after a pause (the transport retries these with backoff). */
const RETRYABLE: ReadonlySet<CognitoErrorCode> = new Set<CognitoErrorCode>([
  'NetworkError',
  'TooManyRequestsException',
  'InternalErrorException',
]);

/** What the machine keeps about a failure: plain data, so snapshots stay serialisable. */
export interface SignInError {
  readonly code: CognitoErrorCode;
  readonly retryable: boolean;
  /** Cognito's message, or the raw `__type` when the code is unknown. Never shown to users. */
  readonly detail?: string;
}

function isKnownCode(value: string): value is CognitoErrorCode {
  return KNOWN_CODES.has(value);
}

function makeError(code: CognitoErrorCode, detail: string | undefined): SignInError {
  return detail === undefined
    ? { code, retryable: RETRYABLE.has(code) }
    : { code, retryable: RETRYABLE.has(code), detail };
}

/** Parses an AWS `__type` (possibly `namespace#Name` or `Name:` from the header) into a SignInError. */
export function fromErrorType(type: string, message?: string): SignInError {
  const name = (type.split(',')[0] ?? '').split(':')[0]?.split('#').pop()?.trim() ?? '';
  if (isKnownCode(name)) return makeError(name, message);
  return makeError('UnexpectedResponse', message === undefined ? type : `${type}: ${message}`);
}

/** Thrown by the Cognito transport; carries a SignInError as `error`. */
export class CognitoServiceError extends Error {
  readonly error: SignInError;

  constructor(error: SignInError) {
    super(error.code);
    this.name = 'CognitoServiceError';
    this.error = error;
  }
}

function hasStringField<K extends string>(value: object, key: K): value is Record<K, string> {
  return key in value && typeof (value as Record<K, unknown>)[key] === 'string';
}

/**
 * Maps anything an actor can throw to plain `{ code, retryable, detail? }`.
 * A fetch `TypeError` is a network failure, as in amazon-cognito-identity-js; so is a fetch timeout or abort.
 */
export function toSignInError(thrown: unknown): SignInError {
  if (thrown instanceof CognitoServiceError) return thrown.error;
  if (thrown instanceof TypeError) return makeError('NetworkError', thrown.message);
  // navigator.credentials rejects with a DOMException: NotAllowedError when the user closes the dialog.
  if (thrown instanceof Error && thrown.name === 'NotAllowedError') return makeError('NotAllowedError', thrown.message);
  // …and InvalidStateError when create() meets a passkey it was told to exclude (this account's, on this device).
  if (thrown instanceof Error && thrown.name === 'InvalidStateError')
    return makeError('InvalidStateError', thrown.message);
  // A fetch cut by AbortSignal.timeout() (or aborted) got no answer either: retryable like a dropped connection.
  if (thrown instanceof Error && (thrown.name === 'TimeoutError' || thrown.name === 'AbortError'))
    return makeError('NetworkError', thrown.message);
  if (typeof thrown === 'object' && thrown !== null) {
    if (hasStringField(thrown, '__type')) {
      return fromErrorType(thrown.__type, hasStringField(thrown, 'message') ? thrown.message : undefined);
    }
    if (hasStringField(thrown, 'code') && isKnownCode(thrown.code)) {
      return makeError(thrown.code, hasStringField(thrown, 'message') ? thrown.message : undefined);
    }
    if (thrown instanceof Error) return makeError('UnexpectedResponse', `${thrown.name}: ${thrown.message}`);
  }
  return makeError('UnexpectedResponse', typeof thrown === 'string' ? thrown : undefined);
}
