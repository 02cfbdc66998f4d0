// The seam between the redirect path and the provider: on the callback page, tokens go to the same store as sign-in.
import type { TokenStore } from '../../machines/ports.ts';
import { useMessages } from '../components/MessagesContext.ts';
import { useRedirectCallback } from '../hooks/useRedirectCallback.ts';
import type { SignedInResult } from '../hooks/SignInProvider.tsx';

/** Props of `<RedirectCallback>`. */
export interface RedirectCallbackProps {
  readonly clientId: string;
  readonly tokens?: TokenStore | undefined;
  readonly onSignedIn?: ((result: SignedInResult) => void) | undefined;
}

/** Completes a redirect sign-in when this page load is the callback; says so when the callback is refused. */
export function RedirectCallback({ clientId, tokens, onSignedIn }: RedirectCallbackProps) {
  const messages = useMessages();
  const error = useRedirectCallback((output) => {
    tokens?.save(clientId, { username: output.claims.username ?? output.claims.sub ?? '', ...output.tokens });
    onSignedIn?.(output);
  });
  return error === null ? null : (
    <p className="cx-error" role="alert" data-redirect-error={error}>
      {messages.federatedFailed}
    </p>
  );
}
