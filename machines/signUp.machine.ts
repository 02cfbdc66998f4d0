// Sign-up statechart over SignUp / ConfirmSignUp / ResendConfirmationCode; states are named after the calls.
import { assertEvent, assign, setup } from 'xstate';
import type { PasswordPolicyType } from './protocol.ts';
import type {
  CodeDelivery,
  ConfirmSignUpCallInput,
  ConfirmSignUpCallOutput,
  SignUpCallInput,
  SignUpCallOutput,
  UsernameCallInput,
} from './accountTypes.ts';
import type { SignInError } from './errors.ts';
import { errorParams, notProvided, publicCallBase } from './machineParts.ts';
import { toPasswordPolicy, type PasswordPolicy } from './passwordPolicy.ts';
import type { StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';

/** Sign-up input: pool, client, and an existing unconfirmed username to confirm. */
export interface SignUpInput {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The pool's password policy, shown before submit (public clients cannot read it); Cognito's default if omitted. */
  readonly passwordPolicy?: PasswordPolicyType;
  /** Sent as ClientMetadata with every call; a submit event's own `clientMetadata` replaces it for that call. */
  readonly clientMetadata?: StringMap;
  readonly username?: string;
  /** Confirm the earlier sign-up of `username` (sign-in said UserNotConfirmedException): send a new code first. */
  readonly confirmExisting?: boolean;
}

/** The sign-up machine's context (password and code redacted). */
export interface SignUpContext {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly passwordPolicy: PasswordPolicy;
  readonly clientMetadata: StringMap | null;
  readonly callClientMetadata: StringMap | null;
  readonly username: string;
  /** Kept only so the user can be signed in after confirmation without typing it again; dropped on cancel. */
  readonly password: Secret<string> | null;
  readonly attributes: StringMap;
  readonly userSub: string | null;
  readonly codeDelivery: CodeDelivery | null;
  /** Cognito's Session from SignUp / ConfirmSignUp, for sign-in without the password where the pool offers it. */
  readonly session: Secret<string> | null;
  /** True when the pre sign-up trigger confirmed the user, so no code was needed. */
  readonly autoConfirmed: boolean;
  readonly startAtConfirmation: boolean;
  readonly error: SignInError | null;
}

interface WithClientMetadata {
  /** ClientMetadata for this one call (reaches the Lambda triggers); never put secrets in it. */
  readonly clientMetadata?: StringMap;
}

/** Events the sign-up machine accepts. */
export type SignUpEvent =
  | ({ type: 'signUp.submit'; username: string; password: Secret<string>; attributes: StringMap } & WithClientMetadata)
  | ({ type: 'confirm.start'; username: string } & WithClientMetadata)
  | ({ type: 'code.submit'; code: Secret<string> } & WithClientMetadata)
  | ({ type: 'code.resend' } & WithClientMetadata)
  | { type: 'signUp.cancel' };

/** What the flow ends with: who to sign in, and how without asking for the password again. */
export interface SignUpOutput {
  readonly username: string;
  readonly autoConfirmed: boolean;
  /** Sign in with InitiateAuth USER_AUTH and this Session when present. */
  readonly session: Secret<string> | null;
  /** Else SRP with the password typed at sign-up (null when the flow started at confirmation). */
  readonly password: Secret<string> | null;
}

export type SignUpTag = 'busy' | 'input';

/** The sign-up machine's setup, for `provide()` and typed extensions. */
export const signUpMachineSetup = setup({
  types: {
    context: {} as SignUpContext,
    events: {} as SignUpEvent,
    input: {} as SignUpInput,
    output: {} as SignUpOutput,
    tags: {} as SignUpTag,
  },
  actors: {
    signUp: notProvided<SignUpCallOutput, SignUpCallInput>('signUp'),
    confirmSignUp: notProvided<ConfirmSignUpCallOutput, ConfirmSignUpCallInput>('confirmSignUp'),
    resendConfirmationCode: notProvided<CodeDelivery | null, UsernameCallInput>('resendConfirmationCode'),
  },
  guards: {
    hasUsername: (_, params: { username: string }) => params.username.trim() !== '',
    startsAtConfirmation: ({ context }) => context.startAtConfirmation && context.username.trim() !== '',
    isUserConfirmed: (_, params: { output: SignUpCallOutput }) => params.output.userConfirmed,
  },
  actions: {
    acceptSignUp: assign(
      (
        _,
        params: { username: string; password: Secret<string>; attributes: StringMap; clientMetadata: StringMap | null },
      ) => ({
        username: params.username.trim(),
        password: params.password,
        attributes: params.attributes,
        callClientMetadata: params.clientMetadata,
        userSub: null,
        codeDelivery: null,
        session: null,
        autoConfirmed: false,
        error: null,
      }),
    ),
    acceptConfirmStart: assign((_, params: { username: string; clientMetadata: StringMap | null }) => ({
      username: params.username.trim(),
      password: null,
      session: null,
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    applySignUp: assign((_, params: { output: SignUpCallOutput }) => ({
      userSub: params.output.userSub,
      codeDelivery: params.output.codeDelivery,
      session: params.output.session,
      autoConfirmed: params.output.userConfirmed,
      callClientMetadata: null,
    })),
    storeCallMetadata: assign((_, params: { clientMetadata: StringMap | null }) => ({
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    applyConfirmed: assign(({ context }, params: { output: ConfirmSignUpCallOutput }) => ({
      session: params.output.session ?? context.session,
    })),
    applyDelivery: assign(({ context }, params: { delivery: CodeDelivery | null }) => ({
      codeDelivery: params.delivery ?? context.codeDelivery,
    })),
    /** One call's metadata lives only for that call (the code is never stored: it goes from its event to the call). */
    clearCall: assign({ callClientMetadata: null }),
    setError: assign((_, params: { error: SignInError }) => ({ error: params.error })),
    /** Cancel or a failed SignUp: forget the password and the Session, keep what is not secret. */
    dropSecrets: assign({ password: null, session: null, callClientMetadata: null }),
    clearError: assign({ error: null }),
  },
});

/** The sign-up flow: SignUp, ConfirmSignUp and the hand-off to sign-in. */
export const signUpMachine = signUpMachineSetup.createMachine({
  id: 'signUp',
  description:
    'Cognito self sign-up: SignUp, then ConfirmSignUp with the delivered code (ResendConfirmationCode on request), then sign-in.',
  context: ({ input }) => ({
    userPoolId: input.userPoolId,
    clientId: input.clientId,
    passwordPolicy: toPasswordPolicy(input.passwordPolicy),
    clientMetadata: input.clientMetadata ?? null,
    callClientMetadata: null,
    username: input.username ?? '',
    password: null,
    attributes: {},
    userSub: null,
    codeDelivery: null,
    session: null,
    autoConfirmed: false,
    startAtConfirmation: input.confirmExisting ?? false,
    error: null,
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'startsAtConfirmation', target: 'ResendConfirmationCode' }, { target: 'editing' }],
    },
    editing: {
      description: 'Username, password (the policy is in context, shown before submit) and attributes.',
      tags: ['input'],
      on: {
        'signUp.submit': {
          guard: { type: 'hasUsername', params: ({ event }) => ({ username: event.username }) },
          target: 'SignUp',
          actions: {
            type: 'acceptSignUp',
            params: ({ event }) => ({
              username: event.username,
              password: event.password,
              attributes: event.attributes,
              clientMetadata: event.clientMetadata ?? null,
            }),
          },
        },
        'confirm.start': {
          guard: { type: 'hasUsername', params: ({ event }) => ({ username: event.username }) },
          target: 'ResendConfirmationCode',
          actions: {
            type: 'acceptConfirmStart',
            params: ({ event }) => ({ username: event.username, clientMetadata: event.clientMetadata ?? null }),
          },
        },
      },
    },
    SignUp: {
      tags: ['busy'],
      invoke: {
        src: 'signUp',
        input: ({ context, event }) => {
          assertEvent(event, 'signUp.submit');
          return {
            base: publicCallBase(context),
            username: context.username,
            password: event.password,
            attributes: context.attributes,
          };
        },
        onDone: [
          {
            // The pre sign-up trigger answered autoConfirmUser: no code to ask for.
            guard: { type: 'isUserConfirmed', params: ({ event }) => ({ output: event.output }) },
            target: 'done',
            actions: { type: 'applySignUp', params: ({ event }) => ({ output: event.output }) },
          },
          {
            target: 'ConfirmSignUp',
            actions: { type: 'applySignUp', params: ({ event }) => ({ output: event.output }) },
          },
        ],
        onError: { target: 'editing', actions: ['dropSecrets', { type: 'setError', params: errorParams }] },
      },
    },
    ConfirmSignUp: {
      description:
        'Waits for the code sent to codeDelivery.destination; a wrong or expired code stays here with the error.',
      initial: 'awaitingInput',
      on: { 'signUp.cancel': { target: 'editing', actions: ['dropSecrets', 'clearError'] } },
      states: {
        awaitingInput: {
          tags: ['input'],
          on: {
            'code.submit': {
              target: 'responding',
              actions: {
                type: 'storeCallMetadata',
                params: ({ event }) => ({ clientMetadata: event.clientMetadata ?? null }),
              },
            },
            'code.resend': {
              target: '#signUp.ResendConfirmationCode',
              actions: {
                type: 'storeCallMetadata',
                params: ({ event }) => ({ clientMetadata: event.clientMetadata ?? null }),
              },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'clearCall',
          invoke: {
            src: 'confirmSignUp',
            input: ({ context, event }) => {
              assertEvent(event, 'code.submit');
              return {
                base: publicCallBase(context),
                username: context.username,
                code: event.code,
                session: context.session,
              };
            },
            onDone: {
              target: '#signUp.done',
              actions: { type: 'applyConfirmed', params: ({ event }) => ({ output: event.output }) },
            },
            onError: { target: 'awaitingInput', actions: { type: 'setError', params: errorParams } },
          },
        },
      },
    },
    ResendConfirmationCode: {
      description: 'Asks Cognito for a new confirmation code; the masked destination may change.',
      tags: ['busy'],
      exit: 'clearCall',
      invoke: {
        src: 'resendConfirmationCode',
        input: ({ context }) => ({ base: publicCallBase(context), username: context.username }),
        onDone: {
          target: 'ConfirmSignUp',
          actions: { type: 'applyDelivery', params: ({ event }) => ({ delivery: event.output }) },
        },
        onError: { target: 'ConfirmSignUp', actions: { type: 'setError', params: errorParams } },
      },
    },
    done: {
      description: 'Confirmed: the output says how to sign in without asking for the password again.',
      type: 'final',
    },
  },
  output: ({ context }) => ({
    username: context.username,
    autoConfirmed: context.autoConfirmed,
    session: context.session,
    // With a Session the password is not needed any more.
    password: context.session === null ? context.password : null,
  }),
});

/** The sign-up machine's type. */
export type SignUpMachine = typeof signUpMachine;
