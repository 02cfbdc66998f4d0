// Lazy handles on the steps that are not the first screen; each resolves to one named export of its chunk.
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { StepLoading } from './StepLoading.tsx';

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

/**
 * One step from the chunk, inside its own Suspense boundary (the rare wait shows the busy status). The boundary is
 * the step's, never the first screen's: a boundary around a server-rendered first screen would hydrate it later,
 * when the machine may have moved on, and React would find the HTML changed.
 */
function laterStep<Props extends object>(load: (steps: LaterSteps) => ComponentType<Props>) {
  const Step = lazy(async () => ({ default: load(await laterSteps()) }));
  function LaterStep(props: Props) {
    return (
      <Suspense fallback={<StepLoading />}>
        <Step {...props} />
      </Suspense>
    );
  }
  return LaterStep;
}

export const SmsView = laterStep((steps) => steps.SmsView);
export const TotpView = laterStep((steps) => steps.TotpView);
export const EmailView = laterStep((steps) => steps.EmailView);
export const SelectMfaView = laterStep((steps) => steps.SelectMfaView);
export const ChooseFactorView = laterStep((steps) => steps.ChooseFactorView);
export const PasskeyView = laterStep((steps) => steps.PasskeyView);
export const MfaSetupView = laterStep((steps) => steps.MfaSetupView);
export const NewPasswordView = laterStep((steps) => steps.NewPasswordView);
export const CustomChallengeView = laterStep((steps) => steps.CustomChallengeView);
export const RememberDeviceView = laterStep((steps) => steps.RememberDeviceView);
export const SessionExpiredView = laterStep((steps) => steps.SessionExpiredView);
export const SignedInView = laterStep((steps) => steps.SignedInView);
export const SignUp = laterStep((steps) => steps.SignUp);
export const ForgotPassword = laterStep((steps) => steps.ForgotPassword);
