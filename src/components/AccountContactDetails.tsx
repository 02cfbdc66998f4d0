// The account screen's contact details: a new email or phone number is saved, then verified with the code sent to it.
import { useId, useState } from 'react';
import type { StringMap } from '../hooks/flowData.ts';
import { useAuth } from '../hooks/useAuth.ts';
import { useUpdateUserAttributes } from '../hooks/useUpdateUserAttributes.ts';
import { useVerifyUserAttribute } from '../hooks/useVerifyUserAttribute.ts';
import { attributeLabel } from '../messages.ts';
import { AccountSection } from './AccountSection.tsx';
import { CodeForm } from './CodeForm.tsx';
import { Field } from './Field.tsx';
import { useAccountMessages } from './MessagesContext.ts';

function claim(claims: Readonly<Record<string, unknown>> | undefined, name: string): string {
  const value = claims?.[name];
  return typeof value === 'string' ? value : '';
}

/** UpdateUserAttributes for email and phone_number, then VerifyUserAttribute for each one changed. */
export function AccountContactDetails() {
  const messages = useAccountMessages();
  const { idTokenClaims } = useAuth();
  const update = useUpdateUserAttributes();
  const verify = useVerifyUserAttribute();
  const errorId = useId();
  // The ID token is not reissued by UpdateUserAttributes, so what was saved stays in the fields, not the stale claim.
  const [saved] = useState(() => ({
    email: claim(idTokenClaims, 'email'),
    phone_number: claim(idTokenClaims, 'phone_number'),
  }));
  const [email, setEmail] = useState(saved.email);
  const [phone, setPhone] = useState(saved.phone_number);
  const [unchanged, setUnchanged] = useState(false);
  return (
    <AccountSection
      title={messages.contactTitle}
      intro={messages.contactIntro}
      busy={update.busy}
      blocked={update.blocked || verify.active}
      error={update.error}
      localError={unchanged ? messages.contactUnchanged : undefined}
      done={update.updated ? (verify.verified ? messages.attributeVerified : messages.contactSaved) : undefined}
      busyLabel={messages.saving}
      submitLabel={messages.saveContact}
      errorId={errorId}
      onSubmit={() => {
        const changes: StringMap = {};
        if (email.trim() !== saved.email) changes.email = email.trim();
        if (phone.trim() !== saved.phone_number) changes.phone_number = phone.trim();
        setUnchanged(Object.keys(changes).length === 0);
        if (Object.keys(changes).length > 0) update.update(changes);
      }}
      after={
        verify.active ? (
          <div className="cx-account-verify">
            <CodeForm
              medium={verify.delivery?.medium === 'SMS' ? 'SMS' : 'EMAIL'}
              destination={verify.delivery?.destination ?? undefined}
              busy={verify.busy}
              error={verify.error}
              submit={verify.submit}
              cancel={verify.cancel}
              resend={verify.resend}
            />
          </div>
        ) : null
      }
    >
      <Field
        label={attributeLabel(messages, 'email')}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        errorId={errorId}
        invalid={update.error !== undefined}
        required={false}
      />
      <Field
        label={attributeLabel(messages, 'phone_number')}
        name="phone_number"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={setPhone}
        errorId={errorId}
        invalid={update.error !== undefined}
        required={false}
        hint={messages.phoneHint}
      />
    </AccountSection>
  );
}
