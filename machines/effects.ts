// Storage effect: the named action that drops a stale device's keys from the integrator's chosen store.
import type { SignInPorts } from './ports.ts';
import type { SignInContext } from './types.ts';

type Effect = (args: { context: SignInContext }) => void;

/** Real implementation of the machine's storage action; an absent device store makes it a no-op. */
export function signInEffects(ports: SignInPorts): Record<'forgetPersistedDevice', Effect> {
  return {
    // Keyed by USER_ID_FOR_SRP once known, as amazon-cognito-identity-js does.
    forgetPersistedDevice: ({ context }) => {
      ports.devices?.remove(context.clientId, context.challengeUsername ?? context.username);
    },
  };
}
