// Session statechart: restores a stored session, invokes sign-in as a child, refreshes (one tab at a time), signs out.
import { assign, emit, fromCallback, raise, sendTo, setup } from 'xstate';
import { jwtPayload } from './claims.ts';
import type { SignInError } from './errors.ts';
import { errorParams, msUntilRefresh, notProvided } from './machineParts.ts';
import { signInMachine } from './signIn.machine.ts';
import type {
  ConfirmNewDeviceInput,
  CredentialsSubmit,
  DeviceCallInput,
  RefreshInput,
  RefreshOutcome,
  SessionContext,
  SessionEmitted,
  SessionEvent,
  SessionInput,
  SessionTag,
  SessionTokenCallInput,
  SessionTokens,
} from './session.types.ts';
import type { ConfirmDeviceOutput, SignInOutput, SignOutScope, TokenClaims, TokenSet } from './types.ts';

/**
 * Local clock minus the server's, in seconds: `expiresAt` was set on the local clock from ExpiresIn, `exp` on the
 * server's (amazon-cognito-identity-js keeps the same drift, from `iat`).
 */
function clockDriftOf(tokens: TokenSet): number {
  const exp = jwtPayload(tokens.accessToken.reveal()).exp;
  return typeof exp === 'number' ? Math.round(tokens.expiresAt / 1000 - exp) : 0;
}

/** Refresh failures that no retry will mend: the refresh token is dead, or the client refuses the call. */
function endsSession(error: SignInError): boolean {
  return !error.retryable;
}

const EXPIRED_OFFLINE: SignInError = {
  code: 'NetworkError',
  retryable: true,
  detail: 'The tokens expired while Cognito could not be reached.',
};

