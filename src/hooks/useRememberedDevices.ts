// Headless remembered devices: ListDevices, and ForgetDevice on any of them (this browser's one through the session actor).
import { useState } from 'react';
import { waitFor } from 'xstate';
import type { RememberedDevice } from '../../machines/accountTypes.ts';
import type { SignInError } from '../../machines/index.ts';
import { SessionContext } from './SignInProvider.tsx';
import { AccountActorContext, useAccountActionState } from './useAccountActor.tsx';

/** What `useRememberedDevices()` returns. */
export interface RememberedDevices {
  readonly busy: boolean;
  readonly blocked: boolean;
  readonly error: SignInError | undefined;
  /** ListDevices has answered at least once. */
  readonly listed: boolean;
  readonly devices: readonly RememberedDevice[];
  /** The device key this browser signs in with, if any, so the list can mark it. */
  readonly currentDeviceKey: string | undefined;
  /** The last ForgetDevice succeeded. */
  readonly forgotten: boolean;
  readonly list: () => void;
  /** ForgetDevice, then ListDevices again. This browser's device also drops its local keys. */
  readonly forget: (deviceKey: string) => void;
}

/** ListDevices and ForgetDevice; needs an AccountProvider above. */
export function useRememberedDevices(): RememberedDevices {
  const session = SessionContext.useActorRef();
  const currentDeviceKey = SessionContext.useSelector((snapshot) => snapshot.context.device?.deviceKey);
  const { busy, blocked, error, lastResult, send } = useAccountActionState('devices');
  const devices = AccountActorContext.useSelector((snapshot) => snapshot.context.devices);
  const listed = lastResult === 'deviceForgotten' || lastResult === 'devicesListed';
  // Set when this browser's own device was forgotten through the session actor (the account actor never saw it).
  const [forgotCurrent, setForgotCurrent] = useState(false);
  return {
    busy,
    blocked,
    error,
    listed,
    devices,
    currentDeviceKey,
    forgotten: lastResult === 'deviceForgotten' || (forgotCurrent && lastResult === 'devicesListed'),
    list: () => {
      send({ type: 'devices.list' });
    },
    forget: (deviceKey) => {
      setForgotCurrent(false);
      if (deviceKey !== currentDeviceKey) {
        send({ type: 'device.forget', deviceKey });
        return;
      }
      // The session actor owns this browser's device keys: it calls ForgetDevice and drops them; then list again.
      session.send({ type: 'device.forget' });
      void waitFor(session, (snapshot) => !snapshot.matches({ signedIn: 'forgettingDevice' })).then((snapshot) => {
        setForgotCurrent(snapshot.context.device === null);
        send({ type: 'devices.list' });
      });
    },
  };
}
