// OAuth redirect sign-in (managed login or a federated provider): authorization code + PKCE, as a statechart.
import { assign, fromPromise, setup } from 'xstate';
import { notProvided } from './machineParts.ts';
import {
  RedirectFailure,
  redirectError,
  toRedirectError,
  type RedirectError,
  type RedirectOutput,
  type RedirectPort,
  type RedirectStart,
} from './redirect.types.ts';
import type { Secret } from './secret.ts';

/** The redirect machine's context: the failure, or the tokens (redacted) once the code is exchanged. */
export interface RedirectContext {
  readonly provider: string | null;
  /** The callback URL (it carries the code) only while `exchanging` runs. */
  readonly callbackUrl: Secret<string> | null;
  readonly result: RedirectOutput | null;
  readonly error: RedirectError | null;
}

/** Events the redirect machine accepts: start a sign-in, or finish one from the callback URL (redacted). */
export type RedirectEvent =
  | { type: 'redirect.start'; provider: string | null }
  | { type: 'redirect.complete'; callbackUrl: Secret<string> }
  | { type: 'redirect.reset' };

/** The redirect machine's setup, for `provide()` and typed extensions. */
export const redirectMachineSetup = setup({
  types: {
    context: {} as RedirectContext,
    events: {} as RedirectEvent,
    output: {} as RedirectOutput,
    tags: {} as 'busy',
  },
  actors: {
    beginAuthorization: notProvided<undefined, RedirectStart>('beginAuthorization'),
    completeAuthorization: notProvided<RedirectOutput, { callbackUrl: Secret<string> | null }>('completeAuthorization'),
  },
  actions: {
    rememberProvider: assign((_, params: { provider: string | null }) => ({ provider: params.provider, error: null })),
    keepCallbackUrl: assign((_, params: { callbackUrl: Secret<string> }) => ({ callbackUrl: params.callbackUrl })),
    forgetCallbackUrl: assign({ callbackUrl: null }),
    acceptTokens: assign((_, params: { result: RedirectOutput }) => ({ result: params.result, error: null })),
    rememberError: assign((_, params: { error: RedirectError }) => ({ error: params.error })),
    clearError: assign({ error: null }),
  },
});

/** Redirect sign-in: `authorizing` leaves the page for the login domain; `exchanging` runs on the callback page. */
export const redirectMachine = redirectMachineSetup.createMachine({
  id: 'redirect',
  context: { provider: null, callbackUrl: null, result: null, error: null },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'redirect.start': {
          target: 'authorizing',
          actions: { type: 'rememberProvider', params: ({ event }) => ({ provider: event.provider }) },
        },
        'redirect.complete': {
          target: 'exchanging',
          actions: { type: 'keepCallbackUrl', params: ({ event }) => ({ callbackUrl: event.callbackUrl }) },
        },
      },
    },
    authorizing: {
      tags: ['busy'],
      description:
        'Keeps a PKCE verifier, state and nonce in sessionStorage, then sends the browser to /oauth2/authorize.',
      invoke: {
        src: 'beginAuthorization',
        input: ({ context }) => ({ provider: context.provider }),
        onDone: { target: 'leaving' },
        onError: {
          target: 'failed',
          actions: { type: 'rememberError', params: ({ event }) => ({ error: toRedirectError(event.error) }) },
        },
      },
    },
    leaving: {
      tags: ['busy'],
      description: 'The browser is on its way to the login domain; this page is about to unload.',
    },
    exchanging: {
      tags: ['busy'],
      description: 'Checks the callback’s state, trades the code and the verifier for tokens, checks the nonce.',
      exit: 'forgetCallbackUrl',
      invoke: {
        src: 'completeAuthorization',
        input: ({ context }) => ({ callbackUrl: context.callbackUrl }),
        onDone: {
          target: 'signedIn',
          actions: { type: 'acceptTokens', params: ({ event }) => ({ result: event.output }) },
        },
        onError: {
          target: 'failed',
          actions: { type: 'rememberError', params: ({ event }) => ({ error: toRedirectError(event.error) }) },
        },
      },
    },
    failed: {
      description: 'The provider refused, or the callback did not match this tab’s sign-in; the user may start again.',
      on: {
        'redirect.start': {
          target: 'authorizing',
          actions: { type: 'rememberProvider', params: ({ event }) => ({ provider: event.provider }) },
        },
        'redirect.reset': { target: 'idle', actions: 'clearError' },
      },
    },
    signedIn: { type: 'final' },
  },
  output: ({ context }) => {
    if (context.result === null) throw new Error('signedIn is reached only with tokens');
    return context.result;
  },
});

/** The redirect machine type. */
export type RedirectMachine = typeof redirectMachine;

/** The machine's actors over a RedirectPort (one fromPromise per OAuth step). */
export function redirectActors(port: RedirectPort) {
  return {
    beginAuthorization: fromPromise<undefined, RedirectStart>(async ({ input }) => {
      await port.begin(input);
      return undefined;
    }),
    completeAuthorization: fromPromise<RedirectOutput, { callbackUrl: Secret<string> | null }>(({ input }) =>
      input.callbackUrl === null
        ? Promise.reject(new RedirectFailure(redirectError('NoPendingRedirect')))
        : port.complete(input.callbackUrl),
    ),
  };
}

/** The redirect machine with its OAuth calls provided. */
export function createRedirectMachine(port: RedirectPort) {
  return redirectMachine.provide({ actors: redirectActors(port) });
}
