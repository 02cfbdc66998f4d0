// The WEB_AUTHN sign-in step: one hook call and the passkey form (part of the passkeys module).
import { useWebAuthnStep } from '../hooks/useWebAuthnStep.ts';
import { PasskeyForm } from './PasskeyForm.tsx';

/** The browser's passkey dialog is open; after the user closes it, "Try again" reopens it. */
export function PasskeyStep() {
  const { busy, error, canRetry, retry, cancel } = useWebAuthnStep();
  return <PasskeyForm busy={busy} error={error} canRetry={canRetry} retry={retry} cancel={cancel} />;
}
