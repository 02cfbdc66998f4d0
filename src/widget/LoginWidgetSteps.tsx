// The widget's screens inside an AuthProvider: sign-in with "Create account" and "Forgot password?".
import { useMemo } from 'react';
import { AccountFlows } from '../components/AccountFlows.tsx';
import { HostedOnlySteps } from '../components/HostedOnlySteps.tsx';
import { PasskeyOfferContext } from '../components/PasskeyOfferContext.ts';
import { SignIn } from '../components/SignIn.tsx';
import { useWidgetModules } from '../components/WidgetModulesContext.ts';
import { useSignInFactor } from '../hooks/useSignInFactor.ts';
import type { LoginWidgetConfig } from './config.ts';
import { offersPasskeyAfterSignIn } from './passkeys.ts';

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
