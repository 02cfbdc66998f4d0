// Headless hook for redirect sign-in: "Continue with <provider>" or the managed login page, and the hosted sign-out.
import { useCallback, useState } from 'react';
import { createActor } from 'xstate';
import type { RedirectErrorCode } from '../../machines/redirect.types.ts';
import { useFederation } from './FederationContext.ts';

/** What `useFederatedSignIn()` returns. */
export interface FederatedSignIn {
  /** Providers to offer; empty when no managed login domain is configured. */
  readonly providers: readonly string[];
  /** What each provider's button calls it (its name unless `config.oauth.providerLabels` says otherwise). */
  readonly label: (provider: string) => string;
  readonly hostedOnly: boolean;
  /** True from the click until the page leaves for the login domain. */
  readonly busy: boolean;
  readonly error: RedirectErrorCode | null;
  /** Leaves for `/oauth2/authorize`: `provider` null shows the managed login page. */
  readonly signInWith: (provider: string | null) => void;
  /** Ends the managed login session through `/logout` (clear your tokens first). */
  readonly signOutHosted: () => void;
}

/** Redirect sign-in through the provider's managed login domain; the redirect code loads on first use. */
export function useFederatedSignIn(): FederatedSignIn {
  const federation = useFederation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RedirectErrorCode | null>(null);
  const signInWith = useCallback(
    (provider: string | null) => {
      if (federation === null) return;
      setBusy(true);
      setError(null);
      // The redirect machine loads with the OAuth port, on the first click: a widget never used this way skips both.
      void Promise.all([federation.loadPort(), import('../../machines/redirect.machine.ts')]).then(
        ([port, { createRedirectMachine }]) => {
          const actor = createActor(createRedirectMachine(port));
          actor.subscribe((snapshot) => {
            if (!snapshot.matches('failed')) return;
            setBusy(false);
            setError(snapshot.context.error?.code ?? 'UnexpectedResponse');
            actor.stop();
          });
          actor.start();
          actor.send({ type: 'redirect.start', provider });
        },
      );
    },
    [federation],
  );
  const signOutHosted = useCallback(() => {
    if (federation === null) return;
    void federation.loadPort().then((port) => port.signOut());
  }, [federation]);
  return {
    providers: federation?.providers ?? [],
    label: (provider: string) => federation?.providerLabels[provider] ?? provider,
    hostedOnly: federation?.hostedOnly ?? false,
    busy,
    error,
    signInWith,
    signOutHosted,
  };
}
