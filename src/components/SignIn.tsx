// Picks the form for the current sign-in step; each step view is one hook call and one thin form.
import { useCredentialsStep, useSignInStep } from '../hooks/index.ts';
import { useAccountFlowsOffer } from './AccountFlowsContext.ts';
import {
  ChooseFactorView,
  PasskeyView,
  CustomChallengeView,
  EmailView,
  MfaSetupView,
  NewPasswordView,
  preloadLaterSteps,
  RememberDeviceView,
  SelectMfaView,
  SessionExpiredView,
  SignedInView,
  SmsView,
  TotpView,
  usePreloadLaterStepsOnInput,
} from './lazySteps.tsx';
import { useMessages } from './MessagesContext.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { StepLoading } from './StepLoading.tsx';

/** The whole sign-in UI for the provider above it: one step at a time, focus on each new step's first field. */
export function SignIn() {
  const step = useSignInStep();
  // A key per step remounts the form, which resets its fields and moves focus to its first field.
  switch (step) {
    case 'loading':
      return <StepLoading key={step} />;
    case 'credentials':
      return <CredentialsView key={step} />;
    case 'SMS_MFA':
      return <SmsView key={step} />;
    case 'SOFTWARE_TOKEN_MFA':
      return <TotpView key={step} />;
    case 'EMAIL_OTP':
      return <EmailView key={step} />;
    case 'SELECT_MFA_TYPE':
      return <SelectMfaView key={step} />;
    case 'SELECT_CHALLENGE':
      return <ChooseFactorView key={step} />;
    case 'WEB_AUTHN':
      return <PasskeyView key={step} />;
    case 'MFA_SETUP':
      return <MfaSetupView key={step} />;
    case 'NEW_PASSWORD_REQUIRED':
      return <NewPasswordView key={step} />;
    case 'CUSTOM_CHALLENGE':
      return <CustomChallengeView key={step} />;
    case 'rememberDevice':
      return <RememberDeviceView key={step} />;
    case 'sessionExpired':
      return <SessionExpiredView key={step} />;
    case 'signedIn':
      return <SignedInView key={step} />;
  }
}

/** The one credentials form; under <AccountFlows> it also offers sign-up and password reset. */
function CredentialsView() {
  const messages = useMessages();
  const { busy, error, username, passwordless, submit } = useCredentialsStep();
  const flows = useAccountFlowsOffer();
  usePreloadLaterStepsOnInput();
  return (
    <>
      {flows?.passwordWasReset === true ? (
        <p className="cx-status cx-notice" role="status">
          {messages.passwordResetDone}
        </p>
      ) : null}
      <PasswordForm
        busy={busy}
        // Errors the account flows turned into a screen (reset required, not confirmed) are not shown again here.
        error={flows === null ? error : flows.signInError}
        submit={(name, password) => {
          preloadLaterSteps();
          submit(name, password);
        }}
        defaultUsername={flows?.username ?? username}
        passwordless={passwordless}
      />
      {flows === null ? null : (
        <p className="cx-links">
          <button className="cx-button cx-button-link" type="button" onClick={flows.openForgotPassword}>
            {messages.forgotPassword}
          </button>{' '}
          <button className="cx-button cx-button-link" type="button" onClick={flows.openSignUp}>
            {messages.createAccount}
          </button>
        </p>
      )}
    </>
  );
}
