// Headless VerifyUserAttribute: the code sent to a changed (or unverified) email or phone, with a resend.
import type { CodeDelivery } from '../../machines/accountTypes.ts';
import type { SignInError } from '../../machines/index.ts';
import { secret } from '../../machines/secret.ts';
import { AccountActorContext, useAccountActionState } from './useAccountActor.tsx';

/** What `useVerifyUserAttribute()` returns. */
export interface VerifyUserAttribute {
  /** A code is awaited (or being checked or resent). */
  readonly active: boolean;
  readonly busy: boolean;
  /** e.g. CodeMismatchException, ExpiredCodeException, LimitExceededException. */
  readonly error: SignInError | undefined;
  /** `email` or `phone_number`. */
  readonly attributeName: string | undefined;
  /** Where Cognito sent the code, masked by Cognito. */
  readonly delivery: CodeDelivery | undefined;
  /** The last attribute's code was accepted. */
  readonly verified: boolean;
  /** GetUserAttributeVerificationCode for an attribute that is not verified yet. */
  readonly verify: (attributeName: string) => void;
  readonly submit: (code: string) => void;
  /** GetUserAttributeVerificationCode again; the earlier code stays usable if that fails. */
  readonly resend: () => void;
  /** Stops waiting; the attribute keeps its new, unverified value (Cognito's behaviour). */
  readonly cancel: () => void;
}

/** True while a code for an attribute is awaited, being checked, or being (re)sent. */
export function useVerifyingAttribute(): boolean {
  return AccountActorContext.useSelector(
    (snapshot) => snapshot.matches('VerifyUserAttribute') || snapshot.matches('GetUserAttributeVerificationCode'),
  );
}

/** VerifyUserAttribute and GetUserAttributeVerificationCode; needs an AccountProvider above. */
export function useVerifyUserAttribute(): VerifyUserAttribute {
  const { busy, error, lastResult, send } = useAccountActionState('attributes');
  const active = useVerifyingAttribute();
  const attributeName = AccountActorContext.useSelector((snapshot) => snapshot.context.attributeName ?? undefined);
  const delivery = AccountActorContext.useSelector((snapshot) => snapshot.context.codeDelivery ?? undefined);
  return {
    active,
    busy: active && busy,
    error: active ? error : undefined,
    attributeName: active ? attributeName : undefined,
    delivery: active ? delivery : undefined,
    verified: lastResult === 'attributeVerified',
    verify: (name) => {
      send({ type: 'attribute.verify', attributeName: name });
    },
    submit: (code) => {
      send({ type: 'code.submit', code: secret(code) });
    },
    resend: () => {
      send({ type: 'code.resend' });
    },
    cancel: () => {
      send({ type: 'account.cancel' });
    },
  };
}
