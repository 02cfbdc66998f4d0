// After a managed-login session signs out in the widget, `/logout` ends it on the login domain too.
import { useEffect } from 'react';
import { useFederation } from '../hooks/FederationContext.ts';
import { SessionContext } from '../hooks/SignInProvider.tsx';

/**
 * Renders nothing. Without the visit to `/logout`, the login domain's session cookie would let the next "Sign in on
 * the hosted page" through without a password. Sessions that never went through managed login skip the round trip.
 */
export function HostedSignOut() {
  const federation = useFederation();
  const actorRef = SessionContext.useActorRef();
  useEffect(() => {
    if (federation === null) return undefined;
    const subscription = actorRef.on('signedOut', () => {
      if (!federation.takeHostedSignIn()) return;
      void federation.loadPort().then((port) => port.signOut());
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [actorRef, federation]);
  return null;
}
