// Sign-in statechart over InitiateAuth / RespondToAuthChallenge; states are named after the ChallengeName they answer.
import { assertEvent } from 'xstate';
import { errorParams } from './machineParts.ts';
import { assertAttempt, NO_ATTEMPT } from './signIn.attempt.ts';
import {
  automaticStepErrors,
  callMetadataParams,
  cancelToCredentials,
  codeStep,
  requestBase,
  signInMachineSetup,
  stepErrors,
  toNextStep,
} from './signIn.setup.ts';

export { requestBase, signInMachineSetup } from './signIn.setup.ts';

/** The challenges this client answers: each has a state of its name, which `nextStep` routes its attempt to. */
const ANSWERED_STEPS = [
  'PASSWORD_VERIFIER',
  'SMS_MFA',
  'SOFTWARE_TOKEN_MFA',
  'EMAIL_OTP',
  'SMS_OTP',
  'SELECT_MFA_TYPE',
  'SELECT_CHALLENGE',
  'WEB_AUTHN',
  'MFA_SETUP',
  'NEW_PASSWORD_REQUIRED',
  'CUSTOM_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
] as const;

/** The sign-in machine: InitiateAuth, each challenge a state, ending at `done` with the tokens as its output. */
export const signInMachine = signInMachineSetup.createMachine({
  id: 'signIn',
  description:
    'Cognito user-pool sign-in: InitiateAuth, then one RespondToAuthChallenge per challenge, carrying the Session.',
  context: ({ input }) => ({
    userPoolId: input.userPoolId,
    clientId: input.clientId,
    authFlow: input.authFlow ?? 'USER_SRP_AUTH',
    preferredChallenge: input.preferredChallenge === undefined ? 'PASSWORD_SRP' : input.preferredChallenge,
    clientMetadata: input.clientMetadata ?? null,
    analyticsEndpointId: input.analyticsEndpointId ?? null,
    deviceTracking: input.deviceTracking ?? true,
    totpIssuer: input.totpIssuer ?? input.userPoolId,
    username: input.username ?? '',
    challengeUsername: null,
    callClientMetadata: null,
    device: null,
    attempt: NO_ATTEMPT,
    error: null,
  }),
  initial: 'credentials',
  states: {
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
        'signUp.session': {
          guard: { type: 'hasUsername', params: ({ event }) => ({ username: event.username }) },
          target: 'initiatingAuth',
          actions: {
            type: 'acceptSignUpSession',
            params: ({ event }) => ({ username: event.username, session: event.session }),
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
        input: ({ context }) => {
          const { password, signUpSession } = assertAttempt(context.attempt, 'initiating');
          return {
            base: requestBase(context),
            authFlow: context.authFlow,
            preferredChallenge: context.preferredChallenge,
            password,
            signUpSession,
          };
        },
        onDone: toNextStep,
        onError: [
          { target: 'credentials', actions: [{ type: 'dropAttempt' }, { type: 'setError', params: errorParams }] },
        ],
      },
    },
    nextStep: {
      description: 'Routes a Cognito answer to the state named after its ChallengeName, or to done with the tokens.',
      // Each Cognito answer became one attempt variant (signIn.attempt.ts); its kind names the state that handles it.
      always: [
        // The tokens end the sign-in: the session machine confirms the device, refreshes, signs out.
        { guard: { type: 'isAttempt', params: { kind: 'signedIn' } }, target: 'done' },
        ...ANSWERED_STEPS.map((kind) => ({ guard: { type: 'isAttempt', params: { kind } }, target: kind }) as const),
        { target: 'credentials', actions: 'unsupportedChallenge' },
      ],
    },
    PASSWORD_VERIFIER: {
      description:
        'Computes the SRP password claim and answers PASSWORD_VERIFIER; the next step replaces the attempt and its password.',
      initial: 'responding',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        responding: {
          tags: ['busy'],
          invoke: {
            id: 'respondToPasswordVerifier',
            src: 'respondToPasswordVerifier',
            input: ({ context }) => {
              const { password, srp, challengeParameters } = assertAttempt(context.attempt, 'PASSWORD_VERIFIER');
              return { base: requestBase(context), password, srp, challengeParameters };
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
              actions: { type: 'storeCallMetadata', params: callMetadataParams },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearCallMetadata',
          invoke: {
            id: 'respondToSelectMfaType',
            src: 'respondToSelectMfaType',
            input: ({ context, event }) => {
              assertEvent(event, 'mfaType.select');
              return { base: requestBase(context), mfaType: event.mfaType };
            },
            onDone: toNextStep,
            onError: stepErrors,
          },
        },
      },
    },
    SELECT_CHALLENGE: {
      description:
        'USER_AUTH without a preferred factor: the user picks one of availableChallenges; PASSWORD sends the password and PASSWORD_SRP an SRP_A with the pick.',
      initial: 'awaitingInput',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        awaitingInput: {
          tags: ['input'],
          // A password typed for a refused pick must not wait here for the next one.
          entry: 'dropPickedPassword',
          on: {
            'challenge.select': {
              guard: {
                type: 'isOfferedChallenge',
                params: ({ event }) => ({ challenge: event.challenge, hasPassword: event.password !== undefined }),
              },
              target: 'responding',
              actions: {
                type: 'storePickedPassword',
                params: ({ event }) => ({
                  password: event.password ?? null,
                  clientMetadata: event.clientMetadata ?? null,
                }),
              },
            },
          },
        },
        responding: {
          tags: ['busy'],
          invoke: {
            id: 'respondToSelectChallenge',
            src: 'respondToSelectChallenge',
            input: ({ context, event }) => {
              assertEvent(event, 'challenge.select');
              return { base: requestBase(context), challenge: event.challenge, password: event.password ?? null };
            },
            onDone: toNextStep,
            onError: stepErrors,
          },
        },
      },
    },
    WEB_AUTHN: {
      description:
        'Passkey: the injected browser ceremony signs CREDENTIAL_REQUEST_OPTIONS, then CREDENTIAL answers the challenge; a closed dialog waits for a retry.',
      initial: 'authenticating',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        authenticating: {
          tags: ['busy'],
          invoke: {
            id: 'getWebAuthnCredential',
            src: 'getWebAuthnCredential',
            input: ({ context }) => ({ requestOptions: assertAttempt(context.attempt, 'WEB_AUTHN').requestOptions }),
            onDone: {
              target: 'responding',
              actions: { type: 'storeCredential', params: ({ event }) => ({ credential: event.output }) },
            },
            onError: [
              {
                guard: { type: 'isCeremonyRefused', params: errorParams },
                target: 'awaitingRetry',
                actions: { type: 'setError', params: errorParams },
              },
              // No passkey support here (or the ceremony failed otherwise): start over and pick another factor.
              ...automaticStepErrors,
            ],
          },
        },
        awaitingRetry: {
          description: 'The user closed the passkey dialog; the Session still holds, so they may open it again.',
          tags: ['input'],
          on: { 'webAuthn.retry': { target: 'authenticating', actions: 'clearError' } },
        },
        responding: {
          tags: ['busy'],
          invoke: {
            id: 'respondToWebAuthn',
            src: 'respondToWebAuthn',
            input: ({ context }) => ({
              base: requestBase(context),
              answer: assertAttempt(context.attempt, 'WEB_AUTHN_ASSERTION').credential,
            }),
            onDone: toNextStep,
            // A refused assertion (unknown or deleted passkey, other RP id, replay) is NotAuthorized: start over.
            onError: automaticStepErrors,
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
              // Only TOTP can be enrolled during sign-in; SMS or email need a verified attribute first.
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
          on: {
            'code.submit': { target: 'verifying', actions: { type: 'storeCallMetadata', params: callMetadataParams } },
          },
        },
        verifying: {
          tags: ['busy'],
          invoke: {
            id: 'verifySoftwareToken',
            src: 'verifySoftwareToken',
            input: ({ context, event }) => {
              assertEvent(event, 'code.submit');
              return { base: requestBase(context), code: event.code };
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
          exit: 'clearCallMetadata',
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
              actions: { type: 'storeCallMetadata', params: callMetadataParams },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearCallMetadata',
          invoke: {
            id: 'respondToNewPasswordRequired',
            src: 'respondToNewPasswordRequired',
            input: ({ context, event }) => {
              assertEvent(event, 'newPassword.submit');
              return { base: requestBase(context), newPassword: event.password, attributes: event.attributes };
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
              actions: { type: 'storeCallMetadata', params: callMetadataParams },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearCallMetadata',
          invoke: {
            id: 'respondToCustomChallenge',
            src: 'respondToCustomChallenge',
            input: ({ context, event }) => {
              assertEvent(event, 'customChallenge.submit');
              return { base: requestBase(context), answer: event.answer };
            },
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
            input: ({ context }) => ({
              base: requestBase(context),
              device: assertAttempt(context.attempt, 'DEVICE_SRP_AUTH').device,
            }),
            onDone: toNextStep,
            onError: automaticStepErrors,
          },
        },
      },
    },
    DEVICE_PASSWORD_VERIFIER: {
      description: "The device's SRP claim, with DeviceGroupKey as pool name and DeviceKey as username.",
      initial: 'responding',
      on: { 'signIn.cancel': cancelToCredentials },
      states: {
        responding: {
          tags: ['busy'],
          invoke: {
            id: 'respondToDevicePasswordVerifier',
            src: 'respondToDevicePasswordVerifier',
            input: ({ context }) => {
              const { device, srp, challengeParameters } = assertAttempt(context.attempt, 'DEVICE_PASSWORD_VERIFIER');
              return { base: requestBase(context), device, srp, challengeParameters };
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
    done: {
      description:
        'Signed in: the tokens (and any new device to confirm) are the output, e.g. for the session machine.',
      type: 'final',
    },
  },
  output: ({ context: { attempt, ...context } }) =>
    attempt.kind === 'signedIn'
      ? {
          username: context.challengeUsername ?? context.username,
          loginName: context.username,
          tokens: attempt.tokens,
          claims: attempt.claims,
          device: context.device,
          newDevice: context.deviceTracking ? attempt.newDevice : null,
        }
      : null,
});

/** The sign-in machine's type. */
export type SignInMachine = typeof signInMachine;
