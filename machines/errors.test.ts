import { describe, expect, it } from 'vitest';
import { CognitoServiceError, fromErrorType, toSignInError } from './errors.ts';

describe('toSignInError', () => {
  it('keeps what follows # in a namespaced __type', () => {
    expect(toSignInError({ __type: 'com.amazonaws.cognito#CodeMismatchException', message: 'Invalid code.' })).toEqual({
      code: 'CodeMismatchException',
      retryable: false,
      detail: 'Invalid code.',
    });
  });

  it('reads the x-amzn-ErrorType header form "Name:"', () => {
    expect(fromErrorType('NotAuthorizedException:').code).toBe('NotAuthorizedException');
  });

  it('maps an unknown __type to UnexpectedResponse and keeps the raw value in detail', () => {
    expect(toSignInError({ __type: 'BrandNewException', message: 'new' })).toEqual({
      code: 'UnexpectedResponse',
      retryable: false,
      detail: 'BrandNewException: new',
    });
  });

  it('treats a fetch TypeError as a retryable network failure', () => {
    expect(toSignInError(new TypeError('fetch failed'))).toMatchObject({ code: 'NetworkError', retryable: true });
  });

  it('marks throttling and server faults retryable, user mistakes not', () => {
    expect(toSignInError({ __type: 'TooManyRequestsException' }).retryable).toBe(true);
    expect(toSignInError({ __type: 'InternalErrorException' }).retryable).toBe(true);
    expect(toSignInError({ __type: 'NotAuthorizedException' }).retryable).toBe(false);
  });

  it('unwraps a CognitoServiceError to its plain data', () => {
    const data = { code: 'ExpiredCodeException', retryable: false } as const;
    expect(toSignInError(new CognitoServiceError(data))).toBe(data);
  });

  it('returns plain data that survives JSON round trips', () => {
    const error = toSignInError(new Error('boom'));
    expect(JSON.parse(JSON.stringify(error))).toEqual(error);
    expect(error.code).toBe('UnexpectedResponse');
  });
});
