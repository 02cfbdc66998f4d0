// The passkey registration's real actors: StartWebAuthnRegistration, the WebAuthn port's create(), CompleteWebAuthnRegistration.
import { fromPromise } from 'xstate';
import type { CompletePasskeyCallInput, PasskeyCeremonyInput, SignedInCallBase } from './accountTypes.ts';
import { callCognito } from './cognitoCall.ts';
import { CognitoServiceError } from './errors.ts';
import type { CognitoPorts, WebAuthnPort } from './ports.ts';
import { secret, type Secret } from './secret.ts';

/** What registering a passkey needs: the Cognito ports and the browser's ceremony. */
export interface PasskeyPorts extends CognitoPorts {
  /** Registers passkeys (`createCredential`); without it a registration fails as WebAuthnUnavailable. */
  readonly webAuthn?: WebAuthnPort;
}

/** Actors for `passkeyRegistrationMachine.provide({ actors: passkeyRegistrationActors(ports) })`. */
export function passkeyRegistrationActors(ports: PasskeyPorts) {
  return {
    startWebAuthnRegistration: fromPromise<Secret<string>, { base: SignedInCallBase }>(async ({ input }) => {
      const response = await callCognito(ports, 'StartWebAuthnRegistration', {
        AccessToken: input.base.accessToken.reveal(),
      });
      // The options carry the registration challenge: they stay redacted until the ceremony reads them.
      return secret(JSON.stringify(response.CredentialCreationOptions));
    }),

    createPasskey: fromPromise<Secret<string>, PasskeyCeremonyInput>(({ input }) => {
      const create = ports.webAuthn?.createCredential;
      if (create === undefined)
        return Promise.reject(new CognitoServiceError({ code: 'WebAuthnUnavailable', retryable: false }));
      return create(input.creationOptions);
    }),

    completeWebAuthnRegistration: fromPromise<null, CompletePasskeyCallInput>(async ({ input }) => {
      await callCognito(ports, 'CompleteWebAuthnRegistration', {
        AccessToken: input.base.accessToken.reveal(),
        Credential: JSON.parse(input.credential.reveal()) as Record<string, unknown>,
      });
      return null;
    }),
  };
}
