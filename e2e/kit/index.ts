// The fixtures kit: import `test` and `expect` from here in your own Playwright suite.
export {
  test,
  expect,
  type Cognito,
  type CognitoTestFixtures,
  type CognitoWorkerFixtures,
  type CognitoWorkerOptions,
  type RealPool,
} from './fixtures.ts';
export type { Admin, AdminTarget, CreateUserInput, MfaPreference } from './admin.ts';
export { createAdmin } from './lazyAdmin.ts';
export { emulatorClock, wallClock, type TestClock } from './clock.ts';
export {
  emulatorOutbox,
  hookOutbox,
  type CodeHook,
  type Outbox,
  type OutboxMessage,
  type WaitForCodeOptions,
} from './outbox.ts';
export { SignInPage, type WidgetStep, type WidgetTarget } from './signInPage.ts';
export { createTotp, type TotpCodes } from './totp.ts';
export { mockIdentityProvider, type MockIdentityProvider, type MockIdpUser } from './federation.ts';
export { passkeyFixtures, VirtualAuthenticator, type PasskeyFixtures, type VirtualCredential } from './passkey.ts';
