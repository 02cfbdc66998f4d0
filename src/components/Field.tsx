// One labelled input: the label is tied by a generated id, and the step's error by aria-describedby.
import { useId, type HTMLInputAutoCompleteAttribute, type Ref } from 'react';

/** Props of `<Field>`. */
export interface FieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'password' | 'email' | 'tel';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  readonly hint?: string;
  /** Id of the element that explains what is wrong with this field (the step's error region). */
  readonly errorId?: string;
  readonly invalid?: boolean;
  readonly required?: boolean;
  readonly ref?: Ref<HTMLInputElement>;
}

/** A labelled text input for the sign-in forms. */
export function Field({
  label,
  name,
  value,
  onChange,
  type = 'text',
  autoComplete,
  inputMode,
  hint,
  errorId,
  invalid = false,
  required = true,
  ref,
}: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint === undefined ? undefined : hintId, invalid ? errorId : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
  return (
    <div className="cx-field">
      <label className="cx-label" htmlFor={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <p className="cx-hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        ref={ref}
        className="cx-input"
        id={id}
        name={name}
        type={type}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        spellCheck={false}
        autoCapitalize="none"
      />
    </div>
  );
}
