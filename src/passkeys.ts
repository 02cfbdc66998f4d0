// Package entry `cognito-xstate/passkeys`: passkeys (WebAuthn) for the widget, opt-in.
// 'use client': React components, as the main entry (src/lib.ts).
'use client';

/** Passkeys for the widget: pass it as `<LoginWidget passkeys={passkeys}>` (or to `<AuthProvider>`). */
export { passkeys } from './widget/passkeysModule.tsx';
