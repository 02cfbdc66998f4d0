// Passkey registration as one small flow: StartWebAuthnRegistration, the browser's create(), CompleteWebAuthnRegistration.
import { assign, setup } from 'xstate';
import type { CompletePasskeyCallInput, PasskeyCeremonyInput, SignedInCallBase } from './accountTypes.ts';
import type { SignInError } from './errors.ts';
import { errorParams, notProvided } from './machineParts.ts';
import type { Secret } from './secret.ts';

/** Whose passkey: the signed-in user's access token. */
export interface PasskeyRegistrationInput {
  readonly accessToken: Secret<string>;
}

/** How the registration ended: the passkey is registered, or the error (NotAllowedError: the dialog was closed). */
export type PasskeyRegistrationOutput =
  { readonly registered: true } | { readonly registered: false; readonly error: SignInError };

/** The registration's context: the options (they carry the challenge) and the credential only until the next call. */
export interface PasskeyRegistrationContext {
  readonly accessToken: Secret<string>;
  readonly creationOptions: Secret<string> | null;
  readonly credential: Secret<string> | null;
  readonly error: SignInError | null;
}

const toFailed = { target: 'failed', actions: { type: 'setError', params: errorParams } } as const;

/** The registration's setup, for `provide()`. */
export const passkeyRegistrationMachineSetup = setup({
  types: {
    context: {} as PasskeyRegistrationContext,
    input: {} as PasskeyRegistrationInput,
    output: {} as PasskeyRegistrationOutput,
    tags: {} as 'busy',
  },
  actors: {
    startWebAuthnRegistration: notProvided<Secret<string>, { base: SignedInCallBase }>('startWebAuthnRegistration'),
    createPasskey: notProvided<Secret<string>, PasskeyCeremonyInput>('createPasskey'),
    completeWebAuthnRegistration: notProvided<null, CompletePasskeyCallInput>('completeWebAuthnRegistration'),
  },
  actions: {
    applyCreationOptions: assign((_, params: { creationOptions: Secret<string> }) => ({
      creationOptions: params.creationOptions,
    })),
    /** The browser answered: the options (and their challenge) are spent. */
    applyCredential: assign((_, params: { credential: Secret<string> }) => ({
      creationOptions: null,
      credential: params.credential,
    })),
    setError: assign((_, params: { error: SignInError }) => ({ error: params.error })),
    dropCeremony: assign({ creationOptions: null, credential: null }),
  },
});

/** Registers a passkey for the signed-in user; ends with `{ registered }` (or the error), holding nothing secret. */
export const passkeyRegistrationMachine = passkeyRegistrationMachineSetup.createMachine({
  id: 'passkeyRegistration',
  description: 'A child flow of the account (or the widget’s offer after sign-in); ends with its output.',
  context: ({ input }) => ({ accessToken: input.accessToken, creationOptions: null, credential: null, error: null }),
  initial: 'StartWebAuthnRegistration',
  states: {
    StartWebAuthnRegistration: {
      tags: ['busy'],
      invoke: {
        src: 'startWebAuthnRegistration',
        input: ({ context }) => ({ base: { accessToken: context.accessToken, clientMetadata: null } }),
        onDone: {
          target: 'creatingCredential',
          actions: { type: 'applyCreationOptions', params: ({ event }) => ({ creationOptions: event.output }) },
        },
        onError: toFailed,
      },
    },
    creatingCredential: {
      description:
        'navigator.credentials.create through the injected WebAuthn port; a closed dialog is NotAllowedError.',
      tags: ['busy'],
      invoke: {
        src: 'createPasskey',
        input: ({ context }) => {
          if (context.creationOptions === null) throw new Error('no registration options');
          return { creationOptions: context.creationOptions };
        },
        onDone: {
          target: 'CompleteWebAuthnRegistration',
          actions: { type: 'applyCredential', params: ({ event }) => ({ credential: event.output }) },
        },
        onError: toFailed,
      },
    },
    CompleteWebAuthnRegistration: {
      tags: ['busy'],
      invoke: {
        src: 'completeWebAuthnRegistration',
        input: ({ context }) => {
          if (context.credential === null) throw new Error('no credential to register');
          return { base: { accessToken: context.accessToken, clientMetadata: null }, credential: context.credential };
        },
        onDone: 'registered',
        onError: toFailed,
      },
    },
    registered: { type: 'final', entry: 'dropCeremony' },
    failed: { type: 'final', entry: 'dropCeremony' },
  },
  output: ({ context }) =>
    context.error === null ? { registered: true } : { registered: false, error: context.error },
});

/** The registration machine's type. */
export type PasskeyRegistrationMachine = typeof passkeyRegistrationMachine;
