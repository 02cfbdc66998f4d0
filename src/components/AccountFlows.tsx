// The widget's switch between sign-in, "Create account" and "Forgot password?"; SignIn's credentials form offers the links.
import { useMemo, type ReactNode } from 'react';
import type { AccountPorts, PasswordPolicyType, StringMap } from '../hooks/flowData.ts';
import { toPasswordPolicy } from '../hooks/flowData.ts';
import { useCognitoPorts } from '../hooks/CognitoPortsContext.ts';
import { useAccountFlows } from '../hooks/useAccountFlows.ts';
import { AccountFlowsContext } from './AccountFlowsContext.ts';
import { ForgotPassword, SignUp } from './lazySteps.tsx';
import { PasswordPolicyContext } from './PasswordPolicyContext.ts';

/** Props of `<AccountFlows>`. */
export interface AccountFlowsProps {
  /** Replaces the AuthProvider's ports (tests, custom transports). */
  readonly ports?: AccountPorts | undefined;
  readonly userPoolId: string;
  readonly clientId: string;
  /** The pool's password policy (public clients cannot read it); Cognito's default if omitted. */
  readonly passwordPolicy?: PasswordPolicyType | undefined;
  /** Attributes the sign-up form asks for (default email and name). */
  readonly signUpAttributes?: readonly string[] | undefined;
  /** Sent with every account call; reaches the Lambda triggers. Neither stored, validated nor encrypted: no secrets. */
  readonly clientMetadata?: StringMap | undefined;
  /** The sign-in UI (`<SignIn />`); its credentials form offers "Forgot password?" and "Create account". */
  readonly children: ReactNode;
}

/** Sign-in with "Create account" and "Forgot password?"; each flow hands back to sign-in with the username kept. */
export function AccountFlows({
  ports,
  userPoolId,
  clientId,
  passwordPolicy,
  signUpAttributes,
  clientMetadata,
  children,
}: AccountFlowsProps) {
  const flows = useAccountFlows();
  const cognitoPorts = useCognitoPorts(ports);
  const policy = useMemo(() => toPasswordPolicy(passwordPolicy), [passwordPolicy]);
  const common = {
    userPoolId,
    clientId,
    ...(passwordPolicy === undefined ? {} : { passwordPolicy }),
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
  };
  if (flows.view.kind === 'signUp') {
    const { confirmUsername } = flows.view;
    return (
      <SignUp
        ports={cognitoPorts}
        input={confirmUsername === undefined ? common : { ...common, username: confirmUsername, confirmExisting: true }}
        {...(signUpAttributes === undefined ? {} : { attributes: signUpAttributes })}
        onDone={flows.signUpDone}
        onCancel={flows.backToSignIn}
      />
    );
  }
  if (flows.view.kind === 'forgotPassword') {
    return (
      <ForgotPassword
        ports={cognitoPorts}
        input={{ ...common, username: flows.view.username, requestCode: flows.view.requestCode }}
        onDone={flows.forgotPasswordDone}
      />
    );
  }
  // SignIn's credentials view is the one owner of the credentials form; it reads the links and notice from here.
  return (
    <PasswordPolicyContext value={policy}>
      <AccountFlowsContext value={flows}>{children}</AccountFlowsContext>
    </PasswordPolicyContext>
  );
}
