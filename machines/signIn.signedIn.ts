// The signed-in lifecycle of the sign-in chart: device confirmation, refresh before expiry, sign-out (issue 18 moves it to a session machine).
import { errorParams } from './machineParts.ts';
import { requestBase, signInMachineSetup } from './signIn.setup.ts';

export const signedInState = signInMachineSetup.createStateConfig({
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
});

export const signingOutState = signInMachineSetup.createStateConfig({
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
});

export const signedOutState = signInMachineSetup.createStateConfig({
  description: 'Tokens dropped from memory and the token store; the device stays remembered.',
  entry: ['dropTokens', 'clearPersistedTokens', 'emitSignedOut'],
  on: { 'signIn.restart': { target: 'credentials', actions: 'dropAttempt' } },
});
