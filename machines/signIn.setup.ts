// The sign-in machine's setup: its types, actors (stubs), guards and actions, and the transitions its states share.
import { assign, setup } from 'xstate';
import type { CognitoErrorCode, SignInError } from './errors.ts';
import { errorParams, notProvided } from './machineParts.ts';
import type { ChallengeName, MfaType, PreferredChallenge, StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';
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
  SignInContext,
  SignInEvent,
  SignInInput,
  SignInOutput,
  SignInTag,
  VerifySoftwareTokenInput,
  VerifySoftwareTokenOutput,
  WebAuthnCeremonyInput,
} from './types.ts';

const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

function isMfaType(value: unknown): value is MfaType {
  return typeof value === 'string' && (MFA_TYPES as readonly string[]).includes(value);
}

/** `MFAS_CAN_CHOOSE` / `MFAS_CAN_SETUP` are JSON strings inside a string map. */
function parseMfaTypes(raw: string | undefined): MfaType[] {
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isMfaType) : [];
  } catch {
    return [];
  }
}

/** `requiredAttributes` is a JSON array of `"userAttributes.<name>"`. */
function parseRequiredAttributes(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((item): item is string => typeof item === 'string')
      .map((name) => name.replace(/^userAttributes\./, ''));
  } catch {
    return [];
  }
}

