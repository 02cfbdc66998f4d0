// The managed-login module's code, loaded on first render: the redirect seam, the callback page, hosted sign-out.
import { useState } from 'react';
import { FederatedButtons } from '../components/FederatedButtons.tsx';
import { FederationContext } from '../hooks/FederationContext.ts';
import { widgetFederation } from './federation.ts';
import { HostedSignOut } from './HostedSignOut.tsx';
import type { ManagedLoginProviderProps } from './modules.ts';
import { RedirectCallback } from './RedirectCallback.tsx';

/** Provides the Federation for `oauth` to the hooks below; completes the callback and ends hosted sessions. */
export function ManagedLoginProvider({ config, oauth, children }: ManagedLoginProviderProps) {
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

export { FederatedButtons };
