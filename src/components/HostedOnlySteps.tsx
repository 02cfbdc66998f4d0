// A hosted-page-only widget's steps: no credentials form (the managed login page asks), the signed-in view as usual.
import { useSignInStep } from '../hooks/useSignInStep.ts';
import { SignIn } from './SignIn.tsx';

/** `<SignIn>` for every step but the credentials form, which the managed login page replaces. */
export function HostedOnlySteps() {
  return useSignInStep() === 'credentials' ? null : <SignIn />;
}