/** The fields every request needs, read from context (pure). */
export function requestBase(context: SignInContext): RequestBase {
  return {
    userPoolId: context.userPoolId,
    clientId: context.clientId,
    username: context.challengeUsername ?? context.username,
    session: context.session,
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

/** The per-attempt fields, as a new attempt (and the machine's first context) starts them. */
export function emptyAttempt() {
  return {
    password: null,
    srp: null,
    session: null,
    challengeName: null,
    challengeParameters: {},
    availableChallenges: [],
    codeDelivery: null,
    mfaTypes: [],
    requiredAttributes: [],
    totpSetup: null,
    answer: null,
    newPassword: null,
    newPasswordAttributes: {},
    mfaType: null,
    selectedChallenge: null,
    credentialRequestOptions: null,
    callClientMetadata: null,
  } satisfies Partial<SignInContext>;
}

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
    isChallenge: ({ context }, params: { name: ChallengeName }) => context.challengeName === params.name,
    hasTokens: ({ context }) => context.challengeName === null && context.tokens !== null,
    canSetUpTotp: ({ context }) => context.mfaTypes.includes('SOFTWARE_TOKEN_MFA'),
    hasUsername: (_, params: { username: string }) => params.username.trim() !== '',
    /** A factor Cognito offered; PASSWORD and PASSWORD_SRP need the password with the pick. */
    isOfferedChallenge: ({ context }, params: { challenge: PreferredChallenge; hasPassword: boolean }) =>
      context.availableChallenges.includes(params.challenge) &&
      (params.hasPassword || (params.challenge !== 'PASSWORD' && params.challenge !== 'PASSWORD_SRP')),
    /** WEB_AUTHN can only be answered with the CREDENTIAL_REQUEST_OPTIONS to sign. */
    isAnswerableWebAuthn: ({ context }) =>
      context.challengeName === 'WEB_AUTHN' && context.credentialRequestOptions !== null,
    /** The user closed the passkey dialog (or it timed out): the Session is still good, so they may try again. */
    isCeremonyRefused: (_, params: { error: SignInError }) => params.error.code === 'NotAllowedError',
    isOfferedMfaType: ({ context }, params: { mfaType: MfaType }) => context.mfaTypes.includes(params.mfaType),
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
        ...emptyAttempt(),
        username: params.username.trim(),
        challengeUsername: null,
        password: params.password,
        callClientMetadata: params.clientMetadata,
        error: null,
      }),
    ),
    acceptSignUpSession: assign((_, params: { username: string; session: Secret<string> }) => ({
      ...emptyAttempt(),
      username: params.username.trim(),
      challengeUsername: null,
      session: params.session,
      error: null,
    })),
    applyOutcome: assign(({ context }, params: { outcome: AuthOutcome }) => {
      const { step, srp, device } = params.outcome;
      const kept = {
        srp: srp ?? context.srp,
        device: device === undefined ? context.device : device,
        answer: null,
        newPassword: null,
        newPasswordAttributes: {},
        callClientMetadata: null,
        error: null,
      };
      if (step.kind === 'tokens') {
        return {
          ...kept,
          srp: null,
          password: null,
          mfaTypes: [],
          requiredAttributes: [],
          totpSetup: null,
          session: null,
          challengeName: null,
          challengeParameters: {},
          credentialRequestOptions: null,
          selectedChallenge: null,
          tokens: step.tokens,
          claims: step.claims,
          newDevice: step.newDevice,
        };
      }
      const parameters = step.challengeParameters;
      const medium = parameters.CODE_DELIVERY_DELIVERY_MEDIUM;
      const destination = parameters.CODE_DELIVERY_DESTINATION;
      return {
        ...kept,
        // The password is only needed to answer PASSWORD_VERIFIER; any other step drops it.
        password: step.challengeName === 'PASSWORD_VERIFIER' ? context.password : null,
        session: step.session,
        challengeName: step.challengeName,
        challengeParameters: parameters,
        availableChallenges: step.availableChallenges,
        credentialRequestOptions: step.credentialRequestOptions ?? null,
        selectedChallenge: null,
        // USERNAME must be USER_ID_FOR_SRP from ChallengeParameters, not what was typed.
        challengeUsername: parameters.USER_ID_FOR_SRP ?? parameters.USERNAME ?? context.challengeUsername,
        codeDelivery:
          medium !== undefined || destination !== undefined
            ? { medium: medium ?? null, destination: destination ?? null }
            : context.codeDelivery,
        mfaTypes: parseMfaTypes(parameters.MFAS_CAN_CHOOSE ?? parameters.MFAS_CAN_SETUP),
        requiredAttributes: parseRequiredAttributes(parameters.requiredAttributes),
      };
    }),
    setError: assign((_, params: { error: SignInError }) => ({ error: params.error })),
    unsupportedChallenge: assign(({ context }) => ({
      ...emptyAttempt(),
      error: {
        code: 'UnsupportedChallenge',
        retryable: false,
        detail: context.challengeName ?? 'unknown',
      } satisfies SignInError,
    })),
    /** The password and SRP handle live only until the verifier claim is computed. */
    dropPassword: assign({ password: null, srp: null }),
    dropSrp: assign({ srp: null }),
    /** Cancel / failure: forget everything of this attempt, keep the username. */
    dropAttempt: assign(() => emptyAttempt()),
    clearError: assign({ error: null }),
    storeAnswer: assign((_, params: { answer: Secret<string>; clientMetadata: StringMap | null }) => ({
      answer: params.answer,
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    storeSelectedChallenge: assign(
      (
        _,
        params: { challenge: PreferredChallenge; password: Secret<string> | null; clientMetadata: StringMap | null },
      ) => ({
        selectedChallenge: params.challenge,
        password: params.password,
        callClientMetadata: params.clientMetadata,
        error: null,
      }),
    ),
    /** The assertion (a passkey credential) lives in `answer` only until RespondToAuthChallenge ends. */
    storeCredential: assign((_, params: { credential: Secret<string> }) => ({
      answer: params.credential,
      error: null,
    })),
    storeMfaType: assign((_, params: { mfaType: MfaType; clientMetadata: StringMap | null }) => ({
      mfaType: params.mfaType,
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    storeNewPassword: assign(
      (_, params: { password: Secret<string>; attributes: StringMap; clientMetadata: StringMap | null }) => ({
        newPassword: params.password,
        newPasswordAttributes: params.attributes,
        callClientMetadata: params.clientMetadata,
        error: null,
      }),
    ),
    clearAnswer: assign({ answer: null, newPassword: null, newPasswordAttributes: {}, callClientMetadata: null }),
    applyTotpSecret: assign(({ context }, params: { output: AssociateSoftwareTokenOutput }) => ({
      session: params.output.session ?? context.session,
      totpSetup: {
        secretCode: params.output.secretCode,
        label: context.username,
        issuer: context.totpIssuer,
      },
    })),
    applyVerifiedSession: assign(({ context }, params: { output: VerifySoftwareTokenOutput }) => ({
      session: params.output.session ?? context.session,
      answer: null,
      totpSetup: null,
    })),
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

export const codeParams = ({ event }: { event: { code: Secret<string>; clientMetadata?: StringMap } }) => ({
  answer: event.code,
  clientMetadata: event.clientMetadata ?? null,
});

export const answerInput = ({ context }: { context: SignInContext }): AnswerInput => {
  if (context.answer === null) throw new Error('no answer to send');
  return { base: requestBase(context), answer: context.answer };
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
        on: { 'code.submit': { target: 'responding', actions: { type: 'storeAnswer', params: codeParams } } },
      },
      responding: {
        tags: ['busy'],
        exit: 'clearAnswer',
        invoke: { id: src, src, input: answerInput, onDone: toNextStep, onError: stepErrors },
      },
    },
  });
}
