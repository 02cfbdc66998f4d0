// Headless TOTP enrolment: AssociateSoftwareToken → key as otpauth:// URI, QR and text → VerifySoftwareToken → TOTP preferred.
import type { SignInError } from '../../machines/index.ts';
import { secret } from '../../machines/secret.ts';
import { useQrDataUrl } from './useQrDataUrl.ts';
import { totpUri } from './totpUri.ts';
import { AccountActorContext, useAccountActionState } from './useAccountActor.tsx';

/** What `useTotpEnrolment()` returns. */
export interface TotpEnrolment {
  /** The key is shown and the first code awaited (or being checked). */
  readonly active: boolean;
  readonly busy: boolean;
  readonly blocked: boolean;
  /** e.g. EnableSoftwareTokenMFAException (wrong first code). */
  readonly error: SignInError | undefined;
  /** The base32 key for manual entry, while enrolling. */
  readonly secretCode: string | undefined;
  /** `otpauth://totp/<issuer>:<user>?secret=…&issuer=…`. */
  readonly uri: string | undefined;
  /** The QR code of `uri` as an image data URL, once rendered. */
  readonly qrDataUrl: string | undefined;
  /** The app is verified and set as the preferred MFA method (SetUserMFAPreference). */
  readonly enabled: boolean;
  readonly start: () => void;
  readonly submit: (code: string) => void;
  readonly cancel: () => void;
}

/** AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference; needs an AccountProvider above. */
export function useTotpEnrolment(): TotpEnrolment {
  const { busy, blocked, error, lastResult, send } = useAccountActionState('totp');
  const active = AccountActorContext.useSelector((snapshot) => snapshot.matches('VerifySoftwareToken'));
  // The key is for the user's eyes, so it is revealed here, and only while the enrolment step is on screen.
  const secretCode = AccountActorContext.useSelector((snapshot) =>
    snapshot.matches('VerifySoftwareToken') ? snapshot.context.totpSecret?.reveal() : undefined,
  );
  const issuer = AccountActorContext.useSelector((snapshot) => snapshot.context.totpIssuer);
  const label = AccountActorContext.useSelector((snapshot) => snapshot.context.totpLabel);
  const uri = secretCode === undefined ? undefined : totpUri(issuer, label, secretCode);
  const qrImage = useQrDataUrl(uri);
  return {
    active,
    busy,
    blocked,
    error,
    secretCode,
    uri,
    qrDataUrl: qrImage,
    enabled: lastResult === 'totpEnabled',
    start: () => {
      send({ type: 'totp.setUp' });
    },
    submit: (code) => {
      send({ type: 'code.submit', code: secret(code) });
    },
    cancel: () => {
      send({ type: 'account.cancel' });
    },
  };
}
