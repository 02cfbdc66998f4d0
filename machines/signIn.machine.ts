// Sign-in statechart over InitiateAuth / RespondToAuthChallenge; states are named after the ChallengeName they answer.
import { assign, emit, setup } from 'xstate';
import type { CognitoErrorCode, SignInError } from './errors.ts';
import { errorParams, notProvided } from './machineParts.ts';
import type { ChallengeName, MfaType, StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';
import type {
  AnswerInput,
  AssociateSoftwareTokenOutput,
  AuthOutcome,
  ConfirmDeviceInput,
  ConfirmDeviceOutput,
  DevicePasswordVerifierInput,
  DeviceSrpAuthInput,
  DeviceStatusInput,
  InitiateAuthInput,
  MfaSetupInput,
  NewPasswordInput,
  PasswordVerifierInput,
  RefreshTokensOutput,
  RequestBase,
  RestoredSession,
  SelectMfaTypeInput,
  SignInContext,
  SignInEmitted,
  SignInEvent,
  SignInInput,
  SignInTag,
  SignOutScope,
  TokenCallInput,
  VerifySoftwareTokenInput,
  VerifySoftwareTokenOutput,
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

function emptyAttempt() {
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
    callClientMetadata: null,
  } satisfies Partial<SignInContext>;
}

export const signInMachineSetup = setup({
  types: {
    context: {} as SignInContext,
    events: {} as SignInEvent,
    input: {} as SignInInput,
    emitted: {} as SignInEmitted,
    tags: {} as SignInTag,
  },
  actors: {
    loadSession: notProvided<RestoredSession | null, { clientId: string }>('loadSession'),
    initiateAuth: notProvided<AuthOutcome, InitiateAuthInput>('initiateAuth'),
    respondToPasswordVerifier: notProvided<AuthOutcome, PasswordVerifierInput>('respondToPasswordVerifier'),
    respondToSmsMfa: notProvided<AuthOutcome, AnswerInput>('respondToSmsMfa'),
    respondToSoftwareTokenMfa: notProvided<AuthOutcome, AnswerInput>('respondToSoftwareTokenMfa'),
    respondToEmailOtp: notProvided<AuthOutcome, AnswerInput>('respondToEmailOtp'),
    respondToSmsOtp: notProvided<AuthOutcome, AnswerInput>('respondToSmsOtp'),
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
    confirmDevice: notProvided<ConfirmDeviceOutput, ConfirmDeviceInput>('confirmDevice'),
    updateDeviceStatus: notProvided<null, DeviceStatusInput>('updateDeviceStatus'),
    forgetDevice: notProvided<null, DeviceStatusInput>('forgetDevice'),
    refreshTokens: notProvided<RefreshTokensOutput, TokenCallInput>('refreshTokens'),
    revokeToken: notProvided<null, TokenCallInput>('revokeToken'),
    globalSignOut: notProvided<null, TokenCallInput>('globalSignOut'),
  },
  guards: {
    isChallenge: ({ context }, params: { name: ChallengeName }) => context.challengeName === params.name,
    hasTokens: ({ context }) => context.challengeName === null && context.tokens !== null,
    needsDeviceConfirmation: ({ context }) =>
      context.challengeName === null && context.tokens !== null && context.newDevice !== null && context.deviceTracking,
    canSetUpTotp: ({ context }) => context.mfaTypes.includes('SOFTWARE_TOKEN_MFA'),
    hasUsername: (_, params: { username: string }) => params.username.trim() !== '',
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
    isNotAuthorized: (_, params: { error: SignInError }) => params.error.code === 'NotAuthorizedException',
    userMustConfirmDevice: (_, params: { output: ConfirmDeviceOutput }) => params.output.userConfirmationNecessary,
    wantsToRemember: (_, params: { remember: boolean }) => params.remember,
    isRestored: (_, params: { restored: RestoredSession | null }) => params.restored !== null,
    hasDevice: ({ context }) => context.device !== null,
    shouldRestore: ({ context }) => context.restoreSession,
    /** A credentials.submit arrived while the stored session was being restored (only acceptCredentials sets a password). */
    hasPendingCredentials: ({ context }) => context.password !== null,
    isRevoke: ({ context }, params: { scope: SignOutScope | undefined }) =>
      (params.scope ?? 'revoke') === 'revoke' && context.tokens?.refreshToken != null,
    isGlobal: (_, params: { scope: SignOutScope | undefined }) => params.scope === 'global',
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
    applyConfirmedDevice: assign((_, params: { output: ConfirmDeviceOutput }) => ({
      device: params.output.device,
      newDevice: null,
    })),
    storeRememberChoice: assign((_, params: { remember: boolean }) => ({ rememberDevice: params.remember })),
    applyRefreshedTokens: assign((_, params: { output: RefreshTokensOutput }) => ({
      tokens: params.output.tokens,
      claims: params.output.claims,
      error: null,
    })),
    applyRestoredSession: assign((_, params: { restored: RestoredSession | null }) =>
      params.restored === null
        ? {}
        : {
            username: params.restored.username,
            challengeUsername: params.restored.username,
            tokens: params.restored.tokens,
            claims: params.restored.claims,
            device: params.restored.device,
          },
    ),
    storeSignOutScope: assign((_, params: { scope: SignOutScope | undefined }) => ({
      signOutScope: params.scope ?? 'revoke',
    })),
    dropTokens: assign({ tokens: null, claims: null, newDevice: null, session: null }),
    emitSignedIn: emit(({ context }) => {
      if (context.tokens === null || context.claims === null) throw new Error('signedIn without tokens');
      return { type: 'signedIn' as const, tokens: context.tokens, claims: context.claims };
    }),
    emitTokensRefreshed: emit(({ context }) => {
      if (context.tokens === null || context.claims === null) throw new Error('refreshed without tokens');
      return { type: 'tokensRefreshed' as const, tokens: context.tokens, claims: context.claims };
    }),
    emitSignedOut: emit({ type: 'signedOut' }),
    // Storage effects: no-ops here, real ones from signInEffects(ports) (see createSignInMachine).
    persistTokens: () => undefined,
    clearPersistedTokens: () => undefined,
    persistDevice: () => undefined,
    forgetPersistedDevice: () => undefined,
  },
  delays: {
    /** Refresh a few minutes before the access token expires. */
    refreshDelay: ({ context }) =>
      context.tokens === null
        ? 0
        : Math.max(0, context.tokens.expiresAt - context.refreshMarginSeconds * 1000 - Date.now()),
  },
});

/** Leaves any waiting state for the credentials form, dropping the Session (username kept). */
const cancelToCredentials = { target: '#signIn.credentials', actions: 'dropAttempt' } as const;

/** Where every InitiateAuth / RespondToAuthChallenge answer goes next. */
const toNextStep = { target: '#signIn.nextStep', actions: { type: 'applyOutcome', params: outcomeParams } } as const;

/** Failure handling shared by the states that answer a challenge with user input. */
const stepErrors = [
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
const automaticStepErrors = [
  {
    guard: { type: 'isSessionExpired', params: errorParams },
    target: '#signIn.sessionExpired',
    actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }],
  },
  { target: '#signIn.credentials', actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }] },
] as const;

