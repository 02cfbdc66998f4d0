// Public surface of the core: the sign-in machine, its types, ports, errors and Secret.
export { signInMachine, signInMachineSetup, requestBase, type SignInMachine } from './signIn.machine.ts';
export * from './types.ts';
export { isAttempt, assertAttempt, AttemptMismatchError } from './signIn.attempt.ts';
export * from './ports.ts';
export * from './protocol.ts';
export * from './errors.ts';
export { Secret, secret } from './secret.ts';
export { signInActors } from './actors.ts';
export { callCognito, DEFAULT_RETRY } from './cognitoCall.ts';
export { signInEffects } from './effects.ts';
export { createSignInMachine } from './createSignInMachine.ts';
export {
  sessionMachine,
  sessionMachineSetup,
  sessionStatus,
  type SessionMachine,
  type SessionStatus,
} from './session.machine.ts';
export * from './session.types.ts';
export { sessionActors } from './session.actors.ts';
export { createSessionMachine, sessionEffects } from './createSessionMachine.ts';
export { jwtPayload, readClaims, clockDriftOf } from './claims.ts';
// Account flows beside sign-in: sign-up, forgotten password, signed-in account actions.
export {
  signUpMachine,
  signUpMachineSetup,
  type SignUpMachine,
  type SignUpInput,
  type SignUpOutput,
  type SignUpEvent,
  type SignUpContext,
} from './signUp.machine.ts';
export {
  forgotPasswordMachine,
  forgotPasswordMachineSetup,
  type ForgotPasswordMachine,
  type ForgotPasswordInput,
  type ForgotPasswordOutput,
  type ForgotPasswordEvent,
  type ForgotPasswordContext,
} from './forgotPassword.machine.ts';
export {
  accountMachine,
  accountMachineSetup,
  type AccountMachine,
  type AccountInput,
  type AccountEvent,
  type AccountContext,
  type AccountResult,
} from './account.machine.ts';
export {
  signUpActors,
  forgotPasswordActors,
  accountActors,
  type AccountCognitoPort,
  type AccountPorts,
} from './accountActors.ts';
export type {
  CodeDelivery as AccountCodeDelivery,
  MfaPreference,
  MfaSetting,
  RememberedDevice,
  Passkey,
} from './accountTypes.ts';
export * from './passwordPolicy.ts';
export {
  passkeyRegistrationMachine,
  passkeyRegistrationMachineSetup,
  type PasskeyRegistrationMachine,
  type PasskeyRegistrationInput,
  type PasskeyRegistrationOutput,
  type PasskeyRegistrationContext,
} from './passkeyRegistration.machine.ts';
export { passkeyRegistrationActors, type PasskeyPorts } from './passkeyActors.ts';
// The OAuth redirect path (managed login and federation): its machine, data and errors.
export {
  redirectMachine,
  redirectMachineSetup,
  redirectActors,
  createRedirectMachine,
  type RedirectMachine,
  type RedirectContext,
  type RedirectEvent,
} from './redirect.machine.ts';
export * from './redirect.types.ts';
