// The drop-in login widget: the provider, the step forms, and the theme's root class.
import { useMemo } from 'react';
import { AccountFlows } from '../components/AccountFlows.tsx';
import { HostedOnlySteps } from '../components/HostedOnlySteps.tsx';
import { PasskeyOfferContext } from '../components/PasskeyOfferContext.ts';
import { SignIn } from '../components/SignIn.tsx';
import { useWidgetModules } from '../components/WidgetModulesContext.ts';
import { useSignInFactor } from '../hooks/useSignInFactor.ts';
import { AuthProvider, type AuthProviderProps } from './AuthProvider.tsx';
import type { LoginWidgetConfig } from './config.ts';
import { offersPasskeyAfterSignIn } from './passkeys.ts';

/** Props of `<LoginWidget>`. */
export interface LoginWidgetProps extends Omit<AuthProviderProps, 'children'> {
  /** Extra class names on the root element (which always has `cx-widget`). */
  readonly className?: string | undefined;
}

/** `<LoginWidget config={{ userPoolId, clientId }} onSignedIn={…} />`: every sign-in step, themed by `--cx-*`. */
export function LoginWidget({ className, ...provider }: LoginWidgetProps) {
  return (
    <AuthProvider {...provider}>
      <div className={className === undefined ? 'cx-widget' : `cx-widget ${className}`}>
        <LoginWidgetSteps config={provider.config} />
      </div>
    </AuthProvider>
  );
}

/** The widget's screens inside an AuthProvider: sign-in with "Create account" and "Forgot password?". */
export function LoginWidgetSteps({ config }: { readonly config: LoginWidgetConfig }) {
  // "Create a passkey" after a sign-in on this page that did not use one (config.passkeys.offerAfterSignIn).
  const factor = useSignInFactor();
  // "Continue with …" and passkeys come with their opt-in modules, which AuthProvider checked the config's needs against.
  const { managedLogin, passkeys } = useWidgetModules();
  const offer = offersPasskeyAfterSignIn(config, passkeys);
  const passkeyOffer = useMemo(() => ({ offer, factor }), [offer, factor]);
  // The account flows use the provider's Cognito ports, the same transport as sign-in.
  return (
    <PasskeyOfferContext value={passkeyOffer}>
      <AccountFlows
        userPoolId={config.userPoolId}
        clientId={config.clientId}
        passwordPolicy={config.passwordPolicy}
        signUpAttributes={config.signUpAttributes}
        clientMetadata={config.clientMetadata}
      >
        {config.oauth?.hostedOnly === true ? <HostedOnlySteps /> : <SignIn />}
        {managedLogin === null ? null : <managedLogin.FederatedButtons />}
      </AccountFlows>
    </PasskeyOfferContext>
  );
}
