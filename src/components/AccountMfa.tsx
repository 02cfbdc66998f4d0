// The account screen's two-step verification: enrol an authenticator app (QR, key, first code) and pick the method asked for.
import { useId, useState } from 'react';
import type { MfaPreference as MfaPreferenceSettings, MfaSetting } from '../hooks/flowData.ts';
import { useMfaPreference } from '../hooks/useMfaPreference.ts';
import { useTotpEnrolment } from '../hooks/useTotpEnrolment.ts';
import type { MfaMethod } from '../messages.ts';
import { AccountSection } from './AccountSection.tsx';
import { ErrorRegion } from './ErrorRegion.tsx';
import { useAccountMessages } from './MessagesContext.ts';
import { MfaSetupForm } from './MfaSetupForm.tsx';

const METHODS: readonly MfaMethod[] = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'];

/** SetUserMFAPreference for a choice: that method preferred, or every method off. */
function preferenceFor(choice: MfaMethod | 'off'): MfaPreferenceSettings {
  const settings: Partial<Record<MfaMethod, MfaSetting>> = {};
  for (const method of METHODS) {
    if (choice === 'off') settings[method] = 'disabled';
    else if (method === choice) settings[method] = 'preferred';
  }
  return settings;
}

/** Authenticator app enrolment, then the MFA preference form. */
export function AccountMfa() {
  const messages = useAccountMessages();
  const totp = useTotpEnrolment();
  const preference = useMfaPreference();
  const errorId = useId();
  const totpErrorId = useId();
  const [choice, setChoice] = useState<MfaMethod | 'off'>('SOFTWARE_TOKEN_MFA');
  const enrolment = totp.active ? (
    <MfaSetupForm
      secretCode={totp.secretCode}
      uri={totp.uri}
      qrDataUrl={totp.qrDataUrl}
      busy={totp.busy}
      error={totp.error}
      submit={totp.submit}
      cancel={totp.cancel}
    />
  ) : (
    <div className="cx-step">
      <ErrorRegion id={totpErrorId} error={totp.error} />
      <p className="cx-status" role="status">
        {totp.busy ? messages.working : totp.enabled ? messages.authenticatorEnabled : null}
      </p>
      <div className="cx-actions">
        <button
          className="cx-button cx-button-secondary"
          type="button"
          aria-disabled={totp.busy || totp.blocked}
          aria-describedby={totp.error === undefined ? undefined : totpErrorId}
          onClick={() => {
            if (!totp.busy && !totp.blocked) totp.start();
          }}
        >
          {messages.setUpAuthenticator}
        </button>
      </div>
    </div>
  );
  return (
    <AccountSection
      title={messages.mfaTitle}
      busy={preference.busy}
      blocked={preference.blocked || totp.active}
      error={preference.error}
      done={preference.saved ? messages.mfaPreferenceSaved : undefined}
      busyLabel={messages.saving}
      submitLabel={messages.savePreference}
      errorId={errorId}
      onSubmit={() => {
        preference.setPreference(preferenceFor(choice));
      }}
      after={enrolment}
    >
      <fieldset className="cx-fieldset" aria-describedby={preference.error === undefined ? undefined : errorId}>
        <legend className="cx-label">{messages.mfaPreferenceLegend}</legend>
        {[...METHODS, 'off' as const].map((option) => (
          <label className="cx-radio" key={option}>
            <input
              type="radio"
              name="mfa-preference"
              value={option}
              checked={choice === option}
              onChange={() => {
                setChoice(option);
              }}
            />{' '}
            {option === 'off' ? messages.mfaOff : messages.mfaMethods[option]}
          </label>
        ))}
      </fieldset>
    </AccountSection>
  );
}
