// The signed-in account screen: change password, contact details, two-step verification, remembered devices, passkeys.
import { useDeferredValue, useId } from 'react';
import type { PasswordPolicyType } from '../../machines/protocol.ts';
import type { AccountPorts } from '../../machines/accountActors.ts';
import type { StringMap } from '../../machines/index.ts';
import { useCognitoPorts } from '../hooks/CognitoPortsContext.ts';
import { AccountProvider } from '../hooks/useAccountActor.tsx';
import { useAuth } from '../hooks/useAuth.ts';
import type { LoginWidgetConfig } from './config.ts';
import { AccountChangePassword } from '../components/AccountChangePassword.tsx';
import { AccountContactDetails } from '../components/AccountContactDetails.tsx';
import { AccountDevices } from '../components/AccountDevices.tsx';
import { AccountMfa } from '../components/AccountMfa.tsx';
import { AccountPasskeys } from '../components/AccountPasskeys.tsx';
import { passkeysEnabled } from './passkeys.ts';
import { useAccountMessages } from '../components/MessagesContext.ts';
import { useWidgetModules } from '../components/WidgetModulesContext.ts';

/** Props of `<AccountSettings>`. */
export interface AccountSettingsProps {
  /** The same config as the AuthProvider's: the account calls go to the same endpoint and app client. */
  readonly config: LoginWidgetConfig;
  /** Replaces the AuthProvider's ports (tests, custom fetch). */
  readonly ports?: AccountPorts | undefined;
  /** Default `config.clientMetadata`. Sent on UpdateUserAttributes and GetUserAttributeVerificationCode; reaches the triggers. Not stored, validated or encrypted by Cognito: no secrets. */
  readonly clientMetadata?: StringMap | undefined;
  /** FriendlyDeviceName Cognito records for an authenticator app. */
  readonly friendlyDeviceName?: string | undefined;
  /** Extra class names on the root element (which always has `cx-widget cx-account`). */
  readonly className?: string | undefined;
}

/**
 * `<AccountSettings config={config} />` inside the AuthProvider: the signed-in user's account actions.
 * Renders nothing unless someone is signed in, so it can sit beside the login widget.
 */
export function AccountSettings(props: AccountSettingsProps) {
  const { status } = useAuth();
  // Rendered as deferred (interruptible) work, so the signed-in view paints first and this screen's first render
  // does not add one long main-thread task to the sign-in itself.
  const signedIn = useDeferredValue(status === 'signedIn', false);
  if (!signedIn || status !== 'signedIn') return null;
  return <SignedInAccount {...props} />;
}

function SignedInAccount({ config, ports, clientMetadata, friendlyDeviceName, className }: AccountSettingsProps) {
  const messages = useAccountMessages();
  const titleId = useId();
  const accountPorts = useCognitoPorts(ports);
  const policy: PasswordPolicyType | undefined = config.passwordPolicy;
  // The passkey list shows with the passkeys module (its ceremony creates them); its code rides with this screen,
  // whose account machine makes the passkey calls anyway.
  const { passkeys } = useWidgetModules();
  return (
    <AccountProvider
      ports={accountPorts}
      clientMetadata={clientMetadata ?? config.clientMetadata}
      friendlyDeviceName={friendlyDeviceName}
    >
      <section
        className={className === undefined ? 'cx-widget cx-account' : `cx-widget cx-account ${className}`}
        aria-labelledby={titleId}
      >
        <h2 className="cx-title" id={titleId}>
          {messages.accountTitle}
        </h2>
        <AccountChangePassword passwordPolicy={policy} />
        <AccountContactDetails />
        <AccountMfa />
        <AccountDevices />
        {passkeysEnabled(config, passkeys) ? <AccountPasskeys /> : null}
      </section>
    </AccountProvider>
  );
}
