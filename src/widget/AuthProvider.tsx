// Composition root for React apps: builds the session machine (sign-in as its child) on real adapters from one config block.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createSessionMachine, type SessionInput, type SessionPorts, type SrpPort } from '../../machines/index.ts';
import type { WorkerSrpPort } from '../adapters/srpWorkerClient.ts';
import { MessagesContext } from '../components/MessagesContext.ts';
import { useShellHandover } from '../components/ShellHandover.ts';
import { CognitoPortsContext } from '../hooks/CognitoPortsContext.ts';
import { PasswordAnswerContext } from '../hooks/PasswordAnswerContext.ts';
import { WidgetModulesContext } from '../components/WidgetModulesContext.ts';
import { SignInProvider, type InspectOption, type SignedInResult } from '../hooks/SignInProvider.tsx';
import { mergeWidgetMessages, type MessageOverrides } from '../messages.ts';
import { browserPorts } from './browserPorts.ts';
import { onFirstMove } from './firstMove.ts';
import type { LoginWidgetConfig } from './config.ts';
import { widgetModules, type OptInModules } from './modules.ts';

/** Props of `<AuthProvider>`. */
export interface AuthProviderProps extends OptInModules {
  readonly config: LoginWidgetConfig;
  /** Called after each sign-in with the tokens, still wrapped in `Secret`: call `.reveal()` where you need one. */
  readonly onSignedIn?: ((result: SignedInResult) => void) | undefined;
  readonly onSignedOut?: (() => void) | undefined;
  /** Any subset of the widget's strings (English built in). */
  readonly messages?: MessageOverrides | undefined;
  /** Inspection callback (the demo's `?inspect` passes `@statelyai/inspect`'s). */
  readonly inspect?: InspectOption | undefined;
  /** Replaces the default adapters (tests, server-side SRP, custom transports). */
  readonly ports?: SessionPorts | undefined;
  readonly children?: ReactNode;
}

/**
 * Starts the SRP worker when the user first types, points or a password manager fills a field (long before "Sign
 * in"), not during the first paint, which does not need it; ends it on unmount. Under StrictMode the remount starts a fresh one.
 */
function useWorkerLifecycle(srp: SrpPort | WorkerSrpPort, alreadyMoved: boolean): void {
  useEffect(() => {
    if (!('close' in srp)) return undefined;
    const worker = srp;
    // <LoginWidget> loads this code on the user's first move: that move has been made.
    if (alreadyMoved) {
      worker.start();
      return () => {
        worker.close();
      };
    }
    const stopListening = onFirstMove(() => {
      worker.start();
    });
    return () => {
      stopListening();
      worker.close();
    };
  }, [srp, alreadyMoved]);
}

/** Provides the Cognito ports, the session actor and the string dictionary to the hooks and components below it. */
export function AuthProvider({
  config,
  onSignedIn,
  onSignedOut,
  messages,
  inspect,
  ports,
  children,
  ...given
}: AuthProviderProps) {
  // The actor is created once per provider: changing the pool means mounting a new provider (use a `key`).
  // Ports are built once per provider and handed down: no component below builds a transport.
  const [resolvedPorts] = useState(() => ports ?? browserPorts(config, given));
  const [logic] = useState(() => createSessionMachine(resolvedPorts));
  const handover = useShellHandover();
  const [alreadyMoved] = useState(() => handover?.moved() === true);
  useWorkerLifecycle(resolvedPorts.srp, alreadyMoved);
  const input = useMemo<SessionInput>(
    () => ({
      userPoolId: config.userPoolId,
      clientId: config.clientId,
      ...(config.authFlow === undefined ? {} : { authFlow: config.authFlow }),
      ...(config.passwordless === undefined ? {} : { authFlow: 'USER_AUTH', preferredChallenge: config.passwordless }),
      // Choice-based sign-in: no PREFERRED_CHALLENGE, so Cognito answers SELECT_CHALLENGE with the user's factors.
      ...(config.signInFlow === 'choice' ? { authFlow: 'USER_AUTH', preferredChallenge: null } : {}),
      ...(config.totpIssuer === undefined ? {} : { totpIssuer: config.totpIssuer }),
    }),
    [config.userPoolId, config.clientId, config.authFlow, config.passwordless, config.signInFlow, config.totpIssuer],
  );
  const dictionary = useMemo(() => mergeWidgetMessages(messages), [messages]);
  // Throws MissingModuleError for a setting (config.oauth) whose module was not passed: never ignored silently.
  const [modules] = useState(() => widgetModules(config, given));
  const { managedLogin } = modules;
  return (
    <MessagesContext.Provider value={dictionary}>
      <CognitoPortsContext value={resolvedPorts}>
        <WidgetModulesContext value={modules}>
          {/* Choice-based sign-in answers "Use my password" with PASSWORD when the config chose the plain-password flow. */}
          <PasswordAnswerContext value={config.authFlow === 'USER_PASSWORD_AUTH' ? 'PASSWORD' : 'PASSWORD_SRP'}>
            <SignInProvider
              logic={logic}
              input={input}
              onSignedIn={onSignedIn}
              onSignedOut={onSignedOut}
              inspect={inspect}
            >
              {managedLogin === null || config.oauth === undefined ? (
                children
              ) : (
                <managedLogin.Provider config={config} oauth={config.oauth}>
                  {children}
                </managedLogin.Provider>
              )}
            </SignInProvider>
          </PasswordAnswerContext>
        </WidgetModulesContext>
      </CognitoPortsContext>
    </MessagesContext.Provider>
  );
}
