// Headless WEB_AUTHN step: the passkey dialog runs by itself; after a closed dialog the user may open it again.
import type { SignInError } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectError } from './stepError.ts';
import { selectStep } from './useSignInStep.ts';

/** What `useWebAuthnStep()` returns. */
export interface WebAuthnStep {
  readonly active: boolean;
  /** The browser dialog is open or the assertion is being checked. */
  readonly busy: boolean;
  /** NotAllowedError after the user closed the dialog. */
  readonly error: SignInError | undefined;
  /** True once the dialog was closed: `retry` opens it again with the same challenge. */
  readonly canRetry: boolean;
  readonly retry: () => void;
  readonly cancel: () => void;
}

/** The WEB_AUTHN step (sign in with a passkey). */
export function useWebAuthnStep(): WebAuthnStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => selectStep(snapshot) === 'WEB_AUTHN');
  const canRetry = SignInContext.useSelector((snapshot) => snapshot.matches({ WEB_AUTHN: 'awaitingRetry' }));
  const busy = SignInContext.useSelector((snapshot) => snapshot.matches('WEB_AUTHN') && snapshot.hasTag('busy'));
  const error = SignInContext.useSelector((snapshot) =>
    snapshot.matches('WEB_AUTHN') ? selectError(snapshot) : undefined,
  );
  return {
    active,
    busy,
    error,
    canRetry,
    retry: () => {
      actorRef.send({ type: 'webAuthn.retry' });
    },
    cancel: () => {
      actorRef.send({ type: 'signIn.cancel' });
    },
  };
}
