// "Continue with …" buttons for the configured identity providers, or the one button of a hosted-page-only widget.
import { useFederatedSignIn } from '../hooks/useFederatedSignIn.ts';
import { useSignInStep } from '../hooks/useSignInStep.ts';
import { useMessages } from './MessagesContext.ts';

/** One button per provider (`COGNITO` reads "Sign in" and opens the managed login page); nothing when none or once signed in. */
export function FederatedButtons() {
  const messages = useMessages();
  const step = useSignInStep();
  const { providers, label, hostedOnly, busy, error, signInWith } = useFederatedSignIn();
  const shown = hostedOnly ? ['COGNITO'] : providers;
  // Beside the first step only: a user halfway through MFA or already signed in has no use for another way in.
  if (shown.length === 0 || step !== 'credentials') return null;
  return (
    <div className="cx-federated">
      {shown.map((provider) => (
        <button
          key={provider}
          className="cx-button"
          type="button"
          disabled={busy}
          onClick={() => {
            signInWith(provider === 'COGNITO' ? null : provider);
          }}
        >
          {provider === 'COGNITO'
            ? messages.signInOnHostedPage
            : messages.continueWith.replace('{provider}', label(provider))}
        </button>
      ))}
      {error === null ? null : (
        <p className="cx-error" role="alert">
          {messages.federatedFailed}
        </p>
      )}
    </div>
  );
}
