// The real actors: one fromPromise per Cognito call, building requests from context and wrapping secrets in answers.
import { fromPromise } from 'xstate';
import { readClaims } from './claims.ts';
import { callCognito, unexpected } from './cognitoCall.ts';
import { CognitoServiceError } from './errors.ts';
import type { DeviceRecord, SignInPorts, SrpEphemeral } from './ports.ts';
import type {
  AuthResponse,
  ChallengeName,
  InitiateAuthRequest,
  RespondToAuthChallengeRequest,
  StringMap,
} from './protocol.ts';
import { secret, type Secret } from './secret.ts';
import type {
  AnswerInput,
  AssociateSoftwareTokenOutput,
  AuthOutcome,
  AuthStep,
  DevicePasswordVerifierInput,
  DeviceSrpAuthInput,
  InitiateAuthInput,
  MfaSetupInput,
  NewPasswordInput,
  PasswordVerifierInput,
  RequestBase,
  SelectChallengeInput,
  SelectMfaTypeInput,
  TokenSet,
  VerifySoftwareTokenInput,
  VerifySoftwareTokenOutput,
  WebAuthnCeremonyInput,
} from './types.ts';

/** The SRP pool name is the part of the pool id after `_`. */
function poolName(userPoolId: string): string {
  return userPoolId.split('_')[1] ?? userPoolId;
}

function now(ports: SignInPorts): Date {
  return ports.now?.() ?? new Date();
}

/** ClientMetadata, UserContextData and AnalyticsMetadata, as every sign-in call accepts them. */
function optionalFields(
  ports: SignInPorts,
  base: RequestBase,
): Pick<InitiateAuthRequest, 'ClientMetadata' | 'UserContextData' | 'AnalyticsMetadata'> {
  const fields: Pick<InitiateAuthRequest, 'ClientMetadata' | 'UserContextData' | 'AnalyticsMetadata'> = {};
  if (base.clientMetadata !== null) fields.ClientMetadata = base.clientMetadata;
  const userContextData = ports.userContextData?.(base.username);
  if (userContextData !== undefined) fields.UserContextData = userContextData;
  if (base.analyticsEndpointId !== null) fields.AnalyticsMetadata = { AnalyticsEndpointId: base.analyticsEndpointId };
  return fields;
}

/** USERNAME, SECRET_HASH (clients with a secret) and DEVICE_KEY (tracked devices). */
async function identity(ports: SignInPorts, username: string, device: DeviceRecord | null): Promise<StringMap> {
  const fields: StringMap = { USERNAME: username };
  if (ports.cognito.secretHash) fields.SECRET_HASH = await ports.cognito.secretHash(username);
  if (device !== null) fields.DEVICE_KEY = device.deviceKey;
  return fields;
}

function toTokens(
  ports: SignInPorts,
  response: AuthResponse,
  previousRefresh: Secret<string> | null,
): { tokens: TokenSet; idToken: string } {
  const result = response.AuthenticationResult;
  if (result?.AccessToken === undefined || result.IdToken === undefined)
    throw unexpected('AuthenticationResult without tokens');
  return {
    idToken: result.IdToken,
    tokens: {
      idToken: secret(result.IdToken),
      accessToken: secret(result.AccessToken),
      refreshToken: result.RefreshToken === undefined ? previousRefresh : secret(result.RefreshToken),
      expiresAt: now(ports).getTime() + (result.ExpiresIn ?? 3600) * 1000,
    },
  };
}