/** The session machine's setup, for `provide()` and typed extensions. */
export const sessionMachineSetup = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    emitted: {} as SessionEmitted,
    tags: {} as SessionTag,
    /** Invoke id → actor, so `snapshot.children.signIn` is typed as the sign-in actor. */
    children: {} as {
      signIn: 'signIn';
      loadSession: 'loadSession';
      refreshSession: 'refreshSession';
      revokeToken: 'revokeToken';
      globalSignOut: 'globalSignOut';
      confirmDevice: 'confirmDevice';
      updateDeviceStatus: 'updateDeviceStatus';
      forgetDevice: 'forgetDevice';
      tabs: 'tabs';
    },
  },
  actors: {
    loadSession: notProvided<SessionTokens | null, { clientId: string }>('loadSession'),
    signIn: signInMachine,
    refreshSession: notProvided<RefreshOutcome, RefreshInput>('refreshSession'),
    revokeToken: notProvided<null, SessionTokenCallInput>('revokeToken'),
    globalSignOut: notProvided<null, SessionTokenCallInput>('globalSignOut'),
    confirmDevice: notProvided<ConfirmDeviceOutput, ConfirmNewDeviceInput>('confirmDevice'),
    updateDeviceStatus: notProvided<null, DeviceCallInput>('updateDeviceStatus'),
    forgetDevice: notProvided<null, DeviceCallInput>('forgetDevice'),
    /** Listens for other tabs' "changed" notices (none without a tab channel). */
    tabs: fromCallback<SessionEvent, { clientId: string }>(() => undefined),
  },
  guards: {
    isExpired: (_, params: { session: SessionTokens | null }) =>
      params.session !== null && params.session.tokens.expiresAt <= Date.now(),
    isRestored: (_, params: { session: SessionTokens | null }) => params.session !== null,
    isSignedIn: (_, params: { output: SignInOutput | null }) => params.output !== null,
    /** Cognito issued NewDeviceMetadata with the tokens: ConfirmDevice before anything else. */
    hasNewDevice: (_, params: { output: SignInOutput | null }) =>
      params.output !== null && (params.output.newDevice ?? null) !== null,
    userMustConfirmDevice: (_, params: { output: ConfirmDeviceOutput }) => params.output.userConfirmationNecessary,
    wantsToRemember: (_, params: { remember: boolean }) => params.remember,
    isRefreshed: (_, params: { outcome: RefreshOutcome }) => params.outcome.kind !== 'signedOut',
    endsSession: (_, params: { error: SignInError }) => endsSession(params.error),
    isGlobal: (_, params: { scope: SignOutScope | undefined }) => params.scope === 'global',
    isRevoke: ({ context }, params: { scope: SignOutScope | undefined }) =>
      (params.scope ?? 'revoke') === 'revoke' && context.tokens?.refreshToken != null,
    hasDevice: ({ context }) => context.device !== null,
    hasUsername: (_, params: { username: string }) => params.username.trim() !== '',
    hasPendingSubmit: ({ context }) => context.pendingSubmit !== null,
  },
  actions: {
    applySession: assign((_, params: { session: SessionTokens | null }) => {
      if (params.session === null) return {};
      const { username, tokens, claims, device, clockDrift } = params.session;
      return { username, tokens, claims, device, clockDrift, retries: 0, error: null };
    }),
    applySignIn: assign((_, params: { output: SignInOutput | null }) => {
      if (params.output === null) return {};
      const { username, loginName, tokens, claims, device, newDevice } = params.output;
      return {
        username,
        loginName: loginName ?? username,
        tokens,
        claims,
        device,
        newDevice: newDevice ?? null,
        clockDrift: clockDriftOf(tokens),
        retries: 0,
        error: null,
      };
    }),
    /** A redirect sign-in (managed login, federation) has no SRP user id: the ID token names the user. */
    applyRedirect: assign((_, params: { tokens: TokenSet; claims: TokenClaims }) => ({
      username: params.claims.username ?? params.claims.sub ?? '',
      tokens: params.tokens,
      claims: params.claims,
      device: null,
      clockDrift: clockDriftOf(params.tokens),
      retries: 0,
      error: null,
    })),
    applyRefresh: assign(({ context }, params: { outcome: RefreshOutcome }) => {
      if (params.outcome.kind === 'signedOut') return {};
      const { username, tokens, claims, device, clockDrift } = params.outcome;
      const refreshCall = params.outcome.kind === 'refreshed' ? params.outcome.refreshCall : context.refreshCall;
      return { username, tokens, claims, device, clockDrift, refreshCall, retries: 0, error: null };
    }),
    emitSignedIn: emit(({ context }) => {
      if (context.tokens === null || context.claims === null) throw new Error('signedIn without tokens');
      return { type: 'signedIn' as const, tokens: context.tokens, claims: context.claims };
    }),
    emitTokensRefreshed: emit(({ context }) => {
      if (context.tokens === null || context.claims === null) throw new Error('refreshed without tokens');
      return { type: 'tokensRefreshed' as const, tokens: context.tokens, claims: context.claims };
    }),
    emitSignedOut: emit({ type: 'signedOut' }),
    dropSession: assign({ tokens: null, claims: null, username: null, retries: 0 }),
    dropDevice: assign({ device: null }),
    applyConfirmedDevice: assign((_, params: { output: ConfirmDeviceOutput }) => ({
      device: params.output.device,
      newDevice: null,
    })),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
    setError: assign((_, params: { error: SignInError }) => ({ error: params.error })),
    clearError: assign({ error: null }),
    expiredOffline: assign({ error: EXPIRED_OFFLINE }),
    keepSubmit: assign((_, params: { submit: CredentialsSubmit }) => ({ pendingSubmit: params.submit })),
    /** A session was found (its password must not linger), or the submit was handed on. */
    dropPendingSubmit: assign({ pendingSubmit: null }),
    /** Raised, so it arrives once the sign-in child of `signedOut` has started. */
    raisePendingSubmit: raise(({ context }) => context.pendingSubmit ?? { type: 'tabs.changed' as const }),
    forwardSubmit: sendTo('signIn', (_, params: { submit: CredentialsSubmit }) => params.submit),
    // Effects on the integrator's store and the other tabs: no-ops here, real ones from sessionEffects(ports).
    persistSession: () => undefined,
    clearPersistedTokens: () => undefined,
    notifyTabs: () => undefined,
    persistDevice: () => undefined,
    forgetPersistedDevice: () => undefined,
  },
  delays: {
    /** Refresh `refreshMarginSeconds` before the access token expires (local clock; drift already applied). */
    refreshDelay: ({ context }) => msUntilRefresh(context),
    /** Offline: 1 s, 2 s, 4 s … up to maxRetryDelayMs between refresh tries. */
    retryDelay: ({ context }) => Math.min(context.maxRetryDelayMs, 1000 * 2 ** Math.max(0, context.retries - 1)),
    /** Offline past this moment, the session is over. */
    expiryDelay: ({ context }) => (context.tokens === null ? 0 : Math.max(0, context.tokens.expiresAt - Date.now())),
  },
});

