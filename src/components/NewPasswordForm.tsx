// NEW_PASSWORD_REQUIRED: a new password (typed twice) plus any user attributes the pool requires and lacks.
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

/** Props of `<NewPasswordForm>`. */
export interface NewPasswordFormProps {
  /** The pool's password policy, listed under the new password and named when Cognito refuses one. */
  readonly policy: PasswordPolicy;
  /** Attribute names (without the `userAttributes.` prefix) the user must fill in, e.g. `name`. */
  readonly requiredAttributes: readonly string[];
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly submit: (password: string, attributes: Record<string, string>) => void;
  readonly cancel?: (() => void) | undefined;
}

/** Asks for the new password twice and for each required attribute; both password fields clear on submit. */
export function NewPasswordForm({ policy, requiredAttributes, busy, error, submit, cancel }: NewPasswordFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [attributes, setAttributes] = useState<Readonly<Record<string, string>>>({});
  const [mismatch, setMismatch] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(passwordRef);
  useFocusWhen(passwordRef, error);
  const attributeType = (name: string) => (name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : 'text');
  return (
    <StepForm
      title={messages.newPasswordTitle}
      intro={<p>{messages.newPasswordIntro}</p>}
      busy={busy}
      error={mismatch ? undefined : error}
      localError={mismatch ? messages.passwordsDiffer : brokenPasswordRuleText(messages, error, policy)}
      errorId={errorId}
      submitLabel={messages.setPassword}
      busyLabel={messages.working}
      onCancel={cancel}
      onSubmit={() => {
        if (password === '') return;
        if (password !== confirmation) {
          setMismatch(true);
          passwordRef.current?.focus();
          return;
        }
        setMismatch(false);
        const filled = Object.fromEntries(requiredAttributes.map((name) => [name, (attributes[name] ?? '').trim()]));
        submit(password, filled);
        setPassword('');
        setConfirmation('');
      }}
    >
      <NewPasswordField
        ref={passwordRef}
        label={messages.newPassword}
        value={password}
        onChange={setPassword}
        policy={policy}
        errorId={errorId}
        invalid={mismatch || error !== undefined}
      />
      <Field
        label={messages.confirmPassword}
        name="confirm-password"
        type="password"
        value={confirmation}
        onChange={setConfirmation}
        autoComplete="new-password"
        errorId={errorId}
        invalid={mismatch}
      />
      {requiredAttributes.map((name) => (
        <Field
          key={name}
          label={attributeLabel(messages, name)}
          name={name}
          type={attributeType(name)}
          value={attributes[name] ?? ''}
          onChange={(value) => {
            setAttributes((current) => ({ ...current, [name]: value }));
          }}
          autoComplete={name === 'name' ? 'name' : name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : 'on'}
        />
      ))}
    </StepForm>
  );
}
