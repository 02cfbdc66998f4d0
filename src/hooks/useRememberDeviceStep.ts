// Headless "remember this device?" step, asked after sign-in when the pool leaves it to the user.
import type { SignInError } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectError } from './stepError.ts';

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
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector(
    (snapshot) =>
      snapshot.matches({ signedIn: 'rememberDevice' }) || snapshot.matches({ signedIn: 'updatingDeviceStatus' }),
  );
  const busy = SignInContext.useSelector((snapshot) => snapshot.matches({ signedIn: 'updatingDeviceStatus' }));
  const error = SignInContext.useSelector((snapshot) =>
    snapshot.matches({ signedIn: 'rememberDevice' }) ? selectError(snapshot) : undefined,
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
