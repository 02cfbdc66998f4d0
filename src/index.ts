// Package entry: the drop-in widget, its non-React mount, the headless hooks, the forms and the core they sit on.

export { LoginWidget, type LoginWidgetProps } from './widget/LoginWidget.tsx';
export { AuthProvider, type AuthProviderProps } from './widget/AuthProvider.tsx';
export { mountLoginWidget, type MountOptions, type MountedLoginWidget } from './widget/mount.tsx';
export { browserPorts } from './widget/browserPorts.ts';
export { cognitoEndpoint, poolRegion, type LoginWidgetConfig } from './widget/config.ts';
export type { SrpEngineReport } from './adapters/srpWorkerClient.ts';

export * from './hooks/index.ts';

export { SignIn } from './components/SignIn.tsx';
export { MessagesContext, useMessages } from './components/MessagesContext.ts';
export { Field, type FieldProps } from './components/Field.tsx';
export { PasswordForm, type PasswordFormProps } from './components/PasswordForm.tsx';
export { CodeForm, type CodeFormProps } from './components/CodeForm.tsx';
export { NewPasswordForm, type NewPasswordFormProps } from './components/NewPasswordForm.tsx';
export { SelectMfaForm, type SelectMfaFormProps } from './components/SelectMfaForm.tsx';
export { MfaSetupForm, type MfaSetupFormProps } from './components/MfaSetupForm.tsx';
export { CustomChallengeForm, type CustomChallengeFormProps } from './components/CustomChallengeForm.tsx';
export { RememberDeviceForm, type RememberDeviceFormProps } from './components/RememberDeviceForm.tsx';
export { SessionExpired, type SessionExpiredProps } from './components/SessionExpired.tsx';
export { SignedIn, type SignedInProps } from './components/SignedIn.tsx';

export {
  englishMessages,
  mergeMessages,
  errorText,
  attributeLabel,
  type Messages,
  type MessageOverrides,
  type MfaMethod,
} from './messages.ts';

export {
  signInMachine,
  createSignInMachine,
  Secret,
  secret,
  type SignInPorts,
  type SignInInput,
  type SignInError,
  type CognitoErrorCode,
  type TokenSet,
  type TokenClaims,
  type TokenStore,
  type DeviceStore,
  type MfaType,
} from '../machines/index.ts';

// Account flows: sign-up, password reset, signed-in account actions; admin helpers live in src/server/admin.ts (Node only).
export { AccountFlows, type AccountFlowsProps } from './components/AccountFlows.tsx';
export { SignUp, type SignUpProps } from './components/SignUp.tsx';
export { ForgotPassword, type ForgotPasswordProps } from './components/ForgotPassword.tsx';
export { LoginWidgetSteps } from './widget/LoginWidgetSteps.tsx';
export { useSignUp, type SignUpFlow, type SignUpOptions, type SignUpStep } from './hooks/useSignUp.ts';
export {
  useForgotPassword,
  type ForgotPasswordFlow,
  type ForgotPasswordOptions,
  type ForgotPasswordStep,
} from './hooks/useForgotPassword.ts';
export { useForgetThisDevice, type ForgetThisDevice } from './hooks/useForgetThisDevice.ts';
// The signed-in account screen: render <AccountSettings config={config} /> inside the AuthProvider; it is not part of <LoginWidget>.
export { AccountSettings, type AccountSettingsProps } from './widget/AccountSettings.tsx';
export {
  AccountProvider,
  AccountActorContext,
  type AccountProviderProps,
  type AccountAction,
} from './hooks/useAccountActor.tsx';
export { useChangePassword, type ChangePassword } from './hooks/useChangePassword.ts';
export { useUpdateUserAttributes, type UpdateUserAttributes } from './hooks/useUpdateUserAttributes.ts';
export { useVerifyUserAttribute, type VerifyUserAttribute } from './hooks/useVerifyUserAttribute.ts';
export { useTotpEnrolment, type TotpEnrolment } from './hooks/useTotpEnrolment.ts';
export { useMfaPreference, type MfaPreference as MfaPreferenceControl } from './hooks/useMfaPreference.ts';
export { useRememberedDevices, type RememberedDevices } from './hooks/useRememberedDevices.ts';
export { usePasskeys, type Passkeys, type PasskeysStatus } from './hooks/usePasskeys.ts';
export { useSignInFactor, type SignInFactor } from './hooks/useSignInFactor.ts';
export type { Passkey } from '../machines/index.ts';
/** Passkey settings of the widget (`config.passkeys`). */
export type { LoginWidgetPasskeyConfig } from './widget/config.ts';
export {
  useAccountFlows,
  type AccountFlows as AccountFlowsState,
  type AccountFlowView,
} from './hooks/useAccountFlows.ts';
export { createCognitoHttp, ClientSecretInBrowserError, type CognitoHttpOptions } from './adapters/cognitoHttp.ts';
export {
  signUpMachine,
  forgotPasswordMachine,
  accountMachine,
  signUpActors,
  forgotPasswordActors,
  accountActors,
  type AccountPorts,
  type AccountCognitoPort,
  type CognitoPort,
  type CognitoPorts,
  type PasswordPolicyType,
} from '../machines/index.ts';
/** The app client's managed login settings (`config.oauth`; needs the `cognito-xstate/managed-login` module). */
export type { LoginWidgetOAuthConfig } from './widget/config.ts';
/** Opt-in modules (`cognito-xstate/managed-login`, `/passkeys`) and the error a setting without its module throws. */
export {
  MissingModuleError,
  type ManagedLoginModule,
  type ManagedLoginProviderProps,
  type OptInModules,
  type PasskeysModule,
} from './widget/modules.ts';
/** What the passkeys module adds to the widget's screens. */
export type { PasskeyViews, ManagedLoginViews } from './components/WidgetModulesContext.ts';
