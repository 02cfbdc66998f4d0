// Which step the sign-in is on, as one small string, so a view re-renders only when the step changes.
import type { SnapshotFrom } from 'xstate';
import type { sessionMachine, signInMachine } from '../../machines/index.ts';
import { SessionContext, SignInContext } from './SignInProvider.tsx';

/** The screen the sign-in needs: a form per challenge, plus loading (restoring, confirming the device), session expired and signed in. */
export type SignInStep =
  | 'loading'
  | 'credentials'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'EMAIL_OTP'
  | 'SELECT_MFA_TYPE'
  | 'SELECT_CHALLENGE'
  | 'WEB_AUTHN'
  | 'MFA_SETUP'
  | 'NEW_PASSWORD_REQUIRED'
  | 'CUSTOM_CHALLENGE'
  | 'rememberDevice'
  | 'sessionExpired'
  | 'signedIn';

/** Maps a sign-in snapshot to its step; SRP and device steps need no input, so they show the credentials form, busy. */
export function selectStep(snapshot: SnapshotFrom<typeof signInMachine>): SignInStep {
  // USER_AUTH's SMS_OTP asks for the same thing as SMS_MFA.
  if (snapshot.matches('SMS_MFA') || snapshot.matches('SMS_OTP')) return 'SMS_MFA';
  if (snapshot.matches('SOFTWARE_TOKEN_MFA')) return 'SOFTWARE_TOKEN_MFA';
  if (snapshot.matches('EMAIL_OTP')) return 'EMAIL_OTP';
  if (snapshot.matches('SELECT_MFA_TYPE')) return 'SELECT_MFA_TYPE';
  if (snapshot.matches('SELECT_CHALLENGE')) return 'SELECT_CHALLENGE';
  if (snapshot.matches('WEB_AUTHN')) return 'WEB_AUTHN';
  if (snapshot.matches('MFA_SETUP')) return 'MFA_SETUP';
  if (snapshot.matches('NEW_PASSWORD_REQUIRED')) return 'NEW_PASSWORD_REQUIRED';
  if (snapshot.matches('CUSTOM_CHALLENGE')) return 'CUSTOM_CHALLENGE';
  if (snapshot.matches('sessionExpired')) return 'sessionExpired';
  // `done` hands the tokens to the session machine, which is signed in from then on.
  if (snapshot.matches('done')) return 'signedIn';
  return 'credentials';
}

/** The session's own step, or null while signed out (then the sign-in child decides). */
export function selectSessionStep(snapshot: SnapshotFrom<typeof sessionMachine>): SignInStep | null {
  // ConfirmDevice runs between the last answer and the "Remember this device?" question: showing the signed-in view
  // there would announce "signed in" and then take it back for a question.
  if (snapshot.matches('restoring') || snapshot.matches({ signedIn: 'confirmingDevice' })) return 'loading';
  if (snapshot.matches({ signedIn: 'rememberDevice' }) || snapshot.matches({ signedIn: 'updatingDeviceStatus' }))
    return 'rememberDevice';
  return snapshot.matches('signedOut') ? null : 'signedIn';
}

/** The current sign-in step: the session's own while it restores or holds tokens, else its sign-in child's. */
export function useSignInStep(): SignInStep {
  const session = SessionContext.useSelector(selectSessionStep);
  const step = SignInContext.useSelector(selectStep);
  return session ?? step;
}
