// Picks the form for the current sign-in step; each step view is one hook call and one thin form.
import {
  useAuth,
  useCredentialsStep,
  useCustomChallengeStep,
  useEmailCodeStep,
  useMfaSetupStep,
  useNewPasswordStep,
  useRememberDeviceStep,
  useSelectMfaStep,
  useSessionExpiredStep,
  useSignInStep,
  useSmsCodeStep,
  useTotpCodeStep,
} from '../hooks/index.ts';
import { useAccountFlowsOffer } from './AccountFlowsContext.ts';
import { CodeForm } from './CodeForm.tsx';
import { CustomChallengeForm } from './CustomChallengeForm.tsx';
import { useMessages } from './MessagesContext.ts';
import { MfaSetupForm } from './MfaSetupForm.tsx';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { usePasswordPolicy } from './PasswordPolicyContext.ts';
import { RememberDeviceForm } from './RememberDeviceForm.tsx';
import { SelectMfaForm } from './SelectMfaForm.tsx';
import { SessionExpired } from './SessionExpired.tsx';
import { SignedIn } from './SignedIn.tsx';

/** The whole sign-in UI for the provider above it: one step at a time, focus on each new step's first field. */
export function SignIn() {
  const step = useSignInStep();
  // A key per step remounts the form, which resets its fields and moves focus to its first field.
  switch (step) {
    case 'loading':
      return <Loading key={step} />;
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

function Loading() {
  const messages = useMessages();
  return (
    <p className="cx-status" role="status">
      {messages.working}
    </p>
  );
}

/** The one credentials form; under <AccountFlows> it also offers sign-up and password reset. */
function CredentialsView() {
  const messages = useMessages();
  const { busy, error, username, passwordless, submit } = useCredentialsStep();
  const flows = useAccountFlowsOffer();
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
        submit={submit}
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

function SmsView() {
  const { busy, error, destination, submit, cancel } = useSmsCodeStep();
  return <CodeForm medium="SMS" destination={destination} busy={busy} error={error} submit={submit} cancel={cancel} />;
}

function TotpView() {
  const { busy, error, submit, cancel } = useTotpCodeStep();
  return <CodeForm medium="TOTP" busy={busy} error={error} submit={submit} cancel={cancel} />;
}

function EmailView() {
  const { busy, error, destination, submit, cancel } = useEmailCodeStep();
  return (
    <CodeForm medium="EMAIL" destination={destination} busy={busy} error={error} submit={submit} cancel={cancel} />
  );
}

function SelectMfaView() {
  const { busy, error, options, select, cancel } = useSelectMfaStep();
  return <SelectMfaForm options={options} busy={busy} error={error} select={select} cancel={cancel} />;
}

function MfaSetupView() {
  const { busy, error, secretCode, uri, qrDataUrl, submit, cancel } = useMfaSetupStep();
  return (
    <MfaSetupForm
      secretCode={secretCode}
      uri={uri}
      qrDataUrl={qrDataUrl}
      busy={busy}
      error={error}
      submit={submit}
      cancel={cancel}
    />
  );
}

function NewPasswordView() {
  const { busy, error, requiredAttributes, submit, cancel } = useNewPasswordStep();
  const policy = usePasswordPolicy();
  return (
    <NewPasswordForm
      policy={policy}
      requiredAttributes={requiredAttributes}
      busy={busy}
      error={error}
      submit={submit}
      cancel={cancel}
    />
  );
}

function CustomChallengeView() {
  const { busy, error, question, submit, cancel } = useCustomChallengeStep();
  return <CustomChallengeForm question={question} busy={busy} error={error} submit={submit} cancel={cancel} />;
}

function RememberDeviceView() {
  const { busy, error, remember } = useRememberDeviceStep();
  return <RememberDeviceForm busy={busy} error={error} remember={remember} />;
}

function SessionExpiredView() {
  const { restart } = useSessionExpiredStep();
  return <SessionExpired restart={restart} />;
}

function SignedInView() {
  const { status, claims, signOut } = useAuth();
  return (
    <SignedIn name={claims?.email ?? claims?.username ?? undefined} busy={status === 'loading'} signOut={signOut} />
  );
}
