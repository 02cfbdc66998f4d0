// Whether the widget offers passkeys: the passkeys module, `config.passkeys`, the sign-in flow, and the browser.
import type { PasskeyViews } from '../components/WidgetModulesContext.ts';
import type { LoginWidgetConfig } from './config.ts';

type PasskeySettings = Pick<LoginWidgetConfig, 'passkeys' | 'signInFlow'>;

/** The passkeys module was passed, the pool offers passkeys (config), and this browser can use them. */
export function passkeysEnabled(config: PasskeySettings, module: Pick<PasskeyViews, 'isSupported'> | null): boolean {
  return module !== null && (config.passkeys?.enabled ?? config.signInFlow === 'choice') && module.isSupported();
}

/** The signed-in view offers "Create a passkey" after a sign-in without one. */
export function offersPasskeyAfterSignIn(
  config: PasskeySettings,
  module: Pick<PasskeyViews, 'isSupported'> | null,
): boolean {
  const enabled = config.passkeys?.enabled ?? config.signInFlow === 'choice';
  return module !== null && (config.passkeys?.offerAfterSignIn ?? enabled) && module.isSupported();
}
