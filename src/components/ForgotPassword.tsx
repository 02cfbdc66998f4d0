// The password-reset flow: username, then code + new password; hands the username back to sign-in.
import type { AccountPorts } from '../hooks/flowData.ts';
import type { ForgotPasswordInput, ForgotPasswordOutput } from '../hooks/flowData.ts';
import { useForgotPassword } from '../hooks/useForgotPassword.ts';
import { ForgotPasswordConfirmForm } from './ForgotPasswordConfirmForm.tsx';
import { ForgotPasswordForm } from './ForgotPasswordForm.tsx';

/** Props of `<ForgotPassword>`. */
export interface ForgotPasswordProps {
  /** Replaces the AuthProvider's ports. */
  readonly ports?: AccountPorts | undefined;
  readonly input: ForgotPasswordInput;
  /** Called when the password is reset or the user goes back, with the username to keep. */
  readonly onDone: (output: ForgotPasswordOutput) => void;
}

/** One password reset. */
export function ForgotPassword({ ports, input, onDone }: ForgotPasswordProps) {
  const flow = useForgotPassword({ ports, input, onDone });
  if (flow.step === 'editing') {
    return (
      <ForgotPasswordForm
        busy={flow.busy}
        error={flow.error}
        submit={flow.requestCode}
        cancel={flow.cancel}
        defaultUsername={flow.username}
      />
    );
  }
  return (
    <ForgotPasswordConfirmForm
      medium={flow.codeDelivery?.medium ?? undefined}
      destination={flow.codeDelivery?.destination ?? undefined}
      policy={flow.policy}
      busy={flow.busy || flow.step === 'done'}
      error={flow.error}
      submit={flow.submit}
      resend={flow.resend}
      cancel={flow.cancel}
    />
  );
}
