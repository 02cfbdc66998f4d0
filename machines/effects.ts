// Storage effects: the named actions that write tokens and device keys to the integrator's chosen stores.
import type { SignInPorts } from './ports.ts';
import type { SignInContext } from './types.ts';

type Effect = (args: { context: SignInContext }) => void;

/** The key stores use for this user: USER_ID_FOR_SRP once known, as amazon-cognito-identity-js does. */
function storageUsername(context: SignInContext): string {
  return context.challengeUsername ?? context.username;
}

/** Real implementations of the machine's storage actions; absent stores make them no-ops. */
export function signInEffects(
  ports: SignInPorts,
): Record<'persistTokens' | 'clearPersistedTokens' | 'persistDevice' | 'forgetPersistedDevice', Effect> {
  return {
    persistTokens: ({ context }) => {
      if (context.tokens === null) return;
      ports.tokens?.save(context.clientId, { username: storageUsername(context), ...context.tokens });
    },
    clearPersistedTokens: ({ context }) => {
      ports.tokens?.clear(context.clientId);
    },
    persistDevice: ({ context }) => {
      if (context.device === null) return;
      ports.devices?.set(context.clientId, storageUsername(context), context.device);
    },
    forgetPersistedDevice: ({ context }) => {
      ports.devices?.remove(context.clientId, storageUsername(context));
    },
  };
}
