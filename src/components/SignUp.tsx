// The sign-up flow: the form, then the confirmation code; hands the confirmed user back for sign-in.
import type { AccountPorts } from '../hooks/flowData.ts';
import type { SignUpInput, SignUpOutput } from '../hooks/flowData.ts';
import { useSignUp } from '../hooks/useSignUp.ts';
import { CodeForm } from './CodeForm.tsx';
import { useMessages } from './MessagesContext.ts';
import { SignUpForm } from './SignUpForm.tsx';

/** Props of `<SignUp>`. */
export interface SignUpProps {
  /** Replaces the AuthProvider's ports. */
  readonly ports?: AccountPorts | undefined;
  readonly input: SignUpInput;
  /** Attribute names the form asks for (default email and name). */
  readonly attributes?: readonly string[];
  readonly onDone: (output: SignUpOutput) => void;
  /** Back to sign-in. */
  readonly onCancel: () => void;
}

/** One sign-up: the form, then ConfirmSignUp; `onDone` gets how to sign in. */
export function SignUp({ ports, input, attributes = ['email', 'name'], onDone, onCancel }: SignUpProps) {
  const messages = useMessages();
  const flow = useSignUp({ ports, input, onDone });
  if (flow.step === 'editing') {
    return (
      <SignUpForm
        policy={flow.policy}
        attributes={attributes}
        busy={flow.busy}
        error={flow.error}
        submit={flow.submit}
        cancel={onCancel}
        defaultUsername={flow.username}
      />
    );
  }
  return (
    <CodeForm
      title={messages.confirmSignUpTitle}
      medium={flow.codeDelivery?.medium ?? 'EMAIL'}
      destination={flow.codeDelivery?.destination ?? undefined}
      busy={flow.busy || flow.step === 'done'}
      error={flow.error}
      submit={flow.confirm}
      resend={flow.resend}
      cancel={() => {
        flow.cancel();
        onCancel();
      }}
    />
  );
}
