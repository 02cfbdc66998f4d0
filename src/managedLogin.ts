// Package entry `cognito-xstate/managed-login`: managed login and federation, opt-in, for `config.oauth`.
// 'use client': React hooks and components, as the main entry (src/lib.ts).
'use client';

/** Managed login (OAuth code + PKCE) for `config.oauth`: pass it as `<LoginWidget managedLogin={managedLogin}>`. */
export { managedLogin } from './widget/managedLogin.tsx';
/** Redirect sign-in (managed login, "Continue with …"): the headless hook over the provider's `config.oauth`. */
export { useFederatedSignIn, type FederatedSignIn } from './hooks/useFederatedSignIn.ts';
/** Why a redirect sign-in was refused: `StateMismatch`, `NonceMismatch`, `NoPendingRedirect`, or the OAuth error. */
export type { RedirectErrorCode } from '../machines/redirect.types.ts';
