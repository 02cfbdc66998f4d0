// Which screen the widget shows beside sign-in (sign-up, password reset) and the hand-offs between them, as state.
import { assign, setup } from 'xstate';

export interface ScreensContext {
  /** The username a finished flow hands back to the sign-in form (undefined: keep what sign-in has). */
  readonly keptUsername: string | undefined;
  /** Set when a password reset just finished, so the sign-in form can say so. */
  readonly passwordWasReset: boolean;
  /** Sign-up opened to confirm an existing, unconfirmed account (UserNotConfirmedException). */
  readonly confirmUsername: string | undefined;
  /** The username the password reset starts with. */
  readonly resetUsername: string;
  /** True when the reset must send a code first (PasswordResetRequiredException). */
  readonly requestCode: boolean;
}

/** What the widget tells the screens machine; `signIn.failed` carries only the error code, never its message. */
export type ScreensEvent =
  | { readonly type: 'signUp.open' }
  | { readonly type: 'forgotPassword.open'; readonly username: string }
  | { readonly type: 'signIn.failed'; readonly code: string; readonly username: string }
  | { readonly type: 'signUp.done'; readonly username: string }
  | { readonly type: 'forgotPassword.done'; readonly username: string; readonly reset: boolean }
  | { readonly type: 'signIn.back' };

const initialContext: ScreensContext = {
  keptUsername: undefined,
  passwordWasReset: false,
  confirmUsername: undefined,
  resetUsername: '',
  requestCode: false,
};

export const screensMachine = setup({
  types: { context: {} as ScreensContext, events: {} as ScreensEvent },
  guards: {
    needsConfirmation: (_, params: { code: string }) => params.code === 'UserNotConfirmedException',
    needsReset: (_, params: { code: string }) => params.code === 'PasswordResetRequiredException',
  },
  actions: {
    openSignUp: assign((_, params: { confirmUsername: string | undefined }) => ({
      passwordWasReset: false,
      confirmUsername: params.confirmUsername,
    })),
    openReset: assign((_, params: { username: string; requestCode: boolean }) => ({
      passwordWasReset: false,
      resetUsername: params.username,
      requestCode: params.requestCode,
    })),
    backToSignIn: assign((_, params: { username: string | undefined; reset: boolean }) => ({
      keptUsername: params.username,
      passwordWasReset: params.reset,
    })),
  },
}).createMachine({
  id: 'screens',
  description: 'The widget screen: sign-in, or one of the account flows it leads to; each hands the username back.',
  context: initialContext,
  initial: 'signIn',
  states: {
    signIn: {
      on: {
        'signUp.open': { target: 'signUp', actions: { type: 'openSignUp', params: { confirmUsername: undefined } } },
        'forgotPassword.open': {
          target: 'forgotPassword',
          actions: {
            type: 'openReset',
            params: ({ context, event }) => ({ username: context.keptUsername ?? event.username, requestCode: false }),
          },
        },
        // Errors that name another flow lead into it; every other error stays on the sign-in form.
        'signIn.failed': [
          {
            guard: { type: 'needsConfirmation', params: ({ event }) => ({ code: event.code }) },
            target: 'signUp',
            actions: { type: 'openSignUp', params: ({ event }) => ({ confirmUsername: event.username }) },
          },
          {
            guard: { type: 'needsReset', params: ({ event }) => ({ code: event.code }) },
            target: 'forgotPassword',
            actions: { type: 'openReset', params: ({ event }) => ({ username: event.username, requestCode: true }) },
          },
        ],
      },
    },
    signUp: {
      description: 'Create an account, or confirm one that sign-in found unconfirmed.',
      on: {
        'signUp.done': {
          target: 'signIn',
          actions: { type: 'backToSignIn', params: ({ event }) => ({ username: event.username, reset: false }) },
        },
        'signIn.back': {
          target: 'signIn',
          actions: {
            type: 'backToSignIn',
            params: ({ context }) => ({ username: context.keptUsername, reset: false }),
          },
        },
      },
    },
    forgotPassword: {
      description: 'Reset a forgotten password, or one the pool requires to be reset.',
      on: {
        'forgotPassword.done': {
          target: 'signIn',
          actions: { type: 'backToSignIn', params: ({ event }) => ({ username: event.username, reset: event.reset }) },
        },
      },
    },
  },
});
