// "Continue with …" buttons for the configured identity providers, or the one button of a hosted-page-only widget.
import { useEffect } from 'react';
import { useFederatedSignIn } from '../hooks/useFederatedSignIn.ts';
import { useSignInStep } from '../hooks/useSignInStep.ts';
import { FederatedButtonList } from './FederatedButtonList.tsx';
import { useShellHandover } from './ShellHandover.ts';

/** One button per provider (`COGNITO` reads "Sign in" and opens the managed login page); nothing when none or once signed in. */
export function FederatedButtons() {
  const step = useSignInStep();
  const handover = useShellHandover();
  const { providers, label, hostedOnly, busy, error, signInWith } = useFederatedSignIn();
  const shown = hostedOnly ? ['COGNITO'] : providers;
  const atCredentials = step === 'credentials';
  // A button pressed on the widget's first screen, before this code had loaded, is answered now.
  useEffect(() => {
    if (!atCredentials) return;
    const chosen = handover?.takeProvider() ?? null;
    if (chosen !== null) signInWith(chosen.provider);
  }, [atCredentials, handover, signInWith]);
  // Beside the first step only: a user halfway through MFA or already signed in has no use for another way in.
  if (shown.length === 0 || !atCredentials) return null;
  return (
    <FederatedButtonList providers={shown} label={label} busy={busy} failed={error !== null} choose={signInWith} />
  );
}
