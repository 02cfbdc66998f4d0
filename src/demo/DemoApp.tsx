// The demo page: the login widget beside the demo pool's users and, in development, the emulator's helpers.
import { lazy, Suspense, useId, useState } from 'react';
import type { InspectOption } from '../hooks/SignInProvider.tsx';
import { managedLogin } from '../widget/managedLogin.tsx';
import { passkeys } from '../widget/passkeysModule.tsx';
import { AccountSettings } from '../widget/AccountSettings.tsx';
import { AuthProvider } from '../widget/AuthProvider.tsx';
import type { LoginWidgetConfig } from '../widget/config.ts';
import { LoginWidgetSteps } from '../widget/LoginWidgetSteps.tsx';
import { Claims } from './Claims.tsx';
import { DEMO_FLOWS, demoFlowOf, withDemoFlow, type DemoFlowId } from './demoConfig.ts';
import { DemoUsers } from './DemoUsers.tsx';

// Vite drops this branch, and otpauth with it, from production builds; the e2e build (`--mode e2e`) keeps it.
const DevPanel =
  import.meta.env.DEV || import.meta.env.MODE === 'e2e' ? lazy(() => import('./DevPanel.tsx')) : undefined;

export interface DemoAppProps {
  readonly config: LoginWidgetConfig;
  readonly inspect?: InspectOption | undefined;
  /** Leaves the passkeys module out (`?passkeys=off`), as an app that does not import it. */
  readonly withoutPasskeys?: boolean | undefined;
}

/** The whole demo page. */
export function DemoApp({ config, inspect, withoutPasskeys = false }: DemoAppProps) {
  const flowId = useId();
  const [authFlow, setAuthFlow] = useState<DemoFlowId>(demoFlowOf(config));
  const flowConfig = withDemoFlow(config, authFlow);
  return (
    <div className="demo">
      <header className="demo-header">
        <h1>Cognito sign-in demo</h1>
        <p>
          {config.endpoint === undefined
            ? `Signing in to user pool ${config.userPoolId} on Amazon Cognito.`
            : `Signing in to user pool ${config.userPoolId} on the local emulator at ${config.endpoint}.`}
        </p>
        <p className="demo-flow">
          <label htmlFor={flowId}>Sign-in flow</label>{' '}
          <select
            id={flowId}
            value={authFlow}
            onChange={(event) => {
              const chosen = DEMO_FLOWS.find((option) => option.flow === event.target.value);
              if (chosen !== undefined) setAuthFlow(chosen.flow);
            }}
          >
            {DEMO_FLOWS.map((option) => (
              <option key={option.flow} value={option.flow}>
                {option.label}
              </option>
            ))}
          </select>
        </p>
      </header>
      {/* A new flow means a new sign-in actor, so the provider is remounted. */}
      {/* The demo pool has a managed login domain (config.oauth) and passkeys: both opt-in modules come with it. */}
      <AuthProvider
        key={authFlow}
        config={flowConfig}
        inspect={inspect}
        managedLogin={managedLogin}
        passkeys={withoutPasskeys ? undefined : passkeys}
      >
        <main className="demo-main">
          <div className="cx-widget">
            <LoginWidgetSteps config={flowConfig} />
          </div>
          <AccountSettings config={flowConfig} />
          <Claims />
        </main>
        <aside className="demo-aside" aria-label="Demo helpers">
          <DemoUsers />
          {DevPanel === undefined || config.endpoint === undefined ? null : (
            <Suspense fallback={null}>
              <DevPanel endpoint={config.endpoint} />
            </Suspense>
          )}
        </aside>
      </AuthProvider>
    </div>
  );
}
