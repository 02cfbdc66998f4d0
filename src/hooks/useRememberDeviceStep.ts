// Headless "remember this device?" step, asked by the session machine after sign-in when the pool leaves it to the user.
import type { SignInError } from '../../machines/index.ts';
import { SessionContext } from './SignInProvider.tsx';

/** What `useRememberDeviceStep()` returns. */
export interface RememberDeviceStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** `true` marks the device remembered (UpdateDeviceStatus); `false` leaves it not remembered. */
  readonly remember: (remember: boolean) => void;
}

/** The remember-device step. */
export function useRememberDeviceStep(): RememberDeviceStep {
  const actorRef = SessionContext.useActorRef();
  const active = SessionContext.useSelector(
    (snapshot) =>
      snapshot.matches({ signedIn: 'rememberDevice' }) || snapshot.matches({ signedIn: 'updatingDeviceStatus' }),
  );
  const busy = SessionContext.useSelector((snapshot) => snapshot.matches({ signedIn: 'updatingDeviceStatus' }));
  const error = SessionContext.useSelector((snapshot) =>
    snapshot.matches({ signedIn: 'rememberDevice' }) ? (snapshot.context.error ?? undefined) : undefined,
  );
  return {
    active,
    busy,
    error,
    remember: (remember) => {
      actorRef.send({ type: 'device.remember', remember });
    },
  };
}