/** Converts InitiateAuth / RespondToAuthChallenge output into an AuthStep, wrapping Session and tokens. */
function toStep(ports: SignInPorts, response: AuthResponse): AuthStep {
  if (response.AuthenticationResult !== undefined) {
    const { tokens, idToken } = toTokens(ports, response, null);
    const metadata = response.AuthenticationResult.NewDeviceMetadata;
    const newDevice =
      metadata?.DeviceKey !== undefined && metadata.DeviceGroupKey !== undefined
        ? { deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey }
        : null;
    return { kind: 'tokens', tokens, claims: readClaims(idToken), newDevice };
  }
  if (response.ChallengeName === undefined) throw unexpected('neither ChallengeName nor AuthenticationResult');
  // CREDENTIAL_REQUEST_OPTIONS holds the WebAuthn challenge: redacted like the Session, never a plain parameter.
  const { CREDENTIAL_REQUEST_OPTIONS: requestOptions, ...challengeParameters } = response.ChallengeParameters ?? {};
  return {
    kind: 'challenge',
    challengeName: response.ChallengeName,
    challengeParameters,
    session: response.Session === undefined ? null : secret(response.Session),
    availableChallenges: response.AvailableChallenges ?? [],
    ...(requestOptions === undefined ? {} : { credentialRequestOptions: secret(requestOptions) }),
  };
}

async function respond(
  ports: SignInPorts,
  base: RequestBase,
  challengeName: ChallengeName,
  responses: StringMap,
  device: DeviceRecord | null = base.device,
): Promise<AuthStep> {
  const request: RespondToAuthChallengeRequest = {
    ClientId: base.clientId,
    ChallengeName: challengeName,
    ChallengeResponses: { ...(await identity(ports, base.username, device)), ...responses },
    ...optionalFields(ports, base),
  };
  // The latest Session, unmodified, goes with every answer.
  if (base.session !== null) request.Session = base.session.reveal();
  const response = await callCognito(ports, 'RespondToAuthChallenge', request);
  return toStep(ports, response);
}

function requireParameter(parameters: StringMap, name: string): string {
  const value = parameters[name];
  if (value === undefined) throw unexpected(`challenge parameter ${name} missing`);
  return value;
}

function serverChallenge(parameters: StringMap, ephemeral: SrpEphemeral, ports: SignInPorts) {
  return {
    ephemeral,
    srpB: requireParameter(parameters, 'SRP_B'),
    salt: requireParameter(parameters, 'SALT'),
    secretBlock: requireParameter(parameters, 'SECRET_BLOCK'),
    now: now(ports),
  };
}

function answerActor(ports: SignInPorts, challengeName: ChallengeName, responseKey: string) {
  return fromPromise<AuthOutcome, AnswerInput>(async ({ input }) => ({
    step: await respond(ports, input.base, challengeName, { [responseKey]: input.answer.reveal() }),
    srp: null,
  }));
}

function lookUpDevice(ports: SignInPorts, clientId: string, username: string): DeviceRecord | null {
  return ports.devices?.get(clientId, username) ?? null;
}

