// SELECT_CHALLENGE: the factors Cognito offers as buttons (passkey, codes), and the password as a field of its own.
import { useId, useRef, useState } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { Field } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

type PasswordlessFactor = 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP';

/** Props of `<ChooseFactorForm>`. */
export interface ChooseFactorFormProps {
  /** The passwordless factors offered, in the order to show them. */
  readonly factors: readonly PasswordlessFactor[];
  /** Whether "Use my password" is offered. */
  readonly offersPassword: boolean;
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly select: (factor: PasswordlessFactor) => void;
  readonly submitPassword: (password: string) => void;
  readonly cancel?: (() => void) | undefined;
}

/** One button per passwordless factor; the password form below them submits with Enter. */
export function ChooseFactorForm({
  factors,
  offersPassword,
  busy,
  error,
  select,
  submitPassword,
  cancel,
}: ChooseFactorFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const groupId = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  const [password, setPassword] = useState('');
  useFocusOnMount(firstRef);
  return (
    <StepForm
      title={messages.chooseFactorTitle}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.usePassword}
      onSubmit={() => {
        // The password goes into a Secret in the hook; the field is cleared at once.
        submitPassword(password);
        setPassword('');
      }}
      onCancel={cancel}
      hideSubmit={!offersPassword}
    >
      <div className="cx-choices" role="group" aria-labelledby={groupId}>
        <span id={groupId} className="cx-visually-hidden">
          {messages.chooseFactorTitle}
        </span>
        {factors.map((factor, index) => (
          <button
            key={factor}
            ref={index === 0 ? firstRef : undefined}
            className="cx-button cx-choice"
            type="button"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) select(factor);
            }}
          >
            {messages.factors[factor]}
          </button>
        ))}
      </div>
      {offersPassword && (
        <Field
          label={messages.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorId={errorId}
          invalid={error !== undefined}
        />
      )}
    </StepForm>
  );
}
