// The account screen's remembered devices: ListDevices on request, each with a "Forget" button, this browser's marked.
import { useId, useRef } from 'react';
import { useRememberedDevices } from '../hooks/useRememberedDevices.ts';
import { ErrorRegion } from './ErrorRegion.tsx';
import { useAccountMessages } from './MessagesContext.ts';
import { useFocusWhen } from './useFocusOnMount.ts';

/** The user's devices as a list; forgetting one lists them again. */
export function AccountDevices() {
  const messages = useAccountMessages();
  const { busy, blocked, error, listed, devices, currentDeviceKey, forgotten, list, forget } = useRememberedDevices();
  const titleId = useId();
  const errorId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  useFocusWhen(statusRef, forgotten ? true : undefined);
  const waiting = busy || blocked;
  return (
    <section className="cx-account-section" aria-labelledby={titleId} aria-busy={busy}>
      <h3 className="cx-subtitle" id={titleId}>
        {messages.devicesTitle}
      </h3>
      {listed ? (
        devices.length === 0 ? (
          <p className="cx-intro">{messages.noDevices}</p>
        ) : (
          <ul className="cx-devices">
            {devices.map((device) => {
              const name = device.name ?? messages.unnamedDevice;
              return (
                <li key={device.deviceKey} className="cx-device">
                  <span>
                    {name}
                    {device.deviceKey === currentDeviceKey ? ` ${messages.thisDevice}` : null}
                  </span>
                  {device.lastAuthenticatedAt === null ? null : (
                    <span className="cx-hint">
                      {messages.deviceLastUsed(new Date(device.lastAuthenticatedAt).toLocaleString())}
                    </span>
                  )}
                  <button
                    className="cx-button cx-button-secondary"
                    type="button"
                    aria-disabled={waiting}
                    onClick={() => {
                      if (!waiting) forget(device.deviceKey);
                    }}
                  >
                    {messages.forgetDevice(name)}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      <ErrorRegion id={errorId} error={error} />
      <p className="cx-status" role="status" ref={statusRef} tabIndex={-1}>
        {busy ? messages.working : forgotten ? messages.deviceForgotten : null}
      </p>
      <div className="cx-actions">
        <button
          className="cx-button cx-button-secondary"
          type="button"
          aria-disabled={waiting}
          aria-describedby={error === undefined ? undefined : errorId}
          onClick={() => {
            if (!waiting) list();
          }}
        >
          {messages.showDevices}
        </button>
      </div>
    </section>
  );
}
