// The AuthenticationHelper engine for the package's core entry, loaded on first use so that
// amazon-cognito-identity-js stays an optional peer: apps that never choose this engine never import it.
import type { SrpPort } from '../../machines/ports.ts';

/**
 * SrpPort over amazon-cognito-identity-js's AuthenticationHelper (install that package to use it). Slower than
 * `createFastSrp`; useful as a reference engine, or where an app already ships the official client.
 */
export function createAuthenticationHelperSrp(): SrpPort {
  let engine: Promise<SrpPort> | undefined;
  const load = (): Promise<SrpPort> =>
    (engine ??= import('./srp.ts').then((module) => module.createAuthenticationHelperSrp()));
  return {
    createEphemeral: async () => (await load()).createEphemeral(),
    passwordClaim: async (input) => (await load()).passwordClaim(input),
    deviceClaim: async (input) => (await load()).deviceClaim(input),
    createDeviceVerifier: async (input) => (await load()).createDeviceVerifier(input),
  };
}
