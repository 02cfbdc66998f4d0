// The one-time-code field the code steps share: its state, focus on the step and on each error, and a submit that strips spaces.
import { useRef, useState } from 'react';
import { useFocusOnMount, useFocusWhen } from './useFocusOnMount.ts';

/** People paste codes with spaces ("123 456"); Cognito wants the digits only. */
export function codeDigits(typed: string): string {
  return typed.replace(/\s+/g, '');
}

/** State and focus for a code field; `submitCode` hands the digits to `submit` and clears the field. */
export function useCodeField(error: unknown, submit: (code: string) => void) {
  const [code, setCode] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useFocusOnMount(ref);
  useFocusWhen(ref, error);
  return {
    code,
    setCode,
    ref,
    submitCode: () => {
      const digits = codeDigits(code);
      if (digits === '') return;
      submit(digits);
      setCode('');
    },
  };
}
