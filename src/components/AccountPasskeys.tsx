// The account screen's passkeys: the list (name, created date), "Delete" on each, and "Create a passkey".
import { useId, useRef } from 'react';
import { usePasskeys } from '../hooks/usePasskeys.ts';
import { ErrorRegion } from './ErrorRegion.tsx';
import { useAccountMessages } from './MessagesContext.ts';
import { useFocusWhen } from './useFocusOnMount.ts';

/** The signed-in user's passkeys; creating or deleting one lists them again. */
export function AccountPasskeys() {
  const messages = useAccountMessages();
  const { status, busy, blocked, error, listed, passkeys, list, register, delete: remove } = usePasskeys();
  const titleId = useId();
  const errorId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const outcome =
    status === 'registering'
      ? messages.creatingPasskey
      : status === 'deleting'
        ? messages.deletingPasskey
        : status === 'listing'
          ? messages.working
          : status === 'registered'
            ? messages.passkeyCreated
            : status === 'deleted'
              ? messages.passkeyDeleted
              : null;
  // A deleted passkey's button vanishes with it: keep keyboard focus on the outcome.
  useFocusWhen(statusRef, status === 'deleted' ? true : undefined);
  const waiting = busy || blocked;
  return (
    <section className="cx-account-section" aria-labelledby={titleId} aria-busy={busy}>
      <h3 className="cx-subtitle" id={titleId}>
        {messages.passkeysTitle}
      </h3>
      {listed ? (
        passkeys.length === 0 ? (
          <p className="cx-intro">{messages.noPasskeys}</p>
        ) : (
          <ul className="cx-devices">
            {passkeys.map((passkey) => (
              <li key={passkey.credentialId} className="cx-device">
                <span>{passkey.friendlyName}</span>
                <span className="cx-hint">
                  {messages.passkeyCreatedOn(new Date(passkey.createdAt).toLocaleDateString())}
                </span>
                <button
                  className="cx-button cx-button-secondary"
                  type="button"
                  aria-disabled={waiting}
                  onClick={() => {
                    if (!waiting) remove(passkey.credentialId);
                  }}
                >
                  {messages.deletePasskey(passkey.friendlyName)}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <ErrorRegion id={errorId} error={error} />
      <p className="cx-status" role="status" ref={statusRef} tabIndex={-1}>
        {outcome}
      </p>
      <div className="cx-actions">
        <button
          className="cx-button"
          type="button"
          aria-disabled={waiting}
          aria-describedby={error === undefined ? undefined : errorId}
          onClick={() => {
            if (!waiting) register();
          }}
        >
          {messages.createPasskey}
        </button>
        <button
          className="cx-button cx-button-secondary"
          type="button"
          aria-disabled={waiting}
          onClick={() => {
            if (!waiting) list();
          }}
        >
          {messages.showPasskeys}
        </button>
      </div>
    </section>
  );
}
