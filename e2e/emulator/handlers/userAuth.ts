// USER_AUTH (choice-based sign-in): SELECT_CHALLENGE, the first factors, WEB_AUTHN, and sign-in after sign-up.
import { CognitoError, invalidParameter, MESSAGES, notAuthorized } from '../errors.ts';
import type { Json } from '../input.ts';
import type { UserRecord } from '../store.ts';
import {
  allowedFirstFactors,
  passkeysOf,
  relyingPartyId,
  requestOptions,
  verifyAssertion,
  webAuthnEnabled,
} from '../webauthn.ts';
import {
  afterPassword,
  challenge,
  checkDevice,
  checkPassword,
  finish,
  lockedOut,
  mfaChallenge,
  param,
  passwordVerifierChallenge,
  secondFactor,
  statusGate,
  type Flow,
} from './signInSteps.ts';

/** The Session step that ConfirmSignUp hands out and InitiateAuth USER_AUTH accepts once. */
const SIGNED_UP_STEP = 'USER_AUTH_AFTER_SIGN_UP';

/** What this user can answer SELECT_CHALLENGE with: the pool's first factors, limited by what the user has. */
function availableChallenges(flow: Flow): string[] {
  const { pool, user } = flow;
  const allowed = allowedFirstFactors(pool);
  const available: string[] = [];
  if (allowed.includes('PASSWORD') && user.srp) available.push('PASSWORD', 'PASSWORD_SRP');
  if (allowed.includes('EMAIL_OTP') && user.attributes.email_verified === 'true') available.push('EMAIL_OTP');
  if (allowed.includes('SMS_OTP') && user.attributes.phone_number) available.push('SMS_OTP');
  if (allowed.includes('WEB_AUTHN') && webAuthnEnabled(pool) && hasPasskey(flow, user)) available.push('WEB_AUTHN');
  return available;
}

function hasPasskey(flow: Flow, user: UserRecord): boolean {
  const rpId = flow.pool.settings.webAuthn?.RelyingPartyId;
  return passkeysOf(user).some((p) => p.RelyingPartyId === rpId);
}

/** InitiateAuth USER_AUTH: the ConfirmSignUp Session, a PREFERRED_CHALLENGE, or SELECT_CHALLENGE. */
export async function userAuth(flow: Flow, params: Record<string, string>, session: string | undefined): Promise<Json> {
  // Choice-based sign-in needs the Essentials plan or higher.
  if (flow.pool.settings.userPoolTier === 'LITE')
    throw new CognitoError(
      'FeatureUnavailableInTierException',
      'USER_AUTH requires the Essentials or Plus feature plan.',
    );
  if (session !== undefined) return afterSignUp(flow, session);
  const available = availableChallenges(flow);
  const preferred = params.PREFERRED_CHALLENGE;
  if (preferred === undefined) {
    statusGate(flow.user);
    flow.state = { ...flow.state, choices: available };
    return challenge(flow, 'SELECT_CHALLENGE', {}, { AvailableChallenges: available });
  }
  return firstFactor(flow, preferred, params, available);
}

/** The one-time code of ConfirmSignUp already proved the first factor: go on to MFA or tokens. */
function afterSignUp(flow: Flow, sessionId: string): Promise<Json> {
  const { ctx, pool, client, user } = flow;
  const session = ctx.sessions.open(sessionId, {
    poolId: pool.id,
    clientId: client.ClientId,
    step: SIGNED_UP_STEP,
    now: ctx.clock.now(),
  });
  if (session.username !== user.username) throw notAuthorized(MESSAGES.invalidSession);
  ctx.sessions.consume(session);
  statusGate(user);
  flow.state = { ...flow.state, passwordless: true };
  return secondFactor(flow);
}

/** Starts the chosen first factor; PASSWORD and PASSWORD_SRP carry their answer in the same call. */
export async function firstFactor(
  flow: Flow,
  factor: string,
  params: Record<string, string>,
  offered: readonly string[] | undefined,
): Promise<Json> {
  if (!(offered ?? []).includes(factor))
    throw invalidParameter(`The challenge ${factor} is not available for this user.`);
  switch (factor) {
    case 'PASSWORD':
      checkPassword(flow, param(params, 'PASSWORD'));
      checkDevice(flow);
      return afterPassword(flow);
    case 'PASSWORD_SRP':
      if (lockedOut(flow)) throw notAuthorized(MESSAGES.attemptsExceeded);
      return passwordVerifierChallenge(flow, param(params, 'SRP_A'));
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      statusGate(flow.user);
      flow.state = { ...flow.state, passwordless: true };
      return mfaChallenge(flow, factor);
    default: {
      // No challenge was issued yet that a CREDENTIAL could have signed: refused rather than ignored.
      if (params.CREDENTIAL !== undefined)
        throw invalidParameter('Answer WEB_AUTHN first; send CREDENTIAL in the WEB_AUTHN challenge response.');
      statusGate(flow.user);
      relyingPartyId(flow.pool);
      const options = await requestOptions(flow.pool, flow.user);
      flow.state = { ...flow.state, passwordless: true, webAuthnChallenge: options.challenge };
      return challenge(flow, 'WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: options.json });
    }
  }
}

/** The WEB_AUTHN answer: a verified assertion is the whole sign-in (a passkey is not followed by MFA). */
export async function answerWebAuthn(flow: Flow, credential: string): Promise<Json> {
  const expected = flow.state.webAuthnChallenge;
  if (expected === undefined) throw notAuthorized(MESSAGES.invalidSession);
  await verifyAssertion(flow.pool, flow.user, expected, credential);
  return finish(flow);
}
