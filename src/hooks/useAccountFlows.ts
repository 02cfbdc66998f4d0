// Which account flow the widget shows beside sign-in, and the hand-offs between them (username kept, no re-typed password).
import { useState } from 'react';
import type { ForgotPasswordOutput } from '../../machines/forgotPassword.machine.ts';
import type { SignInError } from '../../machines/index.ts';
import type { SignUpOutput } from '../../machines/signUp.machine.ts';
import { SignInContext } from './SignInProvider.tsx';
import { submitCredentials } from './useCredentialsStep.ts';
import { useSignInStep } from './useSignInStep.ts';

export type AccountFlowView =
  | { readonly kind: 'signIn' }
  | { readonly kind: 'signUp'; readonly confirmUsername: string | undefined }
  | { readonly kind: 'forgotPassword'; readonly username: string; readonly requestCode: boolean };

export interface AccountFlows {
  readonly view: AccountFlowView;
  /** True when the sign-in form should offer "Create account" and "Forgot password?". */
  readonly offersLinks: boolean;
  /** The username to pre-fill on the sign-in form. */
  readonly username: string;
  /** The sign-in error to show, minus the ones this hook already turned into a flow. */
  readonly signInError: SignInError | undefined;
  readonly passwordWasReset: boolean;
  readonly openSignUp: () => void;
  readonly openForgotPassword: () => void;
  readonly backToSignIn: () => void;
  /** Sign-up finished: sign in with the kept password (SRP), or show the sign-in form with the username. */
  readonly signUpDone: (output: SignUpOutput) => void;
  readonly forgotPasswordDone: (output: ForgotPasswordOutput) => void;
}

/** Switches between sign-in, sign-up and password reset for the SignInProvider above. */
export function useAccountFlows(): AccountFlows {
  const actorRef = SignInContext.useActorRef();
  const step = useSignInStep();
  const error = SignInContext.useSelector((snapshot) => snapshot.context.error ?? undefined);
  const signInUsername = SignInContext.useSelector((snapshot) => snapshot.context.username);
  const [view, setView] = useState<AccountFlowView>({ kind: 'signIn' });
  const [keptUsername, setKeptUsername] = useState<string | undefined>(undefined);
  const [passwordWasReset, setPasswordWasReset] = useState(false);
  const [seenError, setSeenError] = useState<SignInError | undefined>(error);
  // A new sign-in error that names an account flow leads into it, once per error (React's "adjust state on change").
  if (error !== seenError) {
    setSeenError(error);
    if (error?.code === 'PasswordResetRequiredException')
      setView({ kind: 'forgotPassword', username: signInUsername, requestCode: true });
    if (error?.code === 'UserNotConfirmedException') setView({ kind: 'signUp', confirmUsername: signInUsername });
  }
  const handled = error?.code === 'PasswordResetRequiredException' || error?.code === 'UserNotConfirmedException';
  const toSignIn = (username: string | undefined, reset: boolean) => {
    setView({ kind: 'signIn' });
    setKeptUsername(username);
    setPasswordWasReset(reset);
  };
  return {
    view,
    offersLinks: view.kind === 'signIn' && step === 'credentials',
    username: keptUsername ?? signInUsername,
    signInError: handled ? undefined : error,
    passwordWasReset,
    openSignUp: () => {
      setPasswordWasReset(false);
      setView({ kind: 'signUp', confirmUsername: undefined });
    },
    openForgotPassword: () => {
      setPasswordWasReset(false);
      setView({ kind: 'forgotPassword', username: keptUsername ?? signInUsername, requestCode: false });
    },
    backToSignIn: () => {
      toSignIn(keptUsername, false);
    },
    signUpDone: (output) => {
      toSignIn(output.username, false);
      if (output.session !== null) {
        actorRef.send({ type: 'signUp.session', username: output.username, session: output.session });
        return;
      }
      if (output.password === null) return;
      // The password typed at sign-up drives one SRP sign-in and is not kept anywhere else.
      submitCredentials(actorRef, output.username, output.password);
    },
    forgotPasswordDone: (output) => {
      toSignIn(output.username, output.reset);
    },
  };
}
