// The widget's signed-in view: who is signed in, "Forget this device" when there is one, and a sign-out button.
import { useId, useRef } from 'react';
import { AccountForgetThisDevice } from './AccountForgetThisDevice.tsx';
import { useMessages } from './MessagesContext.ts';
import { useFocusOnMount } from './useFocusOnMount.ts';
import { useWidgetModules } from './WidgetModulesContext.ts';

/** Props of `<SignedIn>`. */
export interface SignedInProps {
  /** A name to show: the ID token's email or `cognito:username`. */
  readonly name: string | undefined;
  readonly busy: boolean;
  readonly signOut: () => void;
}

/** Confirms the sign-in and offers sign-out; render it inside the SignInProvider (the device button reads it). */
export function SignedIn({ name, busy, signOut }: SignedInProps) {
  const messages = useMessages();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(headingRef);
  // "Create a passkey" comes with the passkeys module; it decides itself whether this sign-in is offered one.
  const { passkeys } = useWidgetModules();
  return (
    <section className="cx-step" aria-labelledby={titleId}>
      <h2 className="cx-title" id={titleId} ref={headingRef} tabIndex={-1}>
        {messages.signedInTitle}
      </h2>
      {name === undefined ? null : <p className="cx-intro">{messages.signedInAs(name)}</p>}
      <p className="cx-status" role="status">
        {busy ? messages.signingOut : null}
      </p>
      {passkeys === null ? null : <passkeys.PasskeyOffer />}
      <AccountForgetThisDevice />
      <div className="cx-actions">
        <button
          className="cx-button cx-button-secondary"
          type="button"
          aria-disabled={busy}
          onClick={() => {
            if (!busy) signOut();
          }}
        >
          {messages.signOut}
        </button>
      </div>
    </section>
  );
}
