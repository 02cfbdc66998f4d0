// Whether the widget offers passkeys: `config.passkeys`, the sign-in flow, and what this browser supports.
import { isWebAuthnSupported } from '../adapters/webAuthn.ts';
import type { LoginWidgetConfig } from './config.ts';

/** The pool offers passkeys (config) and this browser can use them. */
export function passkeysEnabled(config: Pick<LoginWidgetConfig, 'passkeys' | 'signInFlow'>): boolean {
  return (config.passkeys?.enabled ?? config.signInFlow === 'choice') && isWebAuthnSupported();
}

/** The signed-in view offers "Create a passkey" after a sign-in without one. */
export function offersPasskeyAfterSignIn(config: Pick<LoginWidgetConfig, 'passkeys' | 'signInFlow'>): boolean {
  const enabled = config.passkeys?.enabled ?? config.signInFlow === 'choice';
  return (config.passkeys?.offerAfterSignIn ?? enabled) && isWebAuthnSupported();
}
