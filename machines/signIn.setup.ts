// The sign-in machine's setup: its types, actors (stubs), guards and actions, and the transitions its states share.
import { assertEvent, assign, setup } from 'xstate';
import type { CognitoErrorCode, SignInError } from './errors.ts';
import { errorParams, notProvided } from './machineParts.ts';
import type { MfaType, PreferredChallenge, StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';
import { assertAttempt, attemptAfter, attemptSession, isAttempt, NO_ATTEMPT } from './signIn.attempt.ts';
import type {
  AnswerInput,
  AssociateSoftwareTokenOutput,
  AuthOutcome,
  DevicePasswordVerifierInput,
  DeviceSrpAuthInput,
  InitiateAuthInput,
  MfaSetupInput,
  NewPasswordInput,
  PasswordVerifierInput,
  RequestBase,
  SelectChallengeInput,
  SelectMfaTypeInput,
  SignInAttempt,
  SignInContext,
  SignInEvent,
  SignInInput,
  SignInOutput,
  SignInTag,
  VerifySoftwareTokenInput,
  VerifySoftwareTokenOutput,
  WebAuthnCeremonyInput,
} from './types.ts';

/** The fields every request needs, read from context (pure). */
export function requestBase(context: SignInContext): RequestBase {
  return {
    userPoolId: context.userPoolId,
    clientId: context.clientId,
    username: context.challengeUsername ?? context.username,
    session: attemptSession(context.attempt),
    clientMetadata: context.callClientMetadata ?? context.clientMetadata,
    analyticsEndpointId: context.analyticsEndpointId,
    device: context.device,
  };
}

/** Errors after which the user can try the same step again. */
const RECOVERABLE_IN_STEP: ReadonlySet<CognitoErrorCode> = new Set<CognitoErrorCode>([
  'CodeMismatchException',
  'ExpiredCodeException',
  'InvalidPasswordException',
  'InvalidParameterException',
  'EnableSoftwareTokenMFAException',
  'NetworkError',
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalErrorException',
  'CodeDeliveryFailureException',
  'UserLambdaValidationException',
]);

const outcomeParams = ({ event }: { event: { output: AuthOutcome } }) => ({ outcome: event.output });

/** The sign-in machine's setup, for `provide()` and typed extensions. */
export const signInMachineSetup = setup({
  types: {
    context: {} as SignInContext,
    events: {} as SignInEvent,
    input: {} as SignInInput,
    output: {} as SignInOutput | null,
    tags: {} as SignInTag,
  },
  actors: {
    initiateAuth: notProvided<AuthOutcome, InitiateAuthInput>('initiateAuth'),
    respondToPasswordVerifier: notProvided<AuthOutcome, PasswordVerifierInput>('respondToPasswordVerifier'),
    respondToSmsMfa: notProvided<AuthOutcome, AnswerInput>('respondToSmsMfa'),
    respondToSoftwareTokenMfa: notProvided<AuthOutcome, AnswerInput>('respondToSoftwareTokenMfa'),
    respondToEmailOtp: notProvided<AuthOutcome, AnswerInput>('respondToEmailOtp'),
    respondToSmsOtp: notProvided<AuthOutcome, AnswerInput>('respondToSmsOtp'),
    respondToSelectChallenge: notProvided<AuthOutcome, SelectChallengeInput>('respondToSelectChallenge'),
    getWebAuthnCredential: notProvided<Secret<string>, WebAuthnCeremonyInput>('getWebAuthnCredential'),
    respondToWebAuthn: notProvided<AuthOutcome, AnswerInput>('respondToWebAuthn'),
    respondToSelectMfaType: notProvided<AuthOutcome, SelectMfaTypeInput>('respondToSelectMfaType'),
    respondToNewPasswordRequired: notProvided<AuthOutcome, NewPasswordInput>('respondToNewPasswordRequired'),
    respondToCustomChallenge: notProvided<AuthOutcome, AnswerInput>('respondToCustomChallenge'),
    respondToMfaSetup: notProvided<AuthOutcome, MfaSetupInput>('respondToMfaSetup'),
    respondToDeviceSrpAuth: notProvided<AuthOutcome, DeviceSrpAuthInput>('respondToDeviceSrpAuth'),
    respondToDevicePasswordVerifier: notProvided<AuthOutcome, DevicePasswordVerifierInput>(
      'respondToDevicePasswordVerifier',
    ),
    associateSoftwareToken: notProvided<AssociateSoftwareTokenOutput, MfaSetupInput>('associateSoftwareToken'),
    verifySoftwareToken: notProvided<VerifySoftwareTokenOutput, VerifySoftwareTokenInput>('verifySoftwareToken'),
  },
  guards: {
    isAttempt: ({ context }, params: { kind: SignInAttempt['kind'] }) => context.attempt.kind === params.kind,
    canSetUpTotp: ({ context }) =>
      isAttempt(context.attempt, ['MFA_SETUP']) && context.attempt.mfaTypes.includes('SOFTWARE_TOKEN_MFA'),
    hasUsername: (_, params: { username: string }) => params.username.trim() !== '',
    /** A factor Cognito offered; PASSWORD and PASSWORD_SRP need the password with the pick. */
    isOfferedChallenge: ({ context }, params: { challenge: PreferredChallenge; hasPassword: boolean }) =>
      isAttempt(context.attempt, ['SELECT_CHALLENGE']) &&
      context.attempt.availableChallenges.includes(params.challenge) &&
      (params.hasPassword || (params.challenge !== 'PASSWORD' && params.challenge !== 'PASSWORD_SRP')),
    /** The user closed the passkey dialog (or it timed out): the Session is still good, so they may try again. */
    isCeremonyRefused: (_, params: { error: SignInError }) => params.error.code === 'NotAllowedError',
    isOfferedMfaType: ({ context }, params: { mfaType: MfaType }) =>
      isAttempt(context.attempt, ['SELECT_MFA_TYPE']) && context.attempt.mfaTypes.includes(params.mfaType),
    /** Cognito says NotAuthorized for a dead Session; its message names the session (see docs/protocol.md §6). */
    isSessionExpired: (_, params: { error: SignInError }) =>
      params.error.code === 'NotAuthorizedException' && /session/i.test(params.error.detail ?? ''),
    /** The official client drops its device data and retries when Cognito no longer knows the device. */
    isDeviceNotFound: ({ context }, params: { error: SignInError }) =>
      context.device !== null &&
      params.error.code === 'ResourceNotFoundException' &&
      /device/i.test(params.error.detail ?? ''),
    // A retryable failure (a gateway 5xx, say) never reached Cognito's answer, so the Session and the code are still good.
    isRecoverableInStep: (_, params: { error: SignInError }) =>
      RECOVERABLE_IN_STEP.has(params.error.code) || params.error.retryable,
  },
  actions: {
    acceptCredentials: assign(
      (_, params: { username: string; password: Secret<string>; clientMetadata: StringMap | null }) => ({
        username: params.username.trim(),
        challengeUsername: null,
        attempt: { kind: 'initiating', password: params.password, signUpSession: null } satisfies SignInAttempt,
        callClientMetadata: params.clientMetadata,
        error: null,
      }),
    ),
    acceptSignUpSession: assign((_, params: { username: string; session: Secret<string> }) => ({
      username: params.username.trim(),
      challengeUsername: null,
      attempt: { kind: 'initiating', password: null, signUpSession: params.session } satisfies SignInAttempt,
      callClientMetadata: null,
      error: null,
    })),
    applyOutcome: assign(({ context }, params: { outcome: AuthOutcome }) => {
      const { step } = params.outcome;
      const parameters = step.kind === 'challenge' ? step.challengeParameters : {};
      const device = params.outcome.device === undefined ? context.device : params.outcome.device;
      return {
        attempt: attemptAfter(context.attempt, params.outcome, device),
        device,
        // USERNAME must be USER_ID_FOR_SRP from ChallengeParameters, not what was typed.
        challengeUsername: parameters.USER_ID_FOR_SRP ?? parameters.USERNAME ?? context.challengeUsername,
        callClientMetadata: null,
        error: null,
      };
    }),
    setError: assign((_, params: { error: SignInError }) => ({ error: params.error })),
    unsupportedChallenge: assign(({ context }) => ({
      attempt: NO_ATTEMPT,
      callClientMetadata: null,
      error: {
        code: 'UnsupportedChallenge',
        retryable: false,
        // A challenge variant's kind is its ChallengeName.
        detail: context.attempt.kind === 'unanswerable' ? context.attempt.challengeName : context.attempt.kind,
      } satisfies SignInError,
    })),
    /** Cancel / failure: forget everything of this attempt, keep the username. */
    dropAttempt: assign({ attempt: NO_ATTEMPT, callClientMetadata: null }),
    clearError: assign({ error: null }),
    /** An answer itself is never stored: it goes from its event to the request. Only its ClientMetadata waits. */
    storeCallMetadata: assign((_, params: { clientMetadata: StringMap | null }) => ({
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    clearCallMetadata: assign({ callClientMetadata: null }),
    /** A PASSWORD_SRP pick's password waits for the PASSWORD_VERIFIER that follows it. */
    storePickedPassword: assign(
      ({ context }, params: { password: Secret<string> | null; clientMetadata: StringMap | null }) => ({
        attempt: { ...assertAttempt(context.attempt, 'SELECT_CHALLENGE'), password: params.password },
        callClientMetadata: params.clientMetadata,
        error: null,
      }),
    ),
    /** A password typed for a refused pick must not wait for the next one. */
    dropPickedPassword: assign(({ context }) => ({
      attempt: { ...assertAttempt(context.attempt, 'SELECT_CHALLENGE'), password: null },
    })),
    /** The assertion (a passkey credential) lives only until RespondToAuthChallenge ends. */
    storeCredential: assign(({ context }, params: { credential: Secret<string> }) => ({
      attempt: {
        kind: 'WEB_AUTHN_ASSERTION',
        session: assertAttempt(context.attempt, 'WEB_AUTHN').session,
        credential: params.credential,
      } satisfies SignInAttempt,
      error: null,
    })),
    applyTotpSecret: assign(({ context }, params: { output: AssociateSoftwareTokenOutput }) => {
      const attempt = assertAttempt(context.attempt, 'MFA_SETUP');
      return {
        attempt: {
          ...attempt,
          session: params.output.session ?? attempt.session,
          totpSetup: { secretCode: params.output.secretCode, label: context.username, issuer: context.totpIssuer },
        },
      };
    }),
    applyVerifiedSession: assign(({ context }, params: { output: VerifySoftwareTokenOutput }) => {
      const attempt = assertAttempt(context.attempt, 'MFA_SETUP');
      return { attempt: { ...attempt, session: params.output.session ?? attempt.session, totpSetup: null } };
    }),
    dropDevice: assign({ device: null }),
    // Storage effect: a no-op here, the real one from signInEffects(ports) (see createSignInMachine).
    forgetPersistedDevice: () => undefined,
  },
});

/** Leaves any waiting state for the credentials form, dropping the Session (username kept). */
export const cancelToCredentials = { target: '#signIn.credentials', actions: 'dropAttempt' } as const;

/** Where every InitiateAuth / RespondToAuthChallenge answer goes next. */
export const toNextStep = {
  target: '#signIn.nextStep',
  actions: { type: 'applyOutcome', params: outcomeParams },
} as const;

/** Failure handling shared by the states that answer a challenge with user input. */
export const stepErrors = [
  {
    guard: { type: 'isSessionExpired', params: errorParams },
    target: '#signIn.sessionExpired',
    actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }],
  },
  {
    guard: { type: 'isRecoverableInStep', params: errorParams },
    target: 'awaitingInput',
    actions: { type: 'setError', params: errorParams },
  },
  { target: '#signIn.credentials', actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }] },
] as const;

