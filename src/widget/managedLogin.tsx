// The managed-login module: a light handle whose parts (redirect seam, callback page, buttons) load on first render.
import { lazy, Suspense, useState } from 'react';
import { StepLoading } from '../components/StepLoading.tsx';
import type { ManagedLoginModule, ManagedLoginProviderProps } from './modules.ts';

// Importing the module must not bring the engine (xstate, the machines) into the page's first chunk: the widget
// paints its first screen before the engine loads, with or without this module passed.
type Parts = typeof import('./managedLoginParts.tsx');
let loaded: Parts | null = null;
const parts = () =>
  import('./managedLoginParts.tsx').then((module) => {
    loaded = module;
    return module;
  });
const LazyProvider = lazy(async () => ({ default: (await parts()).ManagedLoginProvider }));
const LazyButtons = lazy(async () => ({ default: (await parts()).FederatedButtons }));

/** The redirect seam around the provider's screens; "Please wait…" while its code loads, if it has not yet. */
function Provider(props: ManagedLoginProviderProps) {
  // Decided once per mount: switching from the lazy part to the loaded one would remount the provider's screens.
  const [ready] = useState(() => loaded);
  if (ready !== null) return <ready.ManagedLoginProvider {...props} />;
  return (
    <Suspense fallback={<StepLoading />}>
      <LazyProvider {...props} />
    </Suspense>
  );
}

/** "Continue with …" beside the form, drawn once its code has loaded. */
function FederatedButtons() {
  const [ready] = useState(() => loaded);
  if (ready !== null) return <ready.FederatedButtons />;
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
  preload: parts,
};