const codeParams = ({ event }: { event: { code: Secret<string>; clientMetadata?: StringMap } }) => ({
  answer: event.code,
  clientMetadata: event.clientMetadata ?? null,
});

const answerInput = ({ context }: { context: SignInContext }): AnswerInput => {
  if (context.answer === null) throw new Error('no answer to send');
  return { base: requestBase(context), answer: context.answer };
};

/** SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP and SMS_OTP: one code, one RespondToAuthChallenge. */
function codeStep(
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

export const signInMachine = signInMachineSetup.createMachine({
  id: 'signIn',
  description:
    'Cognito user-pool sign-in: InitiateAuth, then one RespondToAuthChallenge per challenge, carrying the Session.',
  context: ({ input }) => ({
    userPoolId: input.userPoolId,
    clientId: input.clientId,
    authFlow: input.authFlow ?? 'USER_SRP_AUTH',
    preferredChallenge: input.preferredChallenge ?? 'PASSWORD_SRP',
    clientMetadata: input.clientMetadata ?? null,
    callClientMetadata: null,
    analyticsEndpointId: input.analyticsEndpointId ?? null,
    deviceTracking: input.deviceTracking ?? true,
    totpIssuer: input.totpIssuer ?? input.userPoolId,
    refreshMarginSeconds: input.refreshMarginSeconds ?? 300,
    restoreSession: input.restoreSession ?? true,
    username: input.username ?? '',
    challengeUsername: null,
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
    device: null,
    newDevice: null,
    rememberDevice: false,
    tokens: null,
    claims: null,
    signOutScope: 'revoke',
    error: null,
  }),
  initial: 'restoring',
  states: {
    restoring: {
      description:
        'Looks in the token store for a session from an earlier visit (skipped when restoreSession is false); a credentials.submit meanwhile is kept and sent if none is found.',
      initial: 'deciding',
      states: {
        deciding: {
          always: [{ guard: 'shouldRestore', target: 'loading' }, { target: '#signIn.credentials' }],
        },
        loading: {
          tags: ['busy'],
          // A user who types fast submits before the store answers: keep the submit and act on it once it does.
          on: {
            'credentials.submit': {
              guard: { type: 'hasUsername', params: ({ event }) => ({ username: event.username }) },
              actions: {
                type: 'acceptCredentials',
                params: ({ event }) => ({
                  username: event.username,
                  password: event.password,
                  clientMetadata: event.clientMetadata ?? null,
                }),
              },
            },
          },
          invoke: {
            id: 'loadSession',
            src: 'loadSession',
            input: ({ context }) => ({ clientId: context.clientId }),
            onDone: [
              {
                // Already signed in: a submit made meanwhile is moot, and its password must not linger.
                guard: { type: 'isRestored', params: ({ event }) => ({ restored: event.output }) },
                target: '#signIn.signedIn.active',
                actions: [
                  'dropAttempt',
                  { type: 'applyRestoredSession', params: ({ event }) => ({ restored: event.output }) },
                ],
              },
              { guard: 'hasPendingCredentials', target: '#signIn.initiatingAuth' },
              { target: '#signIn.credentials' },
            ],
            onError: [
              { guard: 'hasPendingCredentials', target: '#signIn.initiatingAuth' },
              { target: '#signIn.credentials' },
            ],
          },
        },
      },
    },
    credentials: {
      description: 'Waits for a username and password (USER_SRP_AUTH, USER_PASSWORD_AUTH, CUSTOM_AUTH, USER_AUTH).',
      tags: ['input'],
      on: {
        'credentials.submit': {
          guard: { type: 'hasUsername', params: ({ event }) => ({ username: event.username }) },
          target: 'initiatingAuth',
          actions: {
            type: 'acceptCredentials',
            params: ({ event }) => ({
              username: event.username,
              password: event.password,
              clientMetadata: event.clientMetadata ?? null,
            }),
          },
        },
      },
    },
    initiatingAuth: {
      description: 'InitiateAuth with the configured AuthFlow (SRP_A for SRP flows).',
      tags: ['busy'],
      on: { 'signIn.cancel': cancelToCredentials },
      invoke: {
        id: 'initiateAuth',
        src: 'initiateAuth',
        input: ({ context }) => ({
          base: requestBase(context),
          authFlow: context.authFlow,
          preferredChallenge: context.preferredChallenge,
          password: context.password,
        }),
        onDone: toNextStep,
        onError: [
          { target: 'credentials', actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }] },
        ],
      },
    },
    nextStep: {
      description: 'Routes a Cognito answer to the state named after its ChallengeName, or to signedIn.',
      always: [
        { guard: 'needsDeviceConfirmation', target: 'signedIn.confirmingDevice' },
        { guard: 'hasTokens', target: 'signedIn.active' },
        { guard: { type: 'isChallenge', params: { name: 'PASSWORD_VERIFIER' } }, target: 'PASSWORD_VERIFIER' },
        { guard: { type: 'isChallenge', params: { name: 'SMS_MFA' } }, target: 'SMS_MFA' },
        { guard: { type: 'isChallenge', params: { name: 'SOFTWARE_TOKEN_MFA' } }, target: 'SOFTWARE_TOKEN_MFA' },
        { guard: { type: 'isChallenge', params: { name: 'EMAIL_OTP' } }, target: 'EMAIL_OTP' },
        { guard: { type: 'isChallenge', params: { name: 'SMS_OTP' } }, target: 'SMS_OTP' },
        { guard: { type: 'isChallenge', params: { name: 'SELECT_MFA_TYPE' } }, target: 'SELECT_MFA_TYPE' },
        {
          guard: { type: 'isChallenge', params: { name: 'MFA_SETUP' } },
          target: 'MFA_SETUP',
        },
        { guard: { type: 'isChallenge', params: { name: 'NEW_PASSWORD_REQUIRED' } }, target: 'NEW_PASSWORD_REQUIRED' },
        { guard: { type: 'isChallenge', params: { name: 'CUSTOM_CHALLENGE' } }, target: 'CUSTOM_CHALLENGE' },
        { guard: { type: 'isChallenge', params: { name: 'DEVICE_SRP_AUTH' } }, target: 'DEVICE_SRP_AUTH' },
        {
          guard: { type: 'isChallenge', params: { name: 'DEVICE_PASSWORD_VERIFIER' } },
          target: 'DEVICE_PASSWORD_VERIFIER',
        },
        { target: 'credentials', actions: 'unsupportedChallenge' },
      ],
    },
    PASSWORD_VERIFIER: {
      description: 'Computes the SRP password claim and answers PASSWORD_VERIFIER; the password is dropped on exit.',
      initial: 'responding',
      exit: 'dropPassword',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        responding: {
          tags: ['busy'],
          invoke: {
            id: 'respondToPasswordVerifier',
            src: 'respondToPasswordVerifier',
            input: ({ context }) => {
              if (context.password === null || context.srp === null)
                throw new Error('PASSWORD_VERIFIER without password or SRP_A');
              return {
                base: requestBase(context),
                password: context.password,
                srp: context.srp,
                challengeParameters: context.challengeParameters,
              };
            },
            onDone: toNextStep,
            onError: [
              {
                guard: { type: 'isDeviceNotFound', params: errorParams },
                target: 'responding',
                reenter: true,
                actions: ['forgetPersistedDevice', 'dropDevice'],
              },
              ...automaticStepErrors,
            ],
          },
        },
      },
    },
    SMS_MFA: codeStep('respondToSmsMfa', 'Waits for the code Cognito sent by SMS (SMS_MFA_CODE).'),
    SOFTWARE_TOKEN_MFA: codeStep(
      'respondToSoftwareTokenMfa',
      'Waits for the authenticator app code (SOFTWARE_TOKEN_MFA_CODE).',
    ),
    EMAIL_OTP: codeStep('respondToEmailOtp', 'Waits for the code Cognito sent by email (EMAIL_OTP_CODE).'),
    SMS_OTP: codeStep('respondToSmsOtp', 'USER_AUTH passwordless: waits for the SMS code (SMS_OTP_CODE).'),
    SELECT_MFA_TYPE: {
      description: 'The user picks one of MFAS_CAN_CHOOSE; Cognito answers with that challenge.',
      initial: 'awaitingInput',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        awaitingInput: {
          tags: ['input'],
          on: {
            'mfaType.select': {
              guard: { type: 'isOfferedMfaType', params: ({ event }) => ({ mfaType: event.mfaType }) },
              target: 'responding',
              actions: {
                type: 'storeMfaType',
                params: ({ event }) => ({ mfaType: event.mfaType, clientMetadata: event.clientMetadata ?? null }),
              },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearAnswer',
          invoke: {
            id: 'respondToSelectMfaType',
            src: 'respondToSelectMfaType',
            input: ({ context }) => {
              if (context.mfaType === null) throw new Error('no MFA type chosen');
              return { base: requestBase(context), mfaType: context.mfaType };
            },
            onDone: toNextStep,
            onError: stepErrors,
          },
        },
      },
    },
    MFA_SETUP: {
      description:
        'TOTP enrolment: AssociateSoftwareToken, the user scans and types a code, VerifySoftwareToken, then RespondToAuthChallenge.',
      initial: 'associating',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        associating: {
          tags: ['busy'],
          initial: 'checking',
          states: {
            checking: {
              always: [
                { guard: 'canSetUpTotp', target: 'calling' },
                { target: '#signIn.credentials', actions: 'unsupportedChallenge' },
              ],
            },
            calling: {
              invoke: {
                id: 'associateSoftwareToken',
                src: 'associateSoftwareToken',
                input: ({ context }) => ({ base: requestBase(context) }),
                onDone: {
                  target: '#signIn.MFA_SETUP.awaitingInput',
                  actions: { type: 'applyTotpSecret', params: ({ event }) => ({ output: event.output }) },
                },
                onError: automaticStepErrors,
              },
            },
          },
        },
        awaitingInput: {
          description: 'totpSetup holds the secret (redacted) and the label/issuer for the otpauth URI.',
          tags: ['input'],
          on: { 'code.submit': { target: 'verifying', actions: { type: 'storeAnswer', params: codeParams } } },
        },
        verifying: {
          tags: ['busy'],
          invoke: {
            id: 'verifySoftwareToken',
            src: 'verifySoftwareToken',
            input: ({ context }) => {
              if (context.answer === null) throw new Error('no code to verify');
              return { base: requestBase(context), code: context.answer };
            },
            onDone: {
              target: 'responding',
              actions: { type: 'applyVerifiedSession', params: ({ event }) => ({ output: event.output }) },
            },
            onError: stepErrors,
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearAnswer',
          invoke: {
            id: 'respondToMfaSetup',
            src: 'respondToMfaSetup',
            input: ({ context }) => ({ base: requestBase(context) }),
            onDone: toNextStep,
            onError: automaticStepErrors,
          },
        },
      },
    },
    NEW_PASSWORD_REQUIRED: {
      description: 'The temporary password must be replaced; requiredAttributes lists what else the pool needs.',
      initial: 'awaitingInput',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        awaitingInput: {
          tags: ['input'],
          on: {
            'newPassword.submit': {
              target: 'responding',
              actions: {
                type: 'storeNewPassword',
                params: ({ event }) => ({
                  password: event.password,
                  attributes: event.attributes,
                  clientMetadata: event.clientMetadata ?? null,
                }),
              },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearAnswer',
          invoke: {
            id: 'respondToNewPasswordRequired',
            src: 'respondToNewPasswordRequired',
            input: ({ context }) => {
              if (context.newPassword === null) throw new Error('no new password');
              return {
                base: requestBase(context),
                newPassword: context.newPassword,
                attributes: context.newPasswordAttributes,
              };
            },
            onDone: toNextStep,
            onError: stepErrors,
          },
        },
      },
    },
    CUSTOM_CHALLENGE: {
      description: "A Lambda-defined challenge; challengeParameters holds the trigger's public parameters.",
      initial: 'awaitingInput',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        awaitingInput: {
          tags: ['input'],
          on: {
            'customChallenge.submit': {
              target: 'responding',
              actions: {
                type: 'storeAnswer',
                params: ({ event }) => ({ answer: event.answer, clientMetadata: event.clientMetadata ?? null }),
              },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearAnswer',
          invoke: {
            id: 'respondToCustomChallenge',
            src: 'respondToCustomChallenge',
            input: answerInput,
            onDone: toNextStep,
            onError: stepErrors,
          },
        },
      },
    },
    DEVICE_SRP_AUTH: {
      description: 'A remembered device proves itself with its own SRP (sends a fresh SRP_A and DEVICE_KEY).',
      initial: 'responding',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        responding: {
          tags: ['busy'],
          invoke: {
            id: 'respondToDeviceSrpAuth',
            src: 'respondToDeviceSrpAuth',
            input: ({ context }) => {
              if (context.device === null) throw new Error('DEVICE_SRP_AUTH without a device');
              return { base: requestBase(context), device: context.device };
            },
            onDone: toNextStep,
            onError: automaticStepErrors,
          },
        },
      },
    },
    DEVICE_PASSWORD_VERIFIER: {
      description: "The device's SRP claim, with DeviceGroupKey as pool name and DeviceKey as username.",
      initial: 'responding',
      exit: 'dropSrp',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        responding: {
          tags: ['busy'],
          invoke: {
            id: 'respondToDevicePasswordVerifier',
            src: 'respondToDevicePasswordVerifier',
            input: ({ context }) => {
              if (context.device === null || context.srp === null)
                throw new Error('DEVICE_PASSWORD_VERIFIER without device or SRP_A');
              return {
                base: requestBase(context),
                device: context.device,
                srp: context.srp,
                challengeParameters: context.challengeParameters,
              };
            },
            onDone: toNextStep,
            onError: automaticStepErrors,
          },
        },
      },
    },
    sessionExpired: {
      description: 'The Session died (expired or too many tries); restart keeps the username.',
      on: {
        'signIn.restart': { target: 'credentials', actions: 'dropAttempt' },
        'signIn.cancel': cancelToCredentials,
      },
    },
    signedIn: {
      description: 'Tokens held (redacted) with non-secret claims; confirms a new device, refreshes before expiry.',
      entry: ['persistTokens', 'emitSignedIn'],
      initial: 'active',
      on: {
        signOut: [
          {
            guard: { type: 'isGlobal', params: ({ event }) => ({ scope: event.scope }) },
            target: 'signingOut.signingOutGlobally',
            actions: { type: 'storeSignOutScope', params: ({ event }) => ({ scope: event.scope }) },
          },
          {
            guard: { type: 'isRevoke', params: ({ event }) => ({ scope: event.scope }) },
            target: 'signingOut.revokingToken',
            actions: { type: 'storeSignOutScope', params: ({ event }) => ({ scope: event.scope }) },
          },
          { target: 'signedOut', actions: { type: 'storeSignOutScope', params: () => ({ scope: 'local' as const }) } },
        ],
      },
      states: {
        confirmingDevice: {
          description: 'ConfirmDevice with a fresh device verifier (NewDeviceMetadata arrived).',
          tags: ['busy'],
          invoke: {
            id: 'confirmDevice',
            src: 'confirmDevice',
            input: ({ context }) => {
              if (context.tokens === null || context.newDevice === null) throw new Error('no device to confirm');
              return {
                base: requestBase(context),
                accessToken: context.tokens.accessToken,
                newDevice: context.newDevice,
              };
            },
            onDone: [
              {
                guard: { type: 'userMustConfirmDevice', params: ({ event }) => ({ output: event.output }) },
                target: 'rememberDevice',
                actions: [
                  { type: 'applyConfirmedDevice', params: ({ event }) => ({ output: event.output }) },
                  'persistDevice',
                ],
              },
              {
                target: 'active',
                actions: [
                  { type: 'applyConfirmedDevice', params: ({ event }) => ({ output: event.output }) },
                  'persistDevice',
                ],
              },
            ],
            onError: { target: 'active', actions: { type: 'setError', params: errorParams } },
          },
        },
        rememberDevice: {
          description: 'The pool remembers devices only on the user\'s say-so: ask "Remember this device?".',
          tags: ['input'],
          on: {
            'device.remember': [
              {
                guard: { type: 'wantsToRemember', params: ({ event }) => ({ remember: event.remember }) },
                target: 'updatingDeviceStatus',
                actions: { type: 'storeRememberChoice', params: ({ event }) => ({ remember: event.remember }) },
              },
              // The device stays not_remembered after ConfirmDevice, so "no" costs no request.
              {
                target: 'active',
                actions: { type: 'storeRememberChoice', params: ({ event }) => ({ remember: event.remember }) },
              },
            ],
          },
        },
        updatingDeviceStatus: {
          tags: ['busy'],
          invoke: {
            id: 'updateDeviceStatus',
            src: 'updateDeviceStatus',
            input: ({ context }) => {
              if (context.tokens === null || context.device === null) throw new Error('no device to update');
              return {
                base: requestBase(context),
                accessToken: context.tokens.accessToken,
                deviceKey: context.device.deviceKey,
                remember: context.rememberDevice,
              };
            },
            onDone: { target: 'active' },
            onError: { target: 'active', actions: { type: 'setError', params: errorParams } },
          },
        },
        active: {
          after: { refreshDelay: { target: 'refreshing' } },
          on: {
            'tokens.refresh': { target: 'refreshing' },
            'device.forget': { guard: 'hasDevice', target: 'forgettingDevice' },
          },
        },
        refreshing: {
          description: 'REFRESH_TOKEN_AUTH: new ID and access tokens from the refresh token.',
          tags: ['busy'],
          invoke: {
            id: 'refreshTokens',
            src: 'refreshTokens',
            input: ({ context }) => {
              if (context.tokens === null) throw new Error('nothing to refresh');
              return { base: requestBase(context), tokens: context.tokens };
            },
            onDone: {
              target: 'active',
              actions: [
                { type: 'applyRefreshedTokens', params: ({ event }) => ({ output: event.output }) },
                'persistTokens',
                'emitTokensRefreshed',
              ],
            },
            onError: [
              {
                guard: { type: 'isNotAuthorized', params: errorParams },
                target: '#signIn.signedOut',
                actions: { type: 'setError', params: errorParams },
              },
              { target: 'active', actions: { type: 'setError', params: errorParams } },
            ],
          },
        },
        forgettingDevice: {
          description: 'ForgetDevice, then drop the stored device keys.',
          tags: ['busy'],
          invoke: {
            id: 'forgetDevice',
            src: 'forgetDevice',
            input: ({ context }) => {
              if (context.tokens === null || context.device === null) throw new Error('no device to forget');
              return {
                base: requestBase(context),
                accessToken: context.tokens.accessToken,
                deviceKey: context.device.deviceKey,
                remember: false,
              };
            },
            onDone: { target: 'active', actions: ['forgetPersistedDevice', 'dropDevice'] },
            onError: { target: 'active', actions: { type: 'setError', params: errorParams } },
          },
        },
      },
    },
    signingOut: {
      tags: ['busy'],
      initial: 'revokingToken',
      states: {
        revokingToken: {
          description: 'RevokeToken kills the refresh token and the tokens issued from it.',
          invoke: {
            id: 'revokeToken',
            src: 'revokeToken',
            input: ({ context }) => {
              if (context.tokens === null) throw new Error('nothing to revoke');
              return { base: requestBase(context), tokens: context.tokens };
            },
            onDone: { target: '#signIn.signedOut' },
            onError: { target: '#signIn.signedOut', actions: { type: 'setError', params: errorParams } },
          },
        },
        signingOutGlobally: {
          description: 'GlobalSignOut invalidates every token of the user, on every device.',
          invoke: {
            id: 'globalSignOut',
            src: 'globalSignOut',
            input: ({ context }) => {
              if (context.tokens === null) throw new Error('nothing to sign out');
              return { base: requestBase(context), tokens: context.tokens };
            },
            onDone: { target: '#signIn.signedOut' },
            onError: { target: '#signIn.signedOut', actions: { type: 'setError', params: errorParams } },
          },
        },
      },
    },
    signedOut: {
      description: 'Tokens dropped from memory and the token store; the device stays remembered.',
      entry: ['dropTokens', 'clearPersistedTokens', 'emitSignedOut'],
      on: { 'signIn.restart': { target: 'credentials', actions: 'dropAttempt' } },
    },
  },
});

export type SignInMachine = typeof signInMachine;