/** The real actors for `signInMachine.provide({ actors: signInActors(ports) })`: every call up to the tokens. */
export function signInActors(ports: SignInPorts) {
  return {
    initiateAuth: fromPromise<AuthOutcome, InitiateAuthInput>(async ({ input }) => {
      const { base } = input;
      // A device the machine already holds, else one stored under the typed username (as CognitoUser does).
      const knownDevice = base.device ?? lookUpDevice(ports, base.clientId, base.username);
      const parameters = await identity(ports, base.username, knownDevice);
      if (input.signUpSession !== null) {
        // Sign-in after sign-up (API_ConfirmSignUp): USER_AUTH with the Session, no factor to choose or prove.
        const request: InitiateAuthRequest = {
          AuthFlow: 'USER_AUTH',
          ClientId: base.clientId,
          AuthParameters: parameters,
          Session: input.signUpSession.reveal(),
          ...optionalFields(ports, base),
        };
        return {
          step: toStep(ports, await callCognito(ports, 'InitiateAuth', request)),
          srp: null,
          device: knownDevice,
        };
      }
      let ephemeral: SrpEphemeral | null = null;
      const usesSrp =
        input.authFlow === 'USER_SRP_AUTH' ||
        input.authFlow === 'CUSTOM_AUTH_SRP' ||
        (input.authFlow === 'USER_AUTH' && input.preferredChallenge === 'PASSWORD_SRP');
      if (usesSrp) {
        ephemeral = await ports.srp.createEphemeral();
        parameters.SRP_A = ephemeral.srpA;
      }
      if (input.authFlow === 'CUSTOM_AUTH_SRP') parameters.CHALLENGE_NAME = 'SRP_A';
      // No PREFERRED_CHALLENGE: Cognito answers SELECT_CHALLENGE with the factors this user may use.
      if (input.authFlow === 'USER_AUTH' && input.preferredChallenge !== null)
        parameters.PREFERRED_CHALLENGE = input.preferredChallenge;
      const sendsPassword =
        input.authFlow === 'USER_PASSWORD_AUTH' ||
        (input.authFlow === 'USER_AUTH' && input.preferredChallenge === 'PASSWORD');
      if (sendsPassword) {
        if (input.password === null) throw unexpected('no password to send');
        parameters.PASSWORD = input.password.reveal();
      }
      const request: InitiateAuthRequest = {
        AuthFlow: input.authFlow === 'CUSTOM_AUTH_SRP' ? 'CUSTOM_AUTH' : input.authFlow,
        ClientId: base.clientId,
        AuthParameters: parameters,
        ...optionalFields(ports, base),
      };
      const response = await callCognito(ports, 'InitiateAuth', request);
      const step = toStep(ports, response);
      // The client loads its cached device once USER_ID_FOR_SRP is known, so DEVICE_KEY rides on PASSWORD_VERIFIER.
      const userIdForSrp = step.kind === 'challenge' ? step.challengeParameters.USER_ID_FOR_SRP : undefined;
      const device =
        userIdForSrp === undefined ? knownDevice : (lookUpDevice(ports, base.clientId, userIdForSrp) ?? knownDevice);
      return { step, srp: ephemeral, device };
    }),

    respondToPasswordVerifier: fromPromise<AuthOutcome, PasswordVerifierInput>(async ({ input }) => {
      const parameters = input.challengeParameters;
      const userIdForSrp = parameters.USER_ID_FOR_SRP ?? input.base.username;
      const claim = await ports.srp.passwordClaim({
        ...serverChallenge(parameters, input.srp, ports),
        poolName: poolName(input.base.userPoolId),
        userIdForSrp,
        password: input.password,
      });
      const step = await respond(ports, { ...input.base, username: userIdForSrp }, 'PASSWORD_VERIFIER', {
        PASSWORD_CLAIM_SECRET_BLOCK: requireParameter(parameters, 'SECRET_BLOCK'),
        PASSWORD_CLAIM_SIGNATURE: claim.signature,
        TIMESTAMP: claim.timestamp,
      });
      return { step, srp: null };
    }),

    respondToSmsMfa: answerActor(ports, 'SMS_MFA', 'SMS_MFA_CODE'),
    respondToSoftwareTokenMfa: answerActor(ports, 'SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA_CODE'),
    respondToEmailOtp: answerActor(ports, 'EMAIL_OTP', 'EMAIL_OTP_CODE'),
    respondToSmsOtp: answerActor(ports, 'SMS_OTP', 'SMS_OTP_CODE'),
    respondToCustomChallenge: answerActor(ports, 'CUSTOM_CHALLENGE', 'ANSWER'),

    // SELECT_CHALLENGE is answered with ANSWER, plus PASSWORD or SRP_A in the same call (API_RespondToAuthChallenge).
    respondToSelectChallenge: fromPromise<AuthOutcome, SelectChallengeInput>(async ({ input }) => {
      const responses: StringMap = { ANSWER: input.challenge };
      let ephemeral: SrpEphemeral | null = null;
      if (input.challenge === 'PASSWORD' || input.challenge === 'PASSWORD_SRP') {
        if (input.password === null) throw unexpected('no password to send');
        if (input.challenge === 'PASSWORD') responses.PASSWORD = input.password.reveal();
        else {
          ephemeral = await ports.srp.createEphemeral();
          responses.SRP_A = ephemeral.srpA;
        }
      }
      return { step: await respond(ports, input.base, 'SELECT_CHALLENGE', responses), srp: ephemeral };
    }),

    getWebAuthnCredential: fromPromise<Secret<string>, WebAuthnCeremonyInput>(({ input }) => {
      if (ports.webAuthn === undefined)
        return Promise.reject(new CognitoServiceError({ code: 'WebAuthnUnavailable', retryable: false }));
      return ports.webAuthn.getCredential(input.requestOptions);
    }),

    respondToWebAuthn: answerActor(ports, 'WEB_AUTHN', 'CREDENTIAL'),

    respondToSelectMfaType: fromPromise<AuthOutcome, SelectMfaTypeInput>(async ({ input }) => ({
      step: await respond(ports, input.base, 'SELECT_MFA_TYPE', { ANSWER: input.mfaType }),
      srp: null,
    })),

    respondToNewPasswordRequired: fromPromise<AuthOutcome, NewPasswordInput>(async ({ input }) => {
      const responses: StringMap = { NEW_PASSWORD: input.newPassword.reveal() };
      for (const [name, value] of Object.entries(input.attributes)) responses[`userAttributes.${name}`] = value;
      return { step: await respond(ports, input.base, 'NEW_PASSWORD_REQUIRED', responses), srp: null };
    }),

    respondToMfaSetup: fromPromise<AuthOutcome, MfaSetupInput>(async ({ input }) => ({
      step: await respond(ports, input.base, 'MFA_SETUP', {}),
      srp: null,
    })),

    respondToDeviceSrpAuth: fromPromise<AuthOutcome, DeviceSrpAuthInput>(async ({ input }) => {
      const ephemeral = await ports.srp.createEphemeral();
      const step = await respond(ports, input.base, 'DEVICE_SRP_AUTH', { SRP_A: ephemeral.srpA }, input.device);
      return { step, srp: ephemeral };
    }),

    respondToDevicePasswordVerifier: fromPromise<AuthOutcome, DevicePasswordVerifierInput>(async ({ input }) => {
      const parameters = input.challengeParameters;
      const claim = await ports.srp.deviceClaim({
        ...serverChallenge(parameters, input.srp, ports),
        deviceGroupKey: input.device.deviceGroupKey,
        deviceKey: input.device.deviceKey,
        devicePassword: input.device.devicePassword,
      });
      const step = await respond(
        ports,
        input.base,
        'DEVICE_PASSWORD_VERIFIER',
        {
          PASSWORD_CLAIM_SECRET_BLOCK: requireParameter(parameters, 'SECRET_BLOCK'),
          PASSWORD_CLAIM_SIGNATURE: claim.signature,
          TIMESTAMP: claim.timestamp,
        },
        input.device,
      );
      return { step, srp: null };
    }),

    associateSoftwareToken: fromPromise<AssociateSoftwareTokenOutput, MfaSetupInput>(async ({ input }) => {
      const session = input.base.session;
      if (session === null) throw unexpected('MFA_SETUP without a Session');
      const response = await callCognito(ports, 'AssociateSoftwareToken', { Session: session.reveal() });
      if (response.SecretCode === undefined) throw unexpected('AssociateSoftwareToken without SecretCode');
      return {
        secretCode: secret(response.SecretCode),
        session: response.Session === undefined ? null : secret(response.Session),
      };
    }),

    verifySoftwareToken: fromPromise<VerifySoftwareTokenOutput, VerifySoftwareTokenInput>(async ({ input }) => {
      const session = input.base.session;
      if (session === null) throw unexpected('MFA_SETUP without a Session');
      const response = await callCognito(ports, 'VerifySoftwareToken', {
        Session: session.reveal(),
        UserCode: input.code.reveal(),
      });
      if (response.Status !== 'SUCCESS')
        throw new CognitoServiceError({ code: 'EnableSoftwareTokenMFAException', retryable: false });
      return { session: response.Session === undefined ? null : secret(response.Session) };
    }),
  };
}
