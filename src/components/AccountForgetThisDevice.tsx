// "Forget this device" for the signed-in view: shown while this browser holds a device key for the user.
import { useId, useRef, useState } from 'react';
import { useForgetThisDevice } from '../hooks/useForgetThisDevice.ts';
import { ErrorRegion } from './ErrorRegion.tsx';
import { useMessages } from './MessagesContext.ts';
import { useFocusWhen } from './useFocusOnMount.ts';

/** A button that forgets the current device (ForgetDevice), with its error and outcome announced. */
export function AccountForgetThisDevice() {
  const messages = useMessages();
  const { available, busy, error, forget } = useForgetThisDevice();
  const errorId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Remember that this browser had a device, so its disappearance reads as "forgotten", not as nothing.
  const [hadDevice, setHadDevice] = useState(available);
  if (available && !hadDevice) setHadDevice(true);
  const forgotten = hadDevice && !available;
  // The button vanishes with the device; keep keyboard focus on the outcome instead of dropping it to the page.
  useFocusWhen(statusRef, forgotten ? true : undefined);
  return (
    <div className="cx-device">
      <p className="cx-status" role="status" ref={statusRef} tabIndex={-1}>
        {busy ? messages.forgettingThisDevice : forgotten ? messages.thisDeviceForgotten : null}
      </p>
      {available ? (
        <>
          <ErrorRegion id={errorId} error={error} />
          <button
            className="cx-button cx-button-secondary"
            type="button"
            aria-disabled={busy}
            aria-describedby={error === undefined ? undefined : errorId}
            onClick={() => {
              if (!busy) forget();
            }}
          >
            {messages.forgetThisDevice}
          </button>
        </>
      ) : null}
    </div>
  );
}
