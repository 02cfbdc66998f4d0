// The Cognito transport for every flow: one fetch POST per operation (AWS JSON 1.1, X-Amz-Target); failures throw CognitoServiceError.
import type { CognitoPort } from '../../machines/ports.ts';
import type { Operation, Operations } from '../../machines/protocol.ts';
import { secret } from '../../machines/secret.ts';
import { createAwsJsonClient, type CognitoHttpOptions } from './awsJson.ts';

export { ClientSecretInBrowserError, type CognitoHttpOptions } from './awsJson.ts';

/** A CognitoPort over fetch, for sign-in, sign-up, password reset and account calls alike. */
export function createCognitoHttp(options: CognitoHttpOptions): CognitoPort {
  const client = createAwsJsonClient(options);
  // The wire shapes are Cognito's; the actors check the members they rely on, as both official clients do.
  const call = <Op extends Operation>(
    operation: Op,
    request: Operations[Op]['request'],
  ): Promise<Operations[Op]['response']> => client.call(operation, request);
  const { secretHash, clientSecret } = client;
  if (secretHash === undefined || clientSecret === undefined) return { call };
  return { call, secretHash, clientSecret: () => secret(clientSecret) };
}
