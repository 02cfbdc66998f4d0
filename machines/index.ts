// Public surface of the core: the sign-in machine, its types, ports, errors and Secret.
export { signInMachine, signInMachineSetup, requestBase, type SignInMachine } from './signIn.machine.ts';
export * from './types.ts';
export * from './ports.ts';
export * from './protocol.ts';
export * from './errors.ts';
export { Secret, secret } from './secret.ts';
