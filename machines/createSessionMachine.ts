// Composition: the session machine with real actors, the sign-in child, store and tab effects, on the ports' clock.
import { signInActors } from './actors.ts';
import { signInEffects } from './effects.ts';
import type { SessionPorts, SignInPorts } from './ports.ts';
import { sessionActors } from './session.actors.ts';
import { sessionMachine } from './session.machine.ts';
import { signInMachine } from './signIn.machine.ts';
import type { SessionContext, SessionTokens } from './session.types.ts';

type Effect = (args: { context: SessionContext }) => void;

/** Real implementations of the session's store and tab actions; absent ports make them no-ops. */
export function sessionEffects(
  ports: SessionPorts,
): Record<
  'persistSession' | 'clearPersistedTokens' | 'notifyTabs' | 'persistDevice' | 'forgetPersistedDevice',
  Effect
> {
  return {
    persistSession: ({ context }) => {
      if (context.tokens === null || context.username === null) return;
      ports.tokens?.save(context.clientId, {
        username: context.username,
        ...context.tokens,
        clockDrift: context.clockDrift,
      });
    },
    clearPersistedTokens: ({ context }) => {
      ports.tokens?.clear(context.clientId);
    },
    notifyTabs: ({ context }) => {
      ports.tabs?.notify(context.clientId);
    },
    persistDevice: ({ context }) => {
      if (context.username !== null && context.device !== null)
        ports.devices?.set(context.clientId, context.username, context.device);
    },
    forgetPersistedDevice: ({ context }) => {
      if (context.username !== null) ports.devices?.remove(context.clientId, context.username);
    },
  };
}

/** The sign-in child: it ends at the tokens, which the session takes from its output. */
function signInChild(ports: SignInPorts) {
  return signInMachine.provide({ actors: signInActors(ports), actions: signInEffects(ports) });
}

/** `sessionMachine` wired to Cognito, the stores, the lock and the tab channel; its sign-in child keeps no tokens itself. */
export function createSessionMachine(ports: SessionPorts) {
  const now = () => (ports.now?.() ?? new Date()).getTime();
  return sessionMachine.provide({
    actors: { ...sessionActors(ports), signIn: signInChild(ports) },
    actions: sessionEffects(ports),
    guards: {
      isExpired: (_, params: { session: SessionTokens | null }) =>
        params.session !== null && params.session.tokens.expiresAt <= now(),
    },
    delays: {
      refreshDelay: ({ context }) =>
        context.tokens === null
          ? 0
          : Math.max(0, context.tokens.expiresAt - context.refreshMarginSeconds * 1000 - now()),
      expiryDelay: ({ context }) => (context.tokens === null ? 0 : Math.max(0, context.tokens.expiresAt - now())),
    },
  });
}
