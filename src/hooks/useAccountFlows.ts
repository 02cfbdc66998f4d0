// Which account flow the widget shows beside sign-in, and the hand-offs between them (username kept, no re-typed password).
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect } from 'react';
import type { ForgotPasswordOutput } from '../../machines/forgotPassword.machine.ts';
import type { SignInError } from '../../machines/index.ts';
import { screensMachine, type ScreensContext } from '../../machines/screens.machine.ts';
import type { SignUpOutput } from '../../machines/signUp.machine.ts';
import { SignInContext, useInspect } from './SignInProvider.tsx';
import { submitCredentials } from './useCredentialsStep.ts';
import { useSignInStep } from './useSignInStep.ts';

/** Which account-flow screen shows, and what it starts with. */
export type AccountFlowView =
  | { readonly kind: 'signIn' }
  | { readonly kind: 'signUp'; readonly confirmUsername: string | undefined }
  | { readonly kind: 'forgotPassword'; readonly username: string; readonly requestCode: boolean };

/** What `useAccountFlows()` returns: the screen and the hand-offs between flows. */
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

/** The view for a screens snapshot: which flow, and what it starts with. */
function viewOf(value: string, context: ScreensContext): AccountFlowView {
  if (value === 'signUp') return { kind: 'signUp', confirmUsername: context.confirmUsername };
  if (value === 'forgotPassword')
    return { kind: 'forgotPassword', username: context.resetUsername, requestCode: context.requestCode };
  return { kind: 'signIn' };
}

const handledCodes: ReadonlySet<string> = new Set(['PasswordResetRequiredException', 'UserNotConfirmedException']);

/** Switches between sign-in, sign-up and password reset for the SignInProvider above; the switch is `screensMachine`. */
export function useAccountFlows(): AccountFlows {
  const actorRef = SignInContext.useActorRef();
  const step = useSignInStep();
  const error = SignInContext.useSelector((snapshot) => snapshot.context.error ?? undefined);
  const signInUsername = SignInContext.useSelector((snapshot) => snapshot.context.username);
  const inspect = useInspect();
  const screens = useActorRef(screensMachine, inspect === undefined ? {} : { inspect });
  const value = useSelector(screens, (snapshot) => snapshot.value);
  const context = useSelector(screens, (snapshot) => snapshot.context);
  // Each new sign-in error is offered to the screens machine once; those naming an account flow lead into it.
  useEffect(() => {
    if (error !== undefined) screens.send({ type: 'signIn.failed', code: error.code, username: signInUsername });
    // signInUsername is read at the moment the error arrives, not tracked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, screens]);
  const view = viewOf(value, context);
  return {
    view,
    offersLinks: view.kind === 'signIn' && step === 'credentials',
    username: context.keptUsername ?? signInUsername,
    signInError: error !== undefined && handledCodes.has(error.code) ? undefined : error,
    passwordWasReset: context.passwordWasReset,
    openSignUp: () => {
      screens.send({ type: 'signUp.open' });
    },
    openForgotPassword: () => {
      screens.send({ type: 'forgotPassword.open', username: signInUsername });
    },
    backToSignIn: () => {
      screens.send({ type: 'signIn.back' });
    },
    signUpDone: (output) => {
      screens.send({ type: 'signUp.done', username: output.username });
      if (output.session !== null) {
        actorRef.send({ type: 'signUp.session', username: output.username, session: output.session });
        return;
      }
      if (output.password === null) return;
      // The password typed at sign-up drives one SRP sign-in and is not kept anywhere else.
      submitCredentials(actorRef, output.username, output.password);
    },
    forgotPasswordDone: (output) => {
      screens.send({ type: 'forgotPassword.done', username: output.username, reset: output.reset });
    },
  };
}
