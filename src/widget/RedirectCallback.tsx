// The seam between the redirect path and the provider: on the callback page, the session machine adopts the tokens.
import { useMessages } from '../components/MessagesContext.ts';
import { useFederation } from '../hooks/FederationContext.ts';
import { useRedirectCallback } from '../hooks/useRedirectCallback.ts';
import { SessionContext } from '../hooks/SignInProvider.tsx';

/** Completes a redirect sign-in when this page load is the callback; says so when the callback is refused. */
export function RedirectCallback() {
  const messages = useMessages();
  const session = SessionContext.useActorRef();
  const federation = useFederation();
  // The session stores the tokens, tells the other tabs and emits `signedIn` (the provider's onSignedIn hears it).
  const error = useRedirectCallback((output) => {
    // Signing out of this session also ends it on the login domain (HostedSignOut).
    federation?.noteHostedSignIn();
    session.send({ type: 'redirect.done', tokens: output.tokens, claims: output.claims });
  });
  return error === null ? null : (
    <p className="cx-error" role="alert" data-redirect-error={error}>
      {messages.federatedFailed}
    </p>
  );
}
