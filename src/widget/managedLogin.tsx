// The managed-login module: a light handle whose parts (redirect seam, callback page, buttons) load on first render.
import { lazy, Suspense } from 'react';
import { StepLoading } from '../components/StepLoading.tsx';
import type { ManagedLoginModule, ManagedLoginProviderProps } from './modules.ts';

// Importing the module must not bring the engine (xstate, the machines) into the page's first chunk: the widget
// paints its first screen before the engine loads, with or without this module passed.
const parts = () => import('./managedLoginParts.tsx');
const LazyProvider = lazy(async () => ({ default: (await parts()).ManagedLoginProvider }));
const LazyButtons = lazy(async () => ({ default: (await parts()).FederatedButtons }));

/** The redirect seam around the provider's screens; "Please wait…" while its code loads. */
function Provider(props: ManagedLoginProviderProps) {
  return (
    <Suspense fallback={<StepLoading />}>
      <LazyProvider {...props} />
    </Suspense>
  );
}

/** "Continue with …" beside the form, drawn once its code has loaded. */
function FederatedButtons() {
  return (
    <Suspense fallback={null}>
      <LazyButtons />
    </Suspense>
  );
}

/** Managed login (OAuth code + PKCE) for `config.oauth`: `<LoginWidget config={…} managedLogin={managedLogin} />`. */
export const managedLogin: ManagedLoginModule = {
  module: 'cognito-xstate/managed-login',
  Provider,
  FederatedButtons,
};
