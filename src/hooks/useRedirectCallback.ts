// On the OAuth callback page: completes the redirect sign-in once, then hands the tokens to the provider's store.
import { useEffect, useRef, useState } from 'react';
import { createActor } from 'xstate';
import type { RedirectErrorCode, RedirectOutput } from '../../machines/redirect.types.ts';
import { secret } from '../../machines/secret.ts';
import { useFederation } from './FederationContext.ts';

/** Runs on mount; `onTokens` gets the verified tokens, the returned code says why a callback was refused. */
export function useRedirectCallback(onTokens: (output: RedirectOutput) => void): RedirectErrorCode | null {
  const federation = useFederation();
  const [error, setError] = useState<RedirectErrorCode | null>(null);
  const handled = useRef(false);
  const latest = useRef(onTokens);
  useEffect(() => {
    latest.current = onTokens;
  });
  useEffect(() => {
    if (federation === null || handled.current) return;
    handled.current = true; // StrictMode mounts twice; the code is single-use
    const callbackUrl = federation.takeCallbackUrl();
    if (callbackUrl === null) return;
    // The machine and the OAuth port load only on a callback page, so other page loads carry neither.
    void Promise.all([federation.loadPort(), import('../../machines/redirect.machine.ts')])
      .then(([port, { createRedirectMachine }]) => {
        const actor = createActor(createRedirectMachine(port)).start();
        actor.subscribe((snapshot) => {
          if (snapshot.status === 'done') latest.current(snapshot.output);
          else if (snapshot.matches('failed')) {
            setError(snapshot.context.error?.code ?? 'UnexpectedResponse');
            actor.stop();
          }
        });
        actor.send({ type: 'redirect.complete', callbackUrl: secret(callbackUrl) });
      })
      .catch(async (thrown: unknown) => {
        const { toRedirectError } = await import('../../machines/redirect.types.ts');
        setError(toRedirectError(thrown).code);
      });
  }, [federation]);
  return error;
}
