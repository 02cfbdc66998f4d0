// Headless session-expired step: the sign-in Session died mid-flow; offer to start again.
import { SignInContext } from './SignInProvider.tsx';

/** What `useSessionExpiredStep()` returns. */
export interface SessionExpiredStep {
  readonly active: boolean;
  /** Back to the credentials step, username kept. */
  readonly restart: () => void;
}

/** The session-expired step. */
export function useSessionExpiredStep(): SessionExpiredStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => snapshot.matches('sessionExpired'));
  return {
    active,
    restart: () => {
      actorRef.send({ type: 'signIn.restart' });
    },
  };
}
