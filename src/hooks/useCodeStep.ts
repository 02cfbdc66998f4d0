// Headless one-time-code steps: SMS_MFA (and USER_AUTH's SMS_OTP), SOFTWARE_TOKEN_MFA and EMAIL_OTP.
import { secret, type SignInError } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectAttempt, selectError } from './stepError.ts';
import { selectStep, type SignInStep } from './useSignInStep.ts';

/** What a code step hook returns (SMS, email or TOTP code). */
export interface CodeStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** Where Cognito sent the code, masked by Cognito (e.g. `+*******0100`); undefined for an authenticator app. */
  readonly destination: string | undefined;
  /** Sends the code (wrapped in a Secret); clear your field right after. */
  readonly submit: (code: string) => void;
  /** Abandons this sign-in attempt and returns to the credentials step (username kept). */
  readonly cancel: () => void;
}

function useCodeStep(step: SignInStep): CodeStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => selectStep(snapshot) === step);
  const busy = SignInContext.useSelector((snapshot) => selectStep(snapshot) === step && snapshot.hasTag('busy'));
  const error = SignInContext.useSelector((snapshot) =>
    selectStep(snapshot) === step ? selectError(snapshot) : undefined,
  );
  const destination = SignInContext.useSelector((snapshot) =>
    step === 'SOFTWARE_TOKEN_MFA'
      ? undefined
      : (selectAttempt(snapshot, 'SMS_MFA', 'SMS_OTP', 'EMAIL_OTP')?.codeDelivery?.destination ?? undefined),
  );
  return {
    active,
    busy,
    error,
    destination,
    submit: (code) => {
      actorRef.send({ type: 'code.submit', code: secret(code) });
    },
    cancel: () => {
      actorRef.send({ type: 'signIn.cancel' });
    },
  };
}

/** SMS_MFA (and SMS_OTP): the code Cognito texted to the masked `destination`. */
export function useSmsCodeStep(): CodeStep {
  return useCodeStep('SMS_MFA');
}

/** SOFTWARE_TOKEN_MFA: the current code from the user's authenticator app. */
export function useTotpCodeStep(): CodeStep {
  return useCodeStep('SOFTWARE_TOKEN_MFA');
}

/** EMAIL_OTP: the code Cognito emailed to the masked `destination`. */
export function useEmailCodeStep(): CodeStep {
  return useCodeStep('EMAIL_OTP');
}
