// The session's real actors: restore from the store, refresh (rotation or legacy) under the origin-wide lock, sign out.
import { fromCallback, fromPromise } from 'xstate';
import { readClaims } from './claims.ts';
import type { SessionPorts, StoredTokens } from './ports.ts';
import type {
  ConfirmNewDeviceInput,
  DeviceCallInput,
  RefreshInput,
  RefreshOutcome,
  SessionEvent,
  SessionTokenCallInput,
  SessionTokens,
} from './session.types.ts';
import type { ConfirmDeviceOutput } from './types.ts';

/** The Web Locks name: one refresh at a time per app client across the tabs of an origin. */
const refreshLockName = (clientId: string) => `cognito-xstate.refresh.${clientId}`;

/** The calls after sign-in load on first use: the sign-in form paints without their code. */
const calls = () => import('./session.calls.ts');

function toSession(ports: SessionPorts, clientId: string, stored: StoredTokens): SessionTokens {
  const { username, clockDrift, ...tokens } = stored;
  return {
    username,
    tokens,
    claims: readClaims(tokens.idToken.reveal()),
    device: ports.devices?.get(clientId, username) ?? null,
    clockDrift: clockDrift ?? 0,
  };
}

/** Runs without a lock: only one refresh per tab can run anyway (the machine has one refreshing state). */
const noLock = <T>(_name: string, task: () => Promise<T>) => task();

/** The real actors for `sessionMachine.provide({ actors: sessionActors(ports) })` (the sign-in child aside). */
export function sessionActors(ports: SessionPorts) {
  const lock = ports.locks?.run.bind(ports.locks) ?? noLock;
  const load = (clientId: string): SessionTokens | null => {
    const stored = ports.tokens?.load(clientId) ?? null;
    return stored === null ? null : toSession(ports, clientId, stored);
  };

  return {
    loadSession: fromPromise<SessionTokens | null, { clientId: string }>(({ input }) =>
      Promise.resolve(load(input.clientId)),
    ),
    refreshSession: fromPromise<RefreshOutcome, RefreshInput>(({ input }) =>
      lock(refreshLockName(input.clientId), async () => (await calls()).refreshSession(ports, input, load)),
    ),
    revokeToken: fromPromise<null, SessionTokenCallInput>(async ({ input }) =>
      (await calls()).revokeToken(ports, input),
    ),
    globalSignOut: fromPromise<null, SessionTokenCallInput>(async ({ input }) =>
      (await calls()).globalSignOut(ports, input),
    ),
    confirmDevice: fromPromise<ConfirmDeviceOutput, ConfirmNewDeviceInput>(async ({ input }) =>
      (await calls()).confirmDevice(ports, input),
    ),
    updateDeviceStatus: fromPromise<null, DeviceCallInput>(async ({ input }) =>
      (await calls()).updateDeviceStatus(ports, input),
    ),
    forgetDevice: fromPromise<null, DeviceCallInput>(async ({ input }) => (await calls()).forgetDevice(ports, input)),

    tabs: fromCallback<SessionEvent, { clientId: string }>(({ sendBack, input }) =>
      ports.tabs?.subscribe(input.clientId, () => {
        sendBack({ type: 'tabs.changed' });
      }),
    ),
  };
}
