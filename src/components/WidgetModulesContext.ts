// The opt-in modules a provider was given (managed login, passkeys), as the components below it see them.
import { createContext, useContext, type ComponentType } from 'react';

/** What the managed-login module adds to the widget's screens. */
export interface ManagedLoginViews {
  /** "Continue with …" beside the credentials form, or the one button of a hosted-page-only widget. */
  readonly FederatedButtons: ComponentType;
}

/** What the passkeys module adds to the widget's screens (each loads its code on first render). */
export interface PasskeyViews {
  /** Whether this browser can use passkeys (a secure context with the WebAuthn JSON API). */
  readonly isSupported: () => boolean;
  /** The WEB_AUTHN sign-in step: the browser's passkey dialog, "Try again" after it was closed. */
  readonly PasskeyView: ComponentType;
  /** "Create a passkey" in the signed-in view after a sign-in without one (where the widget enables it). */
  readonly PasskeyOffer: ComponentType;
}

/** The modules in effect under one provider; null where the module was not passed or its setting is off. */
export interface WidgetModules {
  readonly managedLogin: ManagedLoginViews | null;
  readonly passkeys: PasskeyViews | null;
}

/** Set by AuthProvider; outside one, no module is in effect. */
export const WidgetModulesContext = createContext<WidgetModules>({ managedLogin: null, passkeys: null });

/** The modules in effect under the nearest provider. */
export function useWidgetModules(): WidgetModules {
  return useContext(WidgetModulesContext);
}
