// A one-time code's field: labelled "Code", filled by the platform's one-time-code autofill, with a numeric keypad.
import { Field, type FieldProps } from './Field.tsx';
import { useMessages } from './MessagesContext.ts';

export type CodeFieldProps = Pick<FieldProps, 'value' | 'onChange' | 'errorId' | 'invalid' | 'ref'>;

/** The field every code step shares: SMS, email and authenticator codes, MFA set-up and password reset. */
export function CodeField(props: CodeFieldProps) {
  const messages = useMessages();
  return <Field {...props} label={messages.code} name="code" autoComplete="one-time-code" inputMode="numeric" />;
}