/** Failure handling for automatic steps (no input to correct): back to credentials, or sessionExpired. */
export const automaticStepErrors = [
  {
    guard: { type: 'isSessionExpired', params: errorParams },
    target: '#signIn.sessionExpired',
    actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }],
  },
  { target: '#signIn.credentials', actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }] },
] as const;

/** A submit event's own ClientMetadata, for the one call it starts. */
export const callMetadataParams = ({ event }: { event: { clientMetadata?: StringMap } }) => ({
  clientMetadata: event.clientMetadata ?? null,
});

/** The code, straight from the `code.submit` that entered the responding state. */
const codeAnswerInput = ({ context, event }: { context: SignInContext; event: SignInEvent }): AnswerInput => {
  assertEvent(event, 'code.submit');
  return { base: requestBase(context), answer: event.code };
};

/** SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP and SMS_OTP: one code, one RespondToAuthChallenge. */
export function codeStep(
  src: 'respondToSmsMfa' | 'respondToSoftwareTokenMfa' | 'respondToEmailOtp' | 'respondToSmsOtp',
  description: string,
) {
  return signInMachineSetup.createStateConfig({
    description,
    initial: 'awaitingInput',
    on: { 'signIn.cancel': cancelToCredentials },
    states: {
      awaitingInput: {
        tags: ['input'],
        on: {
          'code.submit': { target: 'responding', actions: { type: 'storeCallMetadata', params: callMetadataParams } },
        },
      },
      responding: {
        tags: ['busy'],
        exit: 'clearCallMetadata',
        invoke: { id: src, src, input: codeAnswerInput, onDone: toNextStep, onError: stepErrors },
      },
    },
  });
}
