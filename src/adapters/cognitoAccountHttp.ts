// Cognito transport for the account calls (sign-up, password reset, self-service): same wire and errors as sign-in.
import type { AccountCognitoPort } from '../../machines/accountActors.ts';
import type { AccountOperation, AccountOperations } from '../../machines/accountProtocol.ts';
import { createAwsJsonClient, type CognitoHttpOptions } from './awsJson.ts';

/** An AccountCognitoPort over fetch (AWS JSON 1.1, X-Amz-Target), for `signUpActors`, `forgotPasswordActors`, `accountActors`. */
export function createCognitoAccountHttp(options: CognitoHttpOptions): AccountCognitoPort {
  const client = createAwsJsonClient(options);
  // The wire shapes are Cognito's; we trust the service for their members, as both official clients do.
  const call = <K extends AccountOperation>(
    operation: K,
    request: AccountOperations[K][0],
  ): Promise<AccountOperations[K][1]> => client.call(operation, request);

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
  return client.secretHash === undefined ? port : { ...port, secretHash: client.secretHash };
}
