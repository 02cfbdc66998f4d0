// "Create a passkey" in the signed-in view, right after a sign-in that did not use one (config.passkeys.offerAfterSignIn).
import { useContext, useId, useRef, useState } from 'react';
import { CognitoPortsContext } from '../hooks/CognitoPortsContext.ts';
import type { PasskeyPorts } from '../hooks/flowData.ts';
import { usePasskeyRegistration } from '../hooks/usePasskeyRegistration.ts';
import { ErrorRegion } from './ErrorRegion.tsx';
import { useMessages } from './MessagesContext.ts';
import { usePasskeyOfferSettings } from './PasskeyOfferContext.ts';
import { useFocusWhen } from './useFocusOnMount.ts';

/** Offers a passkey once per sign-in on this page; "Not now" hides it. Renders nothing where the widget did not enable it. */
export function PasskeyOffer() {
  const settings = usePasskeyOfferSettings();
  const ports = useContext(CognitoPortsContext);
  // Read once as the signed-in view mounts: a restored session or a passkey sign-in is not offered a passkey.
  const [offered] = useState(() => settings?.offer === true && settings.factor.current === 'other');
  const [dismissed, setDismissed] = useState(false);
  if (!offered || dismissed || ports === null) return null;
  return (
    <PasskeyOfferPanel
      ports={ports}
      dismiss={() => {
        setDismissed(true);
      }}
    />
  );
}

function PasskeyOfferPanel({ ports, dismiss }: { readonly ports: PasskeyPorts; readonly dismiss: () => void }) {
  const messages = useMessages();
  const { status, error, register } = usePasskeyRegistration(ports);
  const busy = status === 'registering';
  const titleId = useId();
  const errorId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const created = status === 'registered';
  // The buttons go once the passkey exists: keep keyboard focus on the outcome.
  useFocusWhen(statusRef, status === 'registered' ? true : undefined);
  return (
    <section className="cx-passkey-offer" aria-labelledby={titleId} aria-busy={busy}>
      <h3 className="cx-subtitle" id={titleId}>
        {messages.passkeyOfferTitle}
      </h3>
      {created ? null : <p className="cx-intro">{messages.passkeyOfferIntro}</p>}
      <ErrorRegion id={errorId} error={error} />
      <p className="cx-status" role="status" ref={statusRef} tabIndex={-1}>
        {status === 'registering' ? messages.creatingPasskey : created ? messages.passkeyCreated : null}
      </p>
      {created ? null : (
        <div className="cx-actions">
          <button
            className="cx-button"
            type="button"
            aria-disabled={busy}
            aria-describedby={error === undefined ? undefined : errorId}
            onClick={() => {
              if (!busy) register();
            }}
          >
            {messages.createPasskey}
          </button>
          <button className="cx-button cx-button-secondary" type="button" onClick={dismiss}>
            {messages.notNow}
          </button>
        </div>
      )}
    </section>
  );
}
