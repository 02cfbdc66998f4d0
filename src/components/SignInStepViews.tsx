// The sign-in steps after the first screen (codes, MFA choice and set-up, new password, signed in): one hook call and
// one thin form each, in the chunk the widget loads on demand (lazySteps.ts).
import {
  useAuth,
  useCustomChallengeStep,
  useEmailCodeStep,
  useMfaSetupStep,
  useNewPasswordStep,
  useRememberDeviceStep,
  useSelectChallengeStep,
  useSelectMfaStep,
  useSessionExpiredStep,
  useSmsCodeStep,
  useTotpCodeStep,
} from '../hooks/index.ts';
import { ChooseFactorForm } from './ChooseFactorForm.tsx';
import { CodeForm } from './CodeForm.tsx';
import { CustomChallengeForm } from './CustomChallengeForm.tsx';
import { MfaSetupForm } from './MfaSetupForm.tsx';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { usePasswordPolicy } from './PasswordPolicyContext.ts';
import { RememberDeviceForm } from './RememberDeviceForm.tsx';
import { SelectMfaForm } from './SelectMfaForm.tsx';
import { SessionExpired } from './SessionExpired.tsx';
import { SignedIn } from './SignedIn.tsx';
import { StepLoading } from './StepLoading.tsx';
import { useWidgetModules } from './WidgetModulesContext.ts';

export function SmsView() {
  const { busy, error, destination, submit, cancel } = useSmsCodeStep();
  return <CodeForm medium="SMS" destination={destination} busy={busy} error={error} submit={submit} cancel={cancel} />;
}

export function TotpView() {
  const { busy, error, submit, cancel } = useTotpCodeStep();
  return <CodeForm medium="TOTP" busy={busy} error={error} submit={submit} cancel={cancel} />;
}

export function EmailView() {
  const { busy, error, destination, submit, cancel } = useEmailCodeStep();
  return (
    <CodeForm medium="EMAIL" destination={destination} busy={busy} error={error} submit={submit} cancel={cancel} />
  );
}

export function SelectMfaView() {
  const { busy, error, options, select, cancel } = useSelectMfaStep();
  return <SelectMfaForm options={options} busy={busy} error={error} select={select} cancel={cancel} />;
}

export function MfaSetupView() {
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

export function NewPasswordView() {
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

export function CustomChallengeView() {
  const { busy, error, question, submit, cancel } = useCustomChallengeStep();
  return <CustomChallengeForm question={question} busy={busy} error={error} submit={submit} cancel={cancel} />;
}

export function RememberDeviceView() {
  const { busy, error, remember } = useRememberDeviceStep();
  return <RememberDeviceForm busy={busy} error={error} remember={remember} />;
}

export function SessionExpiredView() {
  const { restart } = useSessionExpiredStep();
  return <SessionExpired restart={restart} />;
}

export function SignedInView() {
  const { status, claims, signOut } = useAuth();
  return (
    <SignedIn name={claims?.email ?? claims?.username ?? undefined} busy={status === 'loading'} signOut={signOut} />
  );
}

export function ChooseFactorView() {
  const { busy, error, options, passwordChallenge, select, submitPassword, cancel } = useSelectChallengeStep();
  // "Sign in with a passkey" only with the passkeys module: without it there is no ceremony to run.
  const { passkeys } = useWidgetModules();
  const factors = options.filter(
    (option): option is 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP' =>
      (option === 'WEB_AUTHN' && passkeys !== null) || option === 'EMAIL_OTP' || option === 'SMS_OTP',
  );
  return (
    <ChooseFactorForm
      factors={factors}
      offersPassword={passwordChallenge !== null}
      busy={busy}
      error={error}
      select={select}
      submitPassword={submitPassword}
      cancel={cancel}
    />
  );
}

export function PasskeyView() {
  const { passkeys } = useWidgetModules();
  // Without the passkeys module there is no WebAuthn port: the machine starts over at once (WebAuthnUnavailable).
  return passkeys === null ? <StepLoading /> : <passkeys.PasskeyView />;
}
