// CUSTOM_CHALLENGE: shows the trigger's public question (if any) and sends back the answer.
import { useId, useRef, useState } from 'react';
import type { StepErrorView } from './ErrorRegion.tsx';
import { Field } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';
import { StepForm } from './StepForm.tsx';
import { useFocusOnMount, useFocusWhen } from './useFocusOnMount.ts';

/** Props of `<CustomChallengeForm>`. */
export interface CustomChallengeFormProps {
  /** The question from the CreateAuthChallenge trigger's public parameters, when it sends one. */
  readonly question: string | undefined;
  readonly busy: boolean;
  readonly error: StepErrorView | undefined;
  readonly submit: (answer: string) => void;
  readonly cancel?: (() => void) | undefined;
}

/** Asks the custom challenge's question; the answer is cleared once submitted. */
export function CustomChallengeForm({ question, busy, error, submit, cancel }: CustomChallengeFormProps) {
  const messages = useMessages();
  const errorId = useId();
  const [answer, setAnswer] = useState('');
  const answerRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(answerRef);
  useFocusWhen(answerRef, error);
  return (
    <StepForm
      title={messages.customChallengeTitle}
      intro={question === undefined ? undefined : <p>{question}</p>}
      busy={busy}
      error={error}
      errorId={errorId}
      submitLabel={messages.continue}
      busyLabel={messages.working}
      onCancel={cancel}
      onSubmit={() => {
        if (answer.trim() === '') return;
        submit(answer.trim());
        setAnswer('');
      }}
    >
      <Field
        ref={answerRef}
        label={question ?? messages.customChallengeAnswer}
        name="answer"
        value={answer}
        onChange={setAnswer}
        autoComplete="off"
        errorId={errorId}
        invalid={error !== undefined}
      />
    </StepForm>
  );
}
