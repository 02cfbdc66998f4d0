// The widget's first screen while its engine loads: the real credentials form (PasswordForm), the account links and
// the "Continue with …" buttons, with no xstate, machine or hook behind them. A submit, a link or a button chosen
// meanwhile waits in the handover.
import { useState } from 'react';
import { FederatedButtonList } from '../components/FederatedButtonList.tsx';
import { useMessages } from '../components/MessagesContext.ts';
import { PasswordForm } from '../components/PasswordForm.tsx';
import type { ShellHandover, ShellIntent } from '../components/ShellHandover.ts';
import type { LoginWidgetConfig } from './config.ts';

/** Props of the first screen's sign-in. */
export interface ShellSignInProps {
  readonly config: LoginWidgetConfig;
  readonly handover: ShellHandover;
  /** Asks for the engine now (a submit or a link needs it); a no-op while it loads. */
  readonly requestEngine: () => void;
  /** The engine's code could not be fetched: shown as a network error, retried on the next submit. */
  readonly loadFailed: boolean;
}

/** The credentials form, the "Forgot password?" / "Create account" links and the federated buttons, as the engine's first step draws them. */
export function ShellSignIn({ config, handover, requestEngine, loadFailed }: ShellSignInProps) {
  const messages = useMessages();
  const [submitted, setSubmitted] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const open = (intent: ShellIntent) => {
    handover.choose(intent);
    requestEngine();
  };
  const { oauth } = config;
  const providers = oauth === undefined ? [] : oauth.hostedOnly === true ? ['COGNITO'] : (oauth.providers ?? []);
  const federated =
    providers.length === 0 ? null : (
      <FederatedButtonList
        providers={providers}
        label={(provider) => oauth?.providerLabels?.[provider] ?? provider}
        busy={leaving && !loadFailed}
        failed={leaving && loadFailed}
        choose={(provider) => {
          // The engine leaves for /oauth2/authorize with this provider once it has loaded.
          handover.chooseProvider(provider);
          setLeaving(true);
          requestEngine();
        }}
      />
    );
  // A hosted-page-only widget has no form of its own: the managed login page asks.
  if (oauth?.hostedOnly === true) return federated;
  return (
    <>
      <PasswordForm
        busy={submitted && !loadFailed}
        error={loadFailed ? { code: 'NetworkError' } : undefined}
        submit={(username, password) => {
          // Kept in the widget's handover only until the engine's sign-in takes it.
          handover.submit({ username, password });
          setSubmitted(true);
          requestEngine();
        }}
        passwordless={config.signInFlow === 'choice' ? 'choice' : config.passwordless}
      />
      <p className="cx-links">
        <button
          className="cx-button cx-button-link"
          type="button"
          onClick={() => {
            open('forgotPassword');
          }}
        >
          {messages.forgotPassword}
        </button>{' '}
        <button
          className="cx-button cx-button-link"
          type="button"
          onClick={() => {
            open('signUp');
          }}
        >
          {messages.createAccount}
        </button>
      </p>
      {federated}
    </>
  );
}