const sessionParams = ({ event }: { event: { output: SessionTokens | null } }) => ({ session: event.output });
const outcomeParams = ({ event }: { event: { output: RefreshOutcome } }) => ({ outcome: event.output });
const signInOutputParams = ({ event }: { event: { output: SignInOutput | null } }) => ({ output: event.output });
const confirmedParams = ({ event }: { event: { output: ConfirmDeviceOutput } }) => ({ output: event.output });
const scopeParams = ({ event }: { event: { scope?: SignOutScope } }) => ({ scope: event.scope });

/** Where a stored session leads: refresh an expired one (one request), keep a valid one (none). */
const fromStore = (...then: ('emitSignedIn' | 'dropPendingSubmit')[]) =>
  [
    {
      guard: { type: 'isExpired', params: sessionParams },
      target: '#session.signedIn.refreshing',
      actions: [{ type: 'applySession', params: sessionParams }, ...then],
    },
    {
      guard: { type: 'isRestored', params: sessionParams },
      target: '#session.signedIn.active',
      actions: [{ type: 'applySession', params: sessionParams }, ...then],
    },
  ] as const;

/** The session: restore from the store, sign-in as a child, refresh under a tab lock, sign-out. */
export const sessionMachine = sessionMachineSetup.createMachine({
  id: 'session',
  description:
    'A Cognito session across reloads and tabs: restore from the token store, sign in (child), refresh, sign out.',
  context: ({ input }) => {
    const { refresh, maxRetryDelayMs, refreshMarginSeconds, ...signIn } = input;
    return {
      signIn,
      clientId: input.clientId,
      refresh: refresh ?? 'auto',
      refreshCall: refresh === 'rotation' || refresh === 'legacy' ? refresh : null,
      refreshMarginSeconds: refreshMarginSeconds ?? 300,
      maxRetryDelayMs: maxRetryDelayMs ?? 30_000,
      pendingSubmit: null,
      username: null,
      loginName: input.username ?? null,
      tokens: null,
      claims: null,
      device: null,
      newDevice: null,
      clockDrift: 0,
      retries: 0,
      error: null,
    };
  },
  invoke: { id: 'tabs', src: 'tabs', input: ({ context }) => ({ clientId: context.clientId }) },
  initial: 'restoring',
  states: {
    restoring: {
      description:
        'Reads the token store (at start, or when another tab signed in): no request while the access token is valid.',
      tags: ['busy'],
      on: {
        // A user who types fast submits before the store answers: keep the submit and act on it once it does.
        'credentials.submit': {
          guard: { type: 'hasUsername', params: ({ event }) => ({ username: event.username }) },
          actions: { type: 'keepSubmit', params: ({ event }) => ({ submit: event }) },
        },
      },
      invoke: {
        id: 'loadSession',
        src: 'loadSession',
        input: ({ context }) => ({ clientId: context.clientId }),
        onDone: [
          // Already signed in: a submit made meanwhile is moot, and its password must not linger.
          ...fromStore('emitSignedIn', 'dropPendingSubmit'),
          { guard: 'hasPendingSubmit', target: 'signedOut', actions: ['raisePendingSubmit', 'dropPendingSubmit'] },
          { target: 'signedOut' },
        ],
        onError: [
          {
            guard: 'hasPendingSubmit',
            target: 'signedOut',
            actions: [{ type: 'setError', params: errorParams }, 'raisePendingSubmit', 'dropPendingSubmit'],
          },
          { target: 'signedOut', actions: { type: 'setError', params: errorParams } },
        ],
      },
    },
    signedOut: {
      description: 'No session: the sign-in machine runs as the child `signIn` and ends with the tokens.',
      entry: 'dropSession',
      on: {
        'tabs.changed': { target: 'restoring' },
        'credentials.submit': { actions: { type: 'forwardSubmit', params: ({ event }) => ({ submit: event }) } },
        'redirect.done': {
          target: 'signedIn',
          actions: [
            { type: 'applyRedirect', params: ({ event }) => ({ tokens: event.tokens, claims: event.claims }) },
            'persistSession',
            'notifyTabs',
            'emitSignedIn',
          ],
        },
      },
      invoke: {
        id: 'signIn',
        src: 'signIn',
        input: ({ context }) => ({
          ...context.signIn,
          ...(context.loginName === null ? {} : { username: context.loginName }),
        }),
        onDone: [
          {
            guard: { type: 'hasNewDevice', params: signInOutputParams },
            target: 'signedIn.confirmingDevice',
            actions: [
              { type: 'applySignIn', params: signInOutputParams },
              'persistSession',
              'notifyTabs',
              'emitSignedIn',
            ],
          },
          {
            guard: { type: 'isSignedIn', params: signInOutputParams },
            target: 'signedIn',
            actions: [
              { type: 'applySignIn', params: signInOutputParams },
              'persistSession',
              'notifyTabs',
              'emitSignedIn',
            ],
          },
        ],
      },
    },
    signedIn: {
      description: 'Tokens held (redacted); refreshed before expiry, one tab at a time.',
      initial: 'active',
      on: {
        signOut: [
          { guard: { type: 'isGlobal', params: scopeParams }, target: '#session.signingOut.signingOutGlobally' },
          { guard: { type: 'isRevoke', params: scopeParams }, target: '#session.signingOut.revokingToken' },
          { target: '#session.signedOut', actions: ['clearPersistedTokens', 'notifyTabs', 'emitSignedOut'] },
        ],
      },
      states: {
        confirmingDevice: {
          description: 'ConfirmDevice with a fresh device verifier (NewDeviceMetadata came with the tokens).',
          tags: ['busy'],
          invoke: {
            id: 'confirmDevice',
            src: 'confirmDevice',
            input: ({ context }) => confirmDeviceInput(context),
            onDone: [
              {
                guard: { type: 'userMustConfirmDevice', params: confirmedParams },
                target: 'rememberDevice',
                actions: [{ type: 'applyConfirmedDevice', params: confirmedParams }, 'persistDevice'],
              },
              {
                target: 'active',
                actions: [{ type: 'applyConfirmedDevice', params: confirmedParams }, 'persistDevice'],
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
              },
              // The device stays not_remembered after ConfirmDevice, so "no" costs no request.
              { target: 'active' },
            ],
          },
        },
        updatingDeviceStatus: {
          description: 'UpdateDeviceStatus: remembered.',
          tags: ['busy'],
          invoke: {
            id: 'updateDeviceStatus',
            src: 'updateDeviceStatus',
            input: ({ context }) => deviceCallInput(context),
            onDone: { target: 'active' },
            onError: { target: 'active', actions: { type: 'setError', params: errorParams } },
          },
        },
        active: {
          after: { refreshDelay: { target: 'refreshing' } },
          on: {
            'tokens.refresh': { target: 'refreshing' },
            'tabs.changed': { target: 'syncing' },
            'device.forget': { guard: 'hasDevice', target: 'forgettingDevice' },
          },
        },
        forgettingDevice: {
          description: 'ForgetDevice, then drop the stored device keys (the tokens stay good).',
          tags: ['busy'],
          invoke: {
            id: 'forgetDevice',
            src: 'forgetDevice',
            input: ({ context }) => deviceCallInput(context),
            onDone: { target: 'active', actions: ['forgetPersistedDevice', 'dropDevice', 'clearError'] },
            onError: { target: 'active', actions: { type: 'setError', params: errorParams } },
          },
        },
        syncing: {
          description: 'Another tab changed the stored session: take what it stored, or sign out with it.',
          invoke: {
            id: 'loadSession',
            src: 'loadSession',
            input: ({ context }) => ({ clientId: context.clientId }),
            onDone: [...fromStore(), { target: '#session.signedOut', actions: 'emitSignedOut' }],
            onError: { target: 'active', actions: { type: 'setError', params: errorParams } },
          },
        },
        refreshing: {
          description:
            'Under the origin-wide lock: take a fresher session another tab stored, else refresh with the stored refresh token and store the answer.',
          invoke: {
            id: 'refreshSession',
            src: 'refreshSession',
            input: ({ context, event }) => refreshInput(context, event.type === 'tokens.refresh'),
            onDone: [
              {
                guard: { type: 'isRefreshed', params: outcomeParams },
                target: 'active',
                actions: [{ type: 'applyRefresh', params: outcomeParams }, 'emitTokensRefreshed'],
              },
              { target: '#session.signedOut', actions: 'emitSignedOut' },
            ],
            onError: [
              {
                guard: { type: 'endsSession', params: errorParams },
                target: '#session.signedOut',
                actions: [
                  { type: 'setError', params: errorParams },
                  'clearPersistedTokens',
                  'notifyTabs',
                  'emitSignedOut',
                ],
              },
              { target: 'offline', actions: { type: 'setError', params: errorParams } },
            ],
          },
        },
        offline: {
          description:
            'Cognito unreachable: still signed in, retrying with back-off; signed out cleanly once the tokens expire.',
          tags: ['offline'],
          entry: 'countRetry',
          after: {
            expiryDelay: {
              target: '#session.signedOut',
              actions: ['expiredOffline', 'clearPersistedTokens', 'notifyTabs', 'emitSignedOut'],
            },
            retryDelay: { target: 'refreshing' },
          },
          on: { 'tokens.refresh': { target: 'refreshing' }, 'tabs.changed': { target: 'syncing' } },
        },
      },
    },
    signingOut: {
      description: 'The store is already cleared and the other tabs told; now the server side.',
      tags: ['busy'],
      entry: ['clearPersistedTokens', 'notifyTabs'],
      exit: 'emitSignedOut',
      initial: 'revokingToken',
      states: {
        revokingToken: {
          description: 'RevokeToken kills the refresh token and the tokens issued from it.',
          invoke: {
            id: 'revokeToken',
            src: 'revokeToken',
            input: ({ context }) => tokenCallInput(context),
            onDone: { target: '#session.signedOut', actions: 'clearError' },
            onError: { target: '#session.signedOut', actions: { type: 'setError', params: errorParams } },
          },
        },
        signingOutGlobally: {
          description: 'GlobalSignOut invalidates every token of the user, on every device.',
          invoke: {
            id: 'globalSignOut',
            src: 'globalSignOut',
            input: ({ context }) => tokenCallInput(context),
            onDone: { target: '#session.signedOut', actions: 'clearError' },
            onError: { target: '#session.signedOut', actions: { type: 'setError', params: errorParams } },
          },
        },
      },
    },
  },
});

