// The widget's first screen while its engine loads: the real credentials form (PasswordForm) and the account links,
// with no xstate, machine or hook behind them. A submit or a link chosen meanwhile waits in the handover.
import { useState } from 'react';
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

/** The credentials form and the "Forgot password?" / "Create account" links, as the engine's first step draws them. */
export function ShellSignIn({ config, handover, requestEngine, loadFailed }: ShellSignInProps) {
  const messages = useMessages();
  const [submitted, setSubmitted] = useState(false);
  const open = (intent: ShellIntent) => {
    handover.choose(intent);
    requestEngine();
  };
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
    </>
  );
}
