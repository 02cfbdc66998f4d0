// Public surface of the core: the sign-in machine, its types, ports, errors and Secret.
export { signInMachine, signInMachineSetup, requestBase, type SignInMachine } from './signIn.machine.ts';
export * from './types.ts';
export * from './ports.ts';
export * from './protocol.ts';
export * from './errors.ts';
export { Secret, secret } from './secret.ts';
export { signInActors, DEFAULT_RETRY } from './actors.ts';
export { signInEffects } from './effects.ts';
export { createSignInMachine } from './createSignInMachine.ts';
export { readClaims } from './claims.ts';