function tokenCallInput(context: SessionContext): SessionTokenCallInput {
  if (context.tokens === null) throw new Error('signing out without tokens');
  return { clientId: context.clientId, tokens: context.tokens };
}

function confirmDeviceInput(context: SessionContext): ConfirmNewDeviceInput {
  if (context.tokens === null || context.newDevice === null) throw new Error('no device to confirm');
  return { accessToken: context.tokens.accessToken, newDevice: context.newDevice };
}

function deviceCallInput(context: SessionContext): DeviceCallInput {
  if (context.tokens === null || context.device === null) throw new Error('no device to update');
  return { accessToken: context.tokens.accessToken, deviceKey: context.device.deviceKey };
}

function refreshInput(context: SessionContext, forced: boolean): RefreshInput {
  if (context.tokens === null || context.username === null) throw new Error('refreshing without tokens');
  return {
    clientId: context.clientId,
    userPoolId: context.signIn.userPoolId,
    username: context.username,
    tokens: context.tokens,
    device: context.device,
    clientMetadata: context.signIn.clientMetadata ?? null,
    refresh: context.refresh,
    refreshCall: context.refreshCall,
    refreshMarginSeconds: context.refreshMarginSeconds,
    forced,
  };
}

/** The session machine's type. */
export type SessionMachine = typeof sessionMachine;

/** What `useAuth` reports: `offline` while signed in but unable to reach Cognito. */
export type SessionStatus = 'loading' | 'signedIn' | 'offline' | 'signedOut';

/** The status of a session snapshot. */
export function sessionStatus(snapshot: {
  matches(value: 'restoring' | 'signingOut' | 'signedIn'): boolean;
  hasTag(tag: SessionTag): boolean;
}): SessionStatus {
  if (snapshot.matches('restoring') || snapshot.matches('signingOut')) return 'loading';
  if (snapshot.hasTag('offline')) return 'offline';
  return snapshot.matches('signedIn') ? 'signedIn' : 'signedOut';
}
