// Lazy handles on the steps that are not the first screen; each resolves to one named export of its chunk.
import { lazy, useEffect } from 'react';

const laterSteps = () => import('./laterSteps.ts');

/** Starts loading the later sign-in steps; a second call reuses the first load. */
export function preloadLaterSteps(): void {
  void laterSteps();
}

/**
 * Loads the later steps when the user first types or a password manager fills a field: the chunk is parsed while the
 * user is still typing, not after the first paint nor in the time between "Sign in" and the next step.
 */
export function usePreloadLaterStepsOnInput(): void {
  useEffect(() => {
    document.addEventListener('input', preloadLaterSteps, { capture: true, once: true });
    return () => {
      document.removeEventListener('input', preloadLaterSteps, { capture: true });
    };
  }, []);
}

type LaterSteps = Awaited<ReturnType<typeof laterSteps>>;

function laterStep<Name extends keyof LaterSteps>(name: Name) {
  return lazy<LaterSteps[Name]>(async () => ({ default: (await laterSteps())[name] }));
}

export const SmsView = laterStep('SmsView');
export const TotpView = laterStep('TotpView');
export const EmailView = laterStep('EmailView');
export const SelectMfaView = laterStep('SelectMfaView');
export const MfaSetupView = laterStep('MfaSetupView');
export const NewPasswordView = laterStep('NewPasswordView');
export const CustomChallengeView = laterStep('CustomChallengeView');
export const RememberDeviceView = laterStep('RememberDeviceView');
export const SessionExpiredView = laterStep('SessionExpiredView');
export const SignedInView = laterStep('SignedInView');
export const SignUp = laterStep('SignUp');
export const ForgotPassword = laterStep('ForgotPassword');
