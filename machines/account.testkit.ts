// Test kit for the account machines: a scripted AccountCognitoPort recording every request it receives.
import type { AccountCognitoPort } from './accountActors.ts';
import { CognitoServiceError, type CognitoErrorCode } from './errors.ts';

type Method = Exclude<keyof AccountCognitoPort, 'secretHash'>;

/** A Cognito failure as the transport throws it. */
export function cognitoFailure(code: CognitoErrorCode, detail?: string): CognitoServiceError {
  return new CognitoServiceError(
    detail === undefined ? { code, retryable: false } : { code, retryable: false, detail },
  );
}

export type Script = { [K in Method]?: (Awaited<ReturnType<AccountCognitoPort[K]>> | Error)[] };

/** Answers each method from its script, in order ({} when the script is empty); an Error in the script is thrown. */
export function scriptedPort(script: Script) {
  const requests: { operation: Method; request: unknown }[] = [];
  const answer = (operation: Method) => async (request: unknown) => {
    requests.push({ operation, request });
    await Promise.resolve();
    const next: unknown = script[operation]?.shift() ?? {};
    if (next instanceof Error) throw next;
    // The script is typed per method above; here one function serves every method.
    return next as never;
  };
  const port: AccountCognitoPort = {
    signUp: answer('signUp'),
    confirmSignUp: answer('confirmSignUp'),
    resendConfirmationCode: answer('resendConfirmationCode'),
    forgotPassword: answer('forgotPassword'),
    confirmForgotPassword: answer('confirmForgotPassword'),
    changePassword: answer('changePassword'),
    updateUserAttributes: answer('updateUserAttributes'),
    verifyUserAttribute: answer('verifyUserAttribute'),
    getUserAttributeVerificationCode: answer('getUserAttributeVerificationCode'),
    setUserMFAPreference: answer('setUserMFAPreference'),
    listDevices: answer('listDevices'),
    associateSoftwareToken: answer('associateSoftwareToken'),
    verifySoftwareToken: answer('verifySoftwareToken'),
    forgetDevice: answer('forgetDevice'),
  };
  return { port, requests, operations: () => requests.map((entry) => entry.operation) };
}
