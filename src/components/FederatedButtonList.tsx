// The "Continue with …" buttons as they look, for the engine's FederatedButtons and the widget's first screen alike.
import { useMessages } from './MessagesContext.ts';

/** Props of the button list. */
export interface FederatedButtonListProps {
  /** Identity providers to offer; `COGNITO` is the managed login page ("Sign in on the hosted page"). */
  readonly providers: readonly string[];
  /** What a button calls its provider. */
  readonly label: (provider: string) => string;
  readonly busy: boolean;
  readonly failed: boolean;
  /** A button was pressed: the provider, or null for the managed login page. */
  readonly choose: (provider: string | null) => void;
}

/** One button per provider, and the alert when leaving for one failed. */
export function FederatedButtonList({ providers, label, busy, failed, choose }: FederatedButtonListProps) {
  const messages = useMessages();
  return (
    <div className="cx-federated">
      {providers.map((provider) => (
        <button
          key={provider}
          className="cx-button"
          type="button"
          disabled={busy}
          onClick={() => {
            choose(provider === 'COGNITO' ? null : provider);
          }}
        >
          {provider === 'COGNITO'
            ? messages.signInOnHostedPage
            : messages.continueWith.replace('{provider}', label(provider))}
        </button>
      ))}
      {failed ? (
        <p className="cx-error" role="alert">
          {messages.federatedFailed}
        </p>
      ) : null}
    </div>
  );
}
