// The sign-up step: username, password with the pool's policy shown first, and the attributes the pool requires.
import { useId, useRef, useState } from 'react';
import type { PasswordPolicy } from '../hooks/flowData.ts';
import { attributeLabel } from '../messages.ts';
import { brokenPasswordRuleText } from './brokenPasswordRule.ts';
import type { StepErrorView } from './ErrorRegion.tsx';
import { Field } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';
import { NewPasswordField } from './NewPasswordField.tsx';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount, useFocusWhen } from './useFocusOnMount.ts';

export interface SignUpFormProps {
  readonly policy: PasswordPolicy;
  /** Attribute names to ask for, e.g. `['email', 'name']`. */
  readonly attributes: readonly string[];
  readonly busy: boolean;
  /** The step's error; `detail` of InvalidPasswordException names the broken rule. */
  readonly error: (StepErrorView & { readonly detail?: string | undefined }) | undefined;
  readonly submit: (username: string, password: string, attributes: Record<string, string>) => void;
  readonly cancel?: (() => void) | undefined;
  readonly defaultUsername?: string;
}

function inputType(name: string): 'email' | 'tel' | 'text' {
  return name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : 'text';
}

function autoCompleteFor(name: string) {
  if (name === 'email') return 'email' as const;
  if (name === 'phone_number') return 'tel' as const;
  if (name === 'name') return 'name' as const;
  if (name === 'given_name') return 'given-name' as const;
  if (name === 'family_name') return 'family-name' as const;
  return 'on' as const;
}

/** Creates an account; the password is cleared once handed to `submit`. */
export function SignUpForm({ policy, attributes, busy, error, submit, cancel, defaultUsername = '' }: SignUpFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const [username, setUsername] = useState(defaultUsername);
  const [password, setPassword] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(usernameRef);
  useFocusWhen(error?.code === 'InvalidPasswordException' ? passwordRef : usernameRef, error);
  const localError = brokenPasswordRuleText(messages, error, policy);
  return (
    <StepForm
      title={messages.signUpTitle}
      busy={busy}
      error={error}
      localError={localError}
      errorId={errorId}
      submitLabel={messages.createAccount}
      busyLabel={messages.creatingAccount}
      onCancel={cancel}
      onSubmit={() => {
        if (username.trim() === '' || password === '') return;
        const filled: Record<string, string> = {};
        for (const name of attributes)
          if ((values[name] ?? '').trim() !== '') filled[name] = (values[name] ?? '').trim();
        submit(username.trim(), password, filled);
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
        invalid={error !== undefined && localError === undefined}
      />
      {attributes.map((name) => (
        <Field
          key={name}
          label={attributeLabel(messages, name)}
          name={name}
          type={inputType(name)}
          value={values[name] ?? ''}
          onChange={(value) => {
            setValues((previous) => ({ ...previous, [name]: value }));
          }}
          autoComplete={autoCompleteFor(name)}
        />
      ))}
      <NewPasswordField
        ref={passwordRef}
        label={messages.password}
        value={password}
        onChange={setPassword}
        policy={policy}
        errorId={errorId}
        invalid={localError !== undefined}
      />
    </StepForm>
  );
}
