// The opt-in modules a provider was given (managed login), as the components below it see them.
import { createContext, useContext, type ComponentType } from 'react';

/** What the managed-login module adds to the widget's screens. */
export interface ManagedLoginViews {
  /** "Continue with …" beside the credentials form, or the one button of a hosted-page-only widget. */
  readonly FederatedButtons: ComponentType;
}

/** The modules in effect under one provider; null where the module was not passed or its setting is off. */
export interface WidgetModules {
  readonly managedLogin: ManagedLoginViews | null;
}

/** Set by AuthProvider; outside one, no module is in effect. */
export const WidgetModulesContext = createContext<WidgetModules>({ managedLogin: null });

/** The modules in effect under the nearest provider. */
export function useWidgetModules(): WidgetModules {
  return useContext(WidgetModulesContext);
}
