// Signed-in account statechart: ChangePassword, attributes and verification, TOTP enrolment, MFA preference, devices, passkeys.
import { assertEvent, assign, setup } from 'xstate';
import type {
  AttributeCallInput,
  ChangePasswordCallInput,
  CodeDelivery,
  DeviceCallInput,
  MfaPreference,
  MfaPreferenceCallInput,
  Passkey,
  PasskeyCallInput,
  RememberedDevice,
  SignedInCallBase,
  TotpCodeCallInput,
  UpdateAttributesCallInput,
  VerifyAttributeCallInput,
} from './accountTypes.ts';
import type { SignInError } from './errors.ts';
import { errorParams, notProvided } from './machineParts.ts';
import { passkeyRegistrationMachine, type PasskeyRegistrationOutput } from './passkeyRegistration.machine.ts';
import type { StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';

/** Account machine input: the pool, client and the signed-in user's access token. */
export interface AccountInput {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The signed-in user's access token; send `tokens.update` after each refresh. */
  readonly accessToken: Secret<string>;
  /** Sent as ClientMetadata on UpdateUserAttributes / GetUserAttributeVerificationCode; never put secrets in it. */
  readonly clientMetadata?: StringMap;
  /** FriendlyDeviceName for VerifySoftwareToken. */
  readonly friendlyDeviceName?: string;
  /** Label and issuer for the otpauth URI of TOTP enrolment. */
  readonly totpLabel?: string;
  readonly totpIssuer?: string;
}

/** What the last finished action was, so the UI can confirm it. */
export type AccountResult =
  | 'passwordChanged'
  | 'attributesUpdated'
  | 'attributeVerified'
  | 'totpEnabled'
  | 'mfaPreferenceSet'
  | 'devicesListed'
  | 'deviceForgotten'
  | 'passkeysListed'
  | 'passkeyRegistered'
  | 'passkeyDeleted';

/** The account machine's context (secrets redacted). */
export interface AccountContext {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly accessToken: Secret<string>;
  readonly clientMetadata: StringMap | null;
  readonly callClientMetadata: StringMap | null;
  readonly friendlyDeviceName: string | null;
  readonly totpLabel: string;
  readonly totpIssuer: string;
  readonly attributes: StringMap;
  /** The attribute waiting for VerifyUserAttribute (email or phone_number). */
  readonly attributeName: string | null;
  /** Attributes still waiting for a code after UpdateUserAttributes, after the one being verified. */
  readonly pendingVerifications: readonly CodeDelivery[];
  readonly codeDelivery: CodeDelivery | null;
  /** AssociateSoftwareToken's secret, until VerifySoftwareToken accepts a code. */
  readonly totpSecret: Secret<string> | null;
  /** VerifySoftwareToken accepted the code; SetUserMFAPreference makes TOTP preferred next. */
  readonly totpVerified: boolean;
  readonly mfaPreference: MfaPreference;
  readonly devices: readonly RememberedDevice[];
  /** ListWebAuthnCredentials' answer (no key material). */
  readonly passkeys: readonly Passkey[];
  /** The passkeys were listed: a registration or deletion lists them again, else it costs no extra call. */
  readonly passkeysListed: boolean;
  readonly lastResult: AccountResult | null;
  readonly error: SignInError | null;
}

interface WithClientMetadata {
  readonly clientMetadata?: StringMap;
}

/** Events the account machine accepts. */
export type AccountEvent =
  | { type: 'tokens.update'; accessToken: Secret<string> }
  | { type: 'password.change'; previousPassword: Secret<string>; proposedPassword: Secret<string> }
  | ({ type: 'attributes.update'; attributes: StringMap } & WithClientMetadata)
  | ({ type: 'attribute.verify'; attributeName: string } & WithClientMetadata)
  | { type: 'code.submit'; code: Secret<string> }
  | ({ type: 'code.resend' } & WithClientMetadata)
  | { type: 'totp.setUp' }
  | { type: 'mfaPreference.set'; preference: MfaPreference }
  | { type: 'devices.list' }
  | { type: 'device.forget'; deviceKey: string }
  /** StartWebAuthnRegistration, the browser's passkey dialog, CompleteWebAuthnRegistration, then a fresh list. */
  | { type: 'passkey.register' }
  | { type: 'passkeys.list' }
  | { type: 'passkey.delete'; credentialId: string }
  | { type: 'account.cancel' };

function callBase(context: AccountContext): SignedInCallBase {
  return { accessToken: context.accessToken, clientMetadata: context.callClientMetadata ?? context.clientMetadata };
}

const setErrorAction = { type: 'setError', params: errorParams } as const;
const toIdleWithError = { target: '#account.idle', actions: ['dropCall', setErrorAction] } as const;

/** The account machine's setup, for `provide()` and typed extensions. */
export const accountMachineSetup = setup({
  types: {
    context: {} as AccountContext,
    events: {} as AccountEvent,
    input: {} as AccountInput,
    tags: {} as 'busy' | 'input',
  },
  actors: {
    changePassword: notProvided<null, ChangePasswordCallInput>('changePassword'),
    updateUserAttributes: notProvided<CodeDelivery[], UpdateAttributesCallInput>('updateUserAttributes'),
    verifyUserAttribute: notProvided<null, VerifyAttributeCallInput>('verifyUserAttribute'),
    getUserAttributeVerificationCode: notProvided<CodeDelivery | null, AttributeCallInput>(
      'getUserAttributeVerificationCode',
    ),
    associateSoftwareToken: notProvided<Secret<string>, { base: SignedInCallBase }>('associateSoftwareToken'),
    verifySoftwareToken: notProvided<null, TotpCodeCallInput>('verifySoftwareToken'),
    setUserMFAPreference: notProvided<null, MfaPreferenceCallInput>('setUserMFAPreference'),
    listDevices: notProvided<RememberedDevice[], { base: SignedInCallBase }>('listDevices'),
    forgetDevice: notProvided<null, DeviceCallInput>('forgetDevice'),
    /** The registration child flow; `accountActors` provides it with real actors. */
    passkeyRegistration: passkeyRegistrationMachine,
    listWebAuthnCredentials: notProvided<Passkey[], { base: SignedInCallBase }>('listWebAuthnCredentials'),
    deleteWebAuthnCredential: notProvided<null, PasskeyCallInput>('deleteWebAuthnCredential'),
  },
  guards: {
    needsVerification: (_, params: { deliveries: readonly CodeDelivery[] }) =>
      params.deliveries.some((delivery) => delivery.attributeName !== null),
    hasPendingVerification: ({ context }) => context.pendingVerifications.length > 0,
    hasCodeDelivery: ({ context }) => context.codeDelivery !== null,
    isTotpEnrolment: ({ context }) => context.totpVerified,
    hasListedPasskeys: ({ context }) => context.passkeysListed,
    isRegistrationRefused: (_, params: { output: PasskeyRegistrationOutput }) => !params.output.registered,
  },
  actions: {
    updateToken: assign((_, params: { accessToken: Secret<string> }) => ({ accessToken: params.accessToken })),
    storeAttributes: assign((_, params: { attributes: StringMap; clientMetadata: StringMap | null }) => ({
      attributes: params.attributes,
      callClientMetadata: params.clientMetadata,
      lastResult: null,
      error: null,
    })),
    storeAttributeName: assign((_, params: { attributeName: string; clientMetadata: StringMap | null }) => ({
      attributeName: params.attributeName,
      callClientMetadata: params.clientMetadata,
      lastResult: null,
      error: null,
    })),
    storeCallMetadata: assign((_, params: { clientMetadata: StringMap | null }) => ({
      callClientMetadata: params.clientMetadata,
      error: null,
    })),
    clearError: assign({ error: null }),
    storePreference: assign((_, params: { preference: MfaPreference }) => ({
      mfaPreference: params.preference,
      lastResult: null,
      error: null,
    })),
    applyPasskeys: assign((_, params: { passkeys: Passkey[] }) => ({
      passkeys: params.passkeys,
      passkeysListed: true,
    })),
    /** A listing right after a registration or deletion keeps that as the result to confirm. */
    finishPasskeyListing: assign(({ context }) => ({
      lastResult:
        context.lastResult === 'passkeyRegistered' || context.lastResult === 'passkeyDeleted'
          ? context.lastResult
          : 'passkeysListed',
      error: null,
    })),
    clearResult: assign({ lastResult: null, error: null }),
    /** UpdateUserAttributes answered with one delivery per changed email / phone: verify them one by one. */
    queueVerifications: assign((_, params: { deliveries: readonly CodeDelivery[] }) => {
      const [first, ...rest] = params.deliveries.filter((delivery) => delivery.attributeName !== null);
      return { attributeName: first?.attributeName ?? null, codeDelivery: first ?? null, pendingVerifications: rest };
    }),
    nextVerification: assign(({ context }) => {
      const [first, ...rest] = context.pendingVerifications;
      return {
        attributeName: first?.attributeName ?? null,
        codeDelivery: first ?? null,
        pendingVerifications: rest,
      };
    }),
    applyDelivery: assign(({ context }, params: { delivery: CodeDelivery | null }) => ({
      codeDelivery: params.delivery ?? context.codeDelivery,
    })),
    applyTotpSecret: assign((_, params: { secretCode: Secret<string> }) => ({ totpSecret: params.secretCode })),
    applyDevices: assign((_, params: { devices: RememberedDevice[] }) => ({ devices: params.devices })),
    /** TOTP just verified: make it the method Cognito asks for. */
    preferTotp: assign({
      totpSecret: null,
      totpVerified: true,
      mfaPreference: { SOFTWARE_TOKEN_MFA: 'preferred' } satisfies MfaPreference,
    }),
    endTotpEnrolment: assign({ totpVerified: false }),
    finish: assign((_, params: { result: AccountResult }) => ({ lastResult: params.result, error: null })),
    /** A listing right after ForgetDevice keeps "forgotten" as the result to confirm. */
    finishListing: assign(({ context }) => ({
      lastResult: context.lastResult === 'deviceForgotten' ? 'deviceForgotten' : 'devicesListed',
      error: null,
    })),
    setError: assign((_, params: { error: SignInError }) => ({ error: params.error })),
    setRegistrationError: assign((_, params: { output: PasskeyRegistrationOutput }) => ({
      error: params.output.registered ? null : params.output.error,
    })),
    /** One-call data of the action that just ended (passwords and codes are never stored: they go from event to call). */
    dropCall: assign({ callClientMetadata: null }),
    dropFlow: assign({
      totpVerified: false,
      callClientMetadata: null,
      totpSecret: null,
      attributeName: null,
      pendingVerifications: [],
      codeDelivery: null,
      error: null,
    }),
  },
});

/** The signed-in account: change password, attributes, MFA, devices. */
export const accountMachine = accountMachineSetup.createMachine({
  id: 'account',
  description: 'Self-service calls of a signed-in user, each authorised by the AccessToken.',
  context: ({ input }) => ({
    userPoolId: input.userPoolId,
    clientId: input.clientId,
    accessToken: input.accessToken,
    clientMetadata: input.clientMetadata ?? null,
    callClientMetadata: null,
    friendlyDeviceName: input.friendlyDeviceName ?? null,
    totpLabel: input.totpLabel ?? '',
    totpIssuer: input.totpIssuer ?? input.userPoolId,
    attributes: {},
    attributeName: null,
    pendingVerifications: [],
    codeDelivery: null,
    totpSecret: null,
    totpVerified: false,
    mfaPreference: {},
    devices: [],
    passkeys: [],
    passkeysListed: false,
    lastResult: null,
    error: null,
  }),
  on: {
    'tokens.update': { actions: { type: 'updateToken', params: ({ event }) => ({ accessToken: event.accessToken }) } },
  },
  initial: 'idle',
  states: {
    idle: {
      tags: ['input'],
      on: {
        'password.change': { target: 'ChangePassword', actions: 'clearResult' },
        'attributes.update': {
          target: 'UpdateUserAttributes',
          actions: {
            type: 'storeAttributes',
            params: ({ event }) => ({ attributes: event.attributes, clientMetadata: event.clientMetadata ?? null }),
          },
        },
        'attribute.verify': {
          target: 'GetUserAttributeVerificationCode',
          actions: {
            type: 'storeAttributeName',
            params: ({ event }) => ({
              attributeName: event.attributeName,
              clientMetadata: event.clientMetadata ?? null,
            }),
          },
        },
        'totp.setUp': { target: 'AssociateSoftwareToken', actions: 'clearResult' },
        'mfaPreference.set': {
          target: 'SetUserMFAPreference',
          actions: { type: 'storePreference', params: ({ event }) => ({ preference: event.preference }) },
        },
        'devices.list': { target: 'ListDevices', actions: 'clearResult' },
        'device.forget': {
          target: 'ForgetDevice',
          actions: 'clearResult',
        },
        'passkey.register': { target: 'registeringPasskey', actions: 'clearResult' },
        'passkeys.list': { target: 'ListWebAuthnCredentials', actions: 'clearResult' },
        'passkey.delete': {
          target: 'DeleteWebAuthnCredential',
          actions: 'clearResult',
        },
      },
    },
    ChangePassword: {
      tags: ['busy'],
      exit: 'dropCall',
      invoke: {
        src: 'changePassword',
        input: ({ context, event }) => {
          assertEvent(event, 'password.change');
          return {
            base: callBase(context),
            previousPassword: event.previousPassword,
            proposedPassword: event.proposedPassword,
          };
        },
        onDone: { target: 'idle', actions: { type: 'finish', params: { result: 'passwordChanged' } } },
        onError: toIdleWithError,
      },
    },
    UpdateUserAttributes: {
      description: 'A changed email or phone number comes back in CodeDeliveryDetailsList and must be verified.',
      tags: ['busy'],
      exit: 'dropCall',
      invoke: {
        src: 'updateUserAttributes',
        input: ({ context }) => ({ base: callBase(context), attributes: context.attributes }),
        onDone: [
          {
            guard: { type: 'needsVerification', params: ({ event }) => ({ deliveries: event.output }) },
            target: 'VerifyUserAttribute',
            actions: { type: 'queueVerifications', params: ({ event }) => ({ deliveries: event.output }) },
          },
          { target: 'idle', actions: { type: 'finish', params: { result: 'attributesUpdated' } } },
        ],
        onError: toIdleWithError,
      },
    },
    GetUserAttributeVerificationCode: {
      description: 'Sends a (new) verification code for attributeName.',
      tags: ['busy'],
      exit: 'dropCall',
      invoke: {
        src: 'getUserAttributeVerificationCode',
        input: ({ context }) => {
          if (context.attributeName === null) throw new Error('no attribute to verify');
          return { base: callBase(context), attributeName: context.attributeName };
        },
        onDone: {
          target: 'VerifyUserAttribute',
          actions: { type: 'applyDelivery', params: ({ event }) => ({ delivery: event.output }) },
        },
        onError: [
          // A failed resend keeps the code already sent usable.
          { guard: 'hasCodeDelivery', target: 'VerifyUserAttribute', actions: setErrorAction },
          toIdleWithError,
        ],
      },
    },
    VerifyUserAttribute: {
      description: 'Waits for the code sent to the changed attribute; wrong or expired codes stay here with the error.',
      initial: 'awaitingInput',
      on: { 'account.cancel': { target: 'idle', actions: 'dropFlow' } },
      states: {
        awaitingInput: {
          tags: ['input'],
          on: {
            'code.submit': {
              target: 'responding',
              actions: 'clearError',
            },
            'code.resend': {
              target: '#account.GetUserAttributeVerificationCode',
              actions: {
                type: 'storeCallMetadata',
                params: ({ event }) => ({ clientMetadata: event.clientMetadata ?? null }),
              },
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'dropCall',
          invoke: {
            src: 'verifyUserAttribute',
            input: ({ context, event }) => {
              assertEvent(event, 'code.submit');
              if (context.attributeName === null) throw new Error('no attribute to verify');
              return { base: callBase(context), attributeName: context.attributeName, code: event.code };
            },
            onDone: [
              { guard: 'hasPendingVerification', target: 'awaitingInput', actions: 'nextVerification' },
              {
                target: '#account.idle',
                actions: ['dropFlow', { type: 'finish', params: { result: 'attributeVerified' } }],
              },
            ],
            onError: { target: 'awaitingInput', actions: setErrorAction },
          },
        },
      },
    },
    AssociateSoftwareToken: {
      tags: ['busy'],
      invoke: {
        src: 'associateSoftwareToken',
        input: ({ context }) => ({ base: callBase(context) }),
        onDone: {
          target: 'VerifySoftwareToken',
          actions: { type: 'applyTotpSecret', params: ({ event }) => ({ secretCode: event.output }) },
        },
        onError: toIdleWithError,
      },
    },
    VerifySoftwareToken: {
      description: 'totpSecret (redacted) goes into the authenticator app; its first code enables TOTP.',
      initial: 'awaitingInput',
      on: { 'account.cancel': { target: 'idle', actions: 'dropFlow' } },
      states: {
        awaitingInput: {
          tags: ['input'],
          on: {
            'code.submit': {
              target: 'responding',
              actions: 'clearError',
            },
          },
        },
        responding: {
          tags: ['busy'],
          exit: 'dropCall',
          invoke: {
            src: 'verifySoftwareToken',
            input: ({ context, event }) => {
              assertEvent(event, 'code.submit');
              return { base: callBase(context), code: event.code, friendlyDeviceName: context.friendlyDeviceName };
            },
            onDone: { target: '#account.SetUserMFAPreference', actions: 'preferTotp' },
            onError: { target: 'awaitingInput', actions: setErrorAction },
          },
        },
      },
    },
    SetUserMFAPreference: {
      tags: ['busy'],
      invoke: {
        src: 'setUserMFAPreference',
        input: ({ context }) => ({ base: callBase(context), preference: context.mfaPreference }),
        onDone: [
          {
            guard: 'isTotpEnrolment',
            target: 'idle',
            actions: ['endTotpEnrolment', { type: 'finish', params: { result: 'totpEnabled' } }],
          },
          { target: 'idle', actions: { type: 'finish', params: { result: 'mfaPreferenceSet' } } },
        ],
        onError: toIdleWithError,
      },
    },
    ListDevices: {
      tags: ['busy'],
      invoke: {
        src: 'listDevices',
        input: ({ context }) => ({ base: callBase(context) }),
        onDone: {
          target: 'idle',
          actions: [{ type: 'applyDevices', params: ({ event }) => ({ devices: event.output }) }, 'finishListing'],
        },
        onError: toIdleWithError,
      },
    },
    ForgetDevice: {
      tags: ['busy'],
      invoke: {
        src: 'forgetDevice',
        input: ({ context, event }) => {
          assertEvent(event, 'device.forget');
          return { base: callBase(context), deviceKey: event.deviceKey };
        },
        onDone: { target: 'ListDevices', actions: { type: 'finish', params: { result: 'deviceForgotten' } } },
        onError: toIdleWithError,
      },
    },
    registeringPasskey: {
      description:
        'The passkeyRegistration child: StartWebAuthnRegistration, the browser creates the passkey, CompleteWebAuthnRegistration (then a fresh list if one is shown); a closed dialog ends it with NotAllowedError.',
      tags: ['busy'],
      invoke: {
        src: 'passkeyRegistration',
        input: ({ context }) => ({ accessToken: context.accessToken }),
        onDone: [
          {
            guard: { type: 'isRegistrationRefused', params: ({ event }) => ({ output: event.output }) },
            target: 'idle',
            actions: { type: 'setRegistrationError', params: ({ event }) => ({ output: event.output }) },
          },
          {
            guard: 'hasListedPasskeys',
            target: 'ListWebAuthnCredentials',
            actions: { type: 'finish', params: { result: 'passkeyRegistered' } },
          },
          { target: 'idle', actions: { type: 'finish', params: { result: 'passkeyRegistered' } } },
        ],
        onError: toIdleWithError,
      },
    },
    ListWebAuthnCredentials: {
      tags: ['busy'],
      invoke: {
        src: 'listWebAuthnCredentials',
        input: ({ context }) => ({ base: callBase(context) }),
        onDone: {
          target: 'idle',
          actions: [
            { type: 'applyPasskeys', params: ({ event }) => ({ passkeys: event.output }) },
            'finishPasskeyListing',
          ],
        },
        onError: toIdleWithError,
      },
    },
    DeleteWebAuthnCredential: {
      tags: ['busy'],
      invoke: {
        src: 'deleteWebAuthnCredential',
        input: ({ context, event }) => {
          assertEvent(event, 'passkey.delete');
          return { base: callBase(context), credentialId: event.credentialId };
        },
        onDone: {
          target: 'ListWebAuthnCredentials',
          actions: { type: 'finish', params: { result: 'passkeyDeleted' } },
        },
        onError: toIdleWithError,
      },
    },
  },
});

/** The account machine's type. */
export type AccountMachine = typeof accountMachine;
