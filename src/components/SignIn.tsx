// Picks the form for the current sign-in step; each step view is one hook call and one thin form.
import { useEffect, useRef, useState } from 'react';
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
import { useShellHandover } from './ShellHandover.ts';
import { StepLoading } from './StepLoading.tsx';

/** The whole sign-in UI for the provider above it: one step at a time, focus on each new step's first field. */
export function SignIn() {
  const signInStep = useSignInStep();
  // Taking over from <LoginWidget>'s first screen (the same credentials form, painted before this code loaded): the
  // form stays while the session looks for a stored one, instead of a "Please wait…" that would drop what was typed.
  const handover = useShellHandover();
  const [adopting, setAdopting] = useState(() => handover !== null && handover.fields() !== null);
  if (adopting && signInStep !== 'loading') setAdopting(false);
  const step = adopting && signInStep === 'loading' ? 'credentials' : signInStep;
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
  const { active, busy, error, username, passwordless, submit } = useCredentialsStep();
  const flows = useAccountFlowsOffer();
  usePreloadLaterStepsOnInput();
  // What the widget's first screen had when this view took over: its field values (read once, at mount), and a
  // "Sign in" pressed before the engine loaded, kept in this view until the sign-in can take it.
  const handover = useShellHandover();
  const [carried] = useState(() => handover?.fields() ?? null);
  const queued = useRef(handover?.pending() ?? null);
  // Shown busy from the queued submit until the sign-in is ready, then by the sign-in itself.
  const [waiting, setWaiting] = useState(() => handover?.pending() !== null);
  useEffect(() => {
    const intent = handover?.takeIntent() ?? null;
    if (intent === 'signUp') flows?.openSignUp();
    if (intent === 'forgotPassword') flows?.openForgotPassword();
  }, [handover, flows]);
  useEffect(() => {
    const credentials = queued.current;
    if (!active || credentials === null) return;
    queued.current = null;
    submit(credentials.username, credentials.password);
  }, [active, submit]);
  return (
    <>
      {flows?.passwordWasReset === true ? (
        <p className="cx-status cx-notice" role="status">
          {messages.passwordResetDone}
        </p>
      ) : null}
      <PasswordForm
        busy={busy || (waiting && !active)}
        // Errors the account flows turned into a screen (reset required, not confirmed) are not shown again here.
        error={flows === null ? error : flows.signInError}
        submit={(name, password) => {
          preloadLaterSteps();
          if (active) {
            submit(name, password);
          } else {
            queued.current = { username: name, password };
            setWaiting(true);
          }
        }}
        defaultUsername={carried?.username ?? flows?.username ?? username}
        defaultPassword={carried?.password ?? ''}
        focusOnMount={carried === null}
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
