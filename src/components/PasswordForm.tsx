// The credentials step: username and password (the password kept only in this form's state until submit), or
// under `passwordless` the username alone and a "Text me a sign-in code" (or, choice-based, "Continue") button.
import { useId, useRef, useState } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { Field } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount, useFocusWhen } from './useFocusOnMount.ts';

/** Props of `<PasswordForm>`. */
export interface PasswordFormProps {
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly submit: (username: string, password: string) => void;
  readonly defaultUsername?: string;
  /** The password typed on the widget's first screen before the sign-in engine took over (kept in this form only). */
  readonly defaultPassword?: string;
  /** False when the form takes over from an identical one and focus is handed over instead. Default true. */
  readonly focusOnMount?: boolean;
  /**
   * USER_AUTH without a password: no password field, and the button asks for this kind of code; `choice` asks for
   * the username alone and continues to the factors Cognito offers (passkey, codes, password).
   */
  readonly passwordless?: 'SMS_OTP' | 'EMAIL_OTP' | 'choice' | undefined;
}

/** Username + password form; clears the password as soon as it has been handed to `submit`. */
export function PasswordForm({
  busy,
  error,
  submit,
  defaultUsername = '',
  defaultPassword = '',
  focusOnMount = true,
  passwordless,
}: PasswordFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const [username, setUsername] = useState(defaultUsername);
  const [password, setPassword] = useState(defaultPassword);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Decided once: a returning user (username kept) starts on the password; typing must not move focus.
  const [passwordFirst] = useState(defaultUsername !== '' && passwordless === undefined);
  useFocusOnMount(focusOnMount ? (passwordFirst ? passwordRef : usernameRef) : null);
  useFocusWhen(passwordless === undefined ? passwordRef : usernameRef, error);
  return (
    <StepForm
      title={messages.title}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={
        passwordless === undefined
          ? messages.signIn
          : passwordless === 'SMS_OTP'
            ? messages.textMeACode
            : passwordless === 'EMAIL_OTP'
              ? messages.emailMeACode
              : messages.continue
      }
      busyLabel={messages.signingIn}
      onSubmit={() => {
        if (username.trim() === '' || (password === '' && passwordless === undefined)) return;
        submit(username.trim(), password);
        setPassword('');
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
      {passwordless === undefined && (
        <Field
          ref={passwordRef}
          label={messages.password}
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          errorId={errorId}
          invalid={error !== undefined}
        />
      )}
    </StepForm>
  );
}
