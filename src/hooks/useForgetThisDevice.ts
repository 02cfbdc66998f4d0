// Headless "Forget this device" for the signed-in user: ForgetDevice on the device this browser remembered.
import { useState } from 'react';
import type { SignInError } from '../../machines/index.ts';
import { SessionContext } from './SignInProvider.tsx';

/** What `useForgetThisDevice()` returns. */
export interface ForgetThisDevice {
  /** True while signed in with a device key this browser holds (the session machine's `hasDevice`). */
  readonly available: boolean;
  readonly busy: boolean;
  /** ForgetDevice's failure, if the last attempt failed. */
  readonly error: SignInError | undefined;
  /** Sends `device.forget`: ForgetDevice, then the browser drops the device keys. */
  readonly forget: () => void;
}

/** Forgetting the current device; `available` turns false once it is forgotten. */
export function useForgetThisDevice(): ForgetThisDevice {
  const actorRef = SessionContext.useActorRef();
  const busy = SessionContext.useSelector((snapshot) => snapshot.matches({ signedIn: 'forgettingDevice' }));
  const available = SessionContext.useSelector(
    (snapshot) =>
      snapshot.context.device !== null &&
      (snapshot.matches({ signedIn: 'active' }) || snapshot.matches({ signedIn: 'forgettingDevice' })),
  );
  // The signed-in error may come from a refresh; show it here only once this hook asked to forget.
  const [asked, setAsked] = useState(false);
  const lastError = SessionContext.useSelector((snapshot) =>
    snapshot.matches({ signedIn: 'active' }) ? (snapshot.context.error ?? undefined) : undefined,
  );
  return {
    available,
    busy,
    error: asked ? lastError : undefined,
    forget: () => {
      setAsked(true);
      actorRef.send({ type: 'device.forget' });
    },
  };
}
