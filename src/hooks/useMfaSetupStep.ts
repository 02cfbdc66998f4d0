// Headless MFA_SETUP step (TOTP): the key as otpauth:// URI, QR image and text, then the first code.
import { secret, type SignInError } from '../../machines/index.ts';
import { useQrDataUrl } from './useQrDataUrl.ts';
import { SignInContext } from './SignInProvider.tsx';
import { selectAttempt, selectError } from './stepError.ts';
import { totpUri } from './totpUri.ts';

/** What `useMfaSetupStep()` returns. */
export interface MfaSetupStep {
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** The base32 key for manual entry; undefined until AssociateSoftwareToken has answered. */
  readonly secretCode: string | undefined;
  /** `otpauth://totp/…` for authenticator apps. */
  readonly uri: string | undefined;
  /** The QR code of `uri` as a data URL; undefined until rendered. */
  readonly qrDataUrl: string | undefined;
  /** Verifies the first code from the app (VerifySoftwareToken), then finishes the challenge. */
  readonly submit: (code: string) => void;
  readonly cancel: () => void;
}

/** The MFA_SETUP step. */
export function useMfaSetupStep(): MfaSetupStep {
  const actorRef = SignInContext.useActorRef();
  const active = SignInContext.useSelector((snapshot) => snapshot.matches('MFA_SETUP'));
  const busy = SignInContext.useSelector((snapshot) => snapshot.matches('MFA_SETUP') && snapshot.hasTag('busy'));
  const error = SignInContext.useSelector((snapshot) =>
    snapshot.matches('MFA_SETUP') ? selectError(snapshot) : undefined,
  );
  // The key is shown to the user, so it is revealed here, and only while this step is on screen.
  const secretCode = SignInContext.useSelector((snapshot) =>
    selectAttempt(snapshot, 'MFA_SETUP')?.totpSetup?.secretCode.reveal(),
  );
  const issuer = SignInContext.useSelector((snapshot) => selectAttempt(snapshot, 'MFA_SETUP')?.totpSetup?.issuer);
  const label = SignInContext.useSelector((snapshot) => selectAttempt(snapshot, 'MFA_SETUP')?.totpSetup?.label);
  const uri =
    secretCode === undefined || issuer === undefined || label === undefined
      ? undefined
      : totpUri(issuer, label, secretCode);
  const qrImage = useQrDataUrl(uri);
  return {
    active,
    busy,
    error,
    secretCode,
    uri,
    qrDataUrl: qrImage,
    submit: (code) => {
      actorRef.send({ type: 'code.submit', code: secret(code) });
    },
    cancel: () => {
      actorRef.send({ type: 'signIn.cancel' });
    },
  };
}
