// The managed-login module: the redirect seam, the callback page and hosted sign-out, and the "Continue with …" buttons.
import { useState } from 'react';
import { FederatedButtons } from '../components/FederatedButtons.tsx';
import { FederationContext } from '../hooks/FederationContext.ts';
import { widgetFederation } from './federation.ts';
import { HostedSignOut } from './HostedSignOut.tsx';
import type { ManagedLoginModule, ManagedLoginProviderProps } from './modules.ts';
import { RedirectCallback } from './RedirectCallback.tsx';

/** Provides the Federation for `oauth` to the hooks below; completes the callback and ends hosted sessions. */
function ManagedLoginProvider({ config, oauth, children }: ManagedLoginProviderProps) {
  // Built once per provider, as the provider's ports are: the callback URL is taken at most once.
  const [federation] = useState(() => widgetFederation(config, oauth));
  return (
    <FederationContext value={federation}>
      <RedirectCallback />
      <HostedSignOut />
      {children}
    </FederationContext>
  );
}

/** Managed login (OAuth code + PKCE) for `config.oauth`: `<LoginWidget config={…} managedLogin={managedLogin} />`. */
export const managedLogin: ManagedLoginModule = {
  module: 'cognito-xstate/managed-login',
  Provider: ManagedLoginProvider,
  FederatedButtons,
};
