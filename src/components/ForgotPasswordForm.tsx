// ForgotPassword's first step: which account to reset.
import { useId, useRef, useState } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { Field } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount, useFocusWhen } from './useFocusOnMount.ts';

export interface ForgotPasswordFormProps {
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly submit: (username: string) => void;
  readonly cancel?: (() => void) | undefined;
  readonly defaultUsername?: string;
}

/** Asks for the username whose password should be reset. */
export function ForgotPasswordForm({ busy, error, submit, cancel, defaultUsername = '' }: ForgotPasswordFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const [username, setUsername] = useState(defaultUsername);
  const usernameRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(usernameRef);
  useFocusWhen(usernameRef, error);
  return (
    <StepForm
      title={messages.forgotPasswordTitle}
      intro={<p>{messages.forgotPasswordIntro}</p>}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.sendCode}
      busyLabel={messages.sendingCode}
      onCancel={cancel}
      onSubmit={() => {
        if (username.trim() !== '') submit(username.trim());
      }}
    >
      <Field
        ref={usernameRef}
        label={messages.username}
        name="username"
        value={username}
        onChange={setUsername}
        autoComplete="username"
        errorId={errorId}
        invalid={error !== undefined}
      />
    </StepForm>
  );
}
