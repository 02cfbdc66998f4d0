// Forgotten-password statechart over ForgotPassword / ConfirmForgotPassword; states are named after the calls.
import { assertEvent, assign, setup } from 'xstate';
import type { PasswordPolicyType } from './protocol.ts';
import type { CodeDelivery, ConfirmForgotPasswordCallInput, UsernameCallInput } from './accountTypes.ts';
import type { SignInError } from './errors.ts';
import { errorParams, notProvided, publicCallBase } from './machineParts.ts';
import { toPasswordPolicy, type PasswordPolicy } from './passwordPolicy.ts';
import type { StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';

/** Password-reset input: pool, client, username and whether to send the code first. */
export interface ForgotPasswordInput {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly passwordPolicy?: PasswordPolicyType;
  /** Sent as ClientMetadata with every call; an event's own `clientMetadata` replaces it for that call. */
  readonly clientMetadata?: StringMap;
  /** Pre-fills the username (e.g. what was typed on the sign-in form). */
  readonly username?: string;
  /** Ask for the code at once for `username` (sign-in answered PasswordResetRequiredException). */
  readonly requestCode?: boolean;
}

/** The password-reset machine's context (code and password redacted). */
export interface ForgotPasswordContext {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly passwordPolicy: PasswordPolicy;
  readonly clientMetadata: StringMap | null;
  readonly callClientMetadata: StringMap | null;
  readonly requestCode: boolean;
  readonly username: string;
  readonly codeDelivery: CodeDelivery | null;
  /** True once ConfirmForgotPassword succeeded. */
  readonly reset: boolean;
  readonly error: SignInError | null;
}

interface WithClientMetadata {
  /** ClientMetadata for this one call (reaches the Lambda triggers); never put secrets in it. */
  readonly clientMetadata?: StringMap;
}

/** Events the password-reset machine accepts. */
export type ForgotPasswordEvent =
  | ({ type: 'username.submit'; username: string } & WithClientMetadata)
  | ({ type: 'newPassword.submit'; code: Secret<string>; password: Secret<string> } & WithClientMetadata)
  | ({ type: 'code.resend' } & WithClientMetadata)
  | { type: 'forgotPassword.cancel' };

/** Back to sign-in with the username kept; `reset` is false when the user cancelled. */
export interface ForgotPasswordOutput {
  readonly username: string;
  readonly reset: boolean;
}

/** The password-reset machine's setup, for `provide()` and typed extensions. */
export const forgotPasswordMachineSetup = setup({
  types: {
    context: {} as ForgotPasswordContext,
    events: {} as ForgotPasswordEvent,
    input: {} as ForgotPasswordInput,
    output: {} as ForgotPasswordOutput,
    tags: {} as 'busy' | 'input',
  },
  actors: {
    forgotPassword: notProvided<CodeDelivery | null, UsernameCallInput>('forgotPassword'),
    confirmForgotPassword: notProvided<null, ConfirmForgotPasswordCallInput>('confirmForgotPassword'),
  },
  guards: {
    hasUsername: (_, params: { username: string }) => params.username.trim() !== '',
    requestsCodeAtOnce: ({ context }) => context.requestCode && context.username.trim() !== '',
    isCodeCleared: ({ context }) => context.codeDelivery === null,
  },
  actions: {
    acceptUsername: assign((_, params: { username: string; clientMetadata: StringMap | null }) => ({
      username: params.username.trim(),
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    storeCallMetadata: assign((_, params: { clientMetadata: StringMap | null }) => ({
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    applyDelivery: assign((_, params: { delivery: CodeDelivery | null }) => ({
      codeDelivery: params.delivery,
      error: null,
    })),
    /** The code and the new password are never stored: they go from their event to ConfirmForgotPassword. */
    clearCall: assign({ callClientMetadata: null }),
    setError: assign((_, params: { error: SignInError }) => ({ error: params.error })),
    markReset: assign({ reset: true }),
  },
});

/** The "Forgot password?" flow: ForgotPassword then ConfirmForgotPassword. */
export const forgotPasswordMachine = forgotPasswordMachineSetup.createMachine({
  id: 'forgotPassword',
  description:
    'Password reset: ForgotPassword sends a code to a masked destination, ConfirmForgotPassword sets the new password.',
  context: ({ input }) => ({
    userPoolId: input.userPoolId,
    clientId: input.clientId,
    passwordPolicy: toPasswordPolicy(input.passwordPolicy),
    clientMetadata: input.clientMetadata ?? null,
    callClientMetadata: null,
    requestCode: input.requestCode ?? false,
    username: input.username ?? '',
    codeDelivery: null,
    reset: false,
    error: null,
  }),
  initial: 'starting',
  on: { 'forgotPassword.cancel': '.cancelled' },
  states: {
    starting: {
      always: [{ guard: 'requestsCodeAtOnce', target: 'ForgotPassword' }, { target: 'editing' }],
    },
    editing: {
      description: 'Asks for the username whose password is to be reset.',
      tags: ['input'],
      on: {
        'username.submit': {
          guard: { type: 'hasUsername', params: ({ event }) => ({ username: event.username }) },
          target: 'ForgotPassword',
          actions: {
            type: 'acceptUsername',
            params: ({ event }) => ({ username: event.username, clientMetadata: event.clientMetadata ?? null }),
          },
        },
      },
    },
    ForgotPassword: {
      description: 'Cognito sends a code (by the pool’s recovery setting) and answers with the masked destination.',
      tags: ['busy'],
      exit: 'clearCall',
      invoke: {
        src: 'forgotPassword',
        input: ({ context }) => ({ base: publicCallBase(context), username: context.username }),
        onDone: {
          target: 'ConfirmForgotPassword',
          actions: { type: 'applyDelivery', params: ({ event }) => ({ delivery: event.output }) },
        },
        onError: [
          // A failed resend keeps the code already sent usable: stay on the code form.
          { guard: { type: 'isCodeCleared' }, target: 'editing', actions: { type: 'setError', params: errorParams } },
          { target: 'ConfirmForgotPassword', actions: { type: 'setError', params: errorParams } },
        ],
      },
    },
    ConfirmForgotPassword: {
      description: 'Code + new password; wrong or expired codes and policy failures stay here with the error.',
      initial: 'awaitingInput',
      states: {
        awaitingInput: {
          tags: ['input'],
          on: {
            'newPassword.submit': {
              target: 'responding',
              actions: {
                type: 'storeCallMetadata',
                params: ({ event }) => ({ clientMetadata: event.clientMetadata ?? null }),
              },
            },
            'code.resend': {
              target: '#forgotPassword.ForgotPassword',
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
            src: 'confirmForgotPassword',
            input: ({ context, event }) => {
              assertEvent(event, 'newPassword.submit');
              return {
                base: publicCallBase(context),
                username: context.username,
                code: event.code,
                password: event.password,
              };
            },
            onDone: { target: '#forgotPassword.done', actions: 'markReset' },
            onError: { target: 'awaitingInput', actions: { type: 'setError', params: errorParams } },
          },
        },
      },
    },
    done: { description: 'The password is reset; sign in again with the username kept.', type: 'final' },
    cancelled: { type: 'final' },
  },
  output: ({ context }) => ({ username: context.username, reset: context.reset }),
});

/** The password-reset machine's type. */
export type ForgotPasswordMachine = typeof forgotPasswordMachine;
