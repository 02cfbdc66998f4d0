// Cognito transport for sign-in: one fetch POST per operation (AWS JSON 1.1, X-Amz-Target); failures throw CognitoServiceError.
import type { CognitoPort } from '../../machines/ports.ts';
import type { CognitoOperation, CognitoOperations } from '../../machines/protocol.ts';
import { createAwsJsonClient, type CognitoHttpOptions } from './awsJson.ts';

export { ClientSecretInBrowserError, type CognitoHttpOptions } from './awsJson.ts';

/** A CognitoPort over fetch. */
export function createCognitoHttp(options: CognitoHttpOptions): CognitoPort {
  const client = createAwsJsonClient(options);
  // The wire shapes are Cognito's; the actors check the members they rely on, as both official clients do.
  const call = <K extends CognitoOperation>(
    operation: K,
    request: CognitoOperations[K][0],
  ): Promise<CognitoOperations[K][1]> => client.call(operation, request);

  const port: CognitoPort = {
    initiateAuth: (request) => call('InitiateAuth', request),
    respondToAuthChallenge: (request) => call('RespondToAuthChallenge', request),
    associateSoftwareToken: (request) => call('AssociateSoftwareToken', request),
    verifySoftwareToken: (request) => call('VerifySoftwareToken', request),
    confirmDevice: (request) => call('ConfirmDevice', request),
    updateDeviceStatus: (request) => call('UpdateDeviceStatus', request),
    forgetDevice: (request) => call('ForgetDevice', request),
    revokeToken: (request) => call('RevokeToken', request),
    globalSignOut: (request) => call('GlobalSignOut', request),
  };
  return client.secretHash === undefined ? port : { ...port, secretHash: client.secretHash };
}
