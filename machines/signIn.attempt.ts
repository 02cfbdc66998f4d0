// The sign-in attempt: which variant each Cognito answer starts, and reading a variant where the statechart put it.
import type { MfaType, StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';
import type { DeviceRecord } from './ports.ts';
import type { AuthOutcome, CodeDelivery, SignInAttempt } from './types.ts';

const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

function isMfaType(value: unknown): value is MfaType {
  return typeof value === 'string' && (MFA_TYPES as readonly string[]).includes(value);
}

/** `MFAS_CAN_CHOOSE` / `MFAS_CAN_SETUP` are JSON strings inside a string map. */
function parseMfaTypes(raw: string | undefined): MfaType[] {
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isMfaType) : [];
  } catch {
    return [];
  }
}

/** `requiredAttributes` is a JSON array of `"userAttributes.<name>"`. */
function parseRequiredAttributes(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((item): item is string => typeof item === 'string')
      .map((name) => name.replace(/^userAttributes\./, ''));
  } catch {
    return [];
  }
}

/** The attempt before any step: what the machine starts with, and what cancel and failures return to. */
export const NO_ATTEMPT: SignInAttempt = { kind: 'none' };

/** The Session the next request carries: the challenge's, or ConfirmSignUp's before InitiateAuth. */
export function attemptSession(attempt: SignInAttempt): Secret<string> | null {
  if ('session' in attempt) return attempt.session;
  return attempt.kind === 'initiating' ? attempt.signUpSession : null;
}

/** The password sent with SRP_A (at InitiateAuth or with a PASSWORD_SRP pick), which PASSWORD_VERIFIER needs. */
function pendingPassword(attempt: SignInAttempt): Secret<string> | null {
  return attempt.kind === 'initiating' || attempt.kind === 'SELECT_CHALLENGE' ? attempt.password : null;
}

/** Where a code went: this challenge's CODE_DELIVERY_* parameters, else what the previous step said. */
function codeDelivery(parameters: StringMap, previous: SignInAttempt): CodeDelivery | null {
  const medium = parameters.CODE_DELIVERY_DELIVERY_MEDIUM;
  const destination = parameters.CODE_DELIVERY_DESTINATION;
  if (medium !== undefined || destination !== undefined) {
    return { medium: medium ?? null, destination: destination ?? null };
  }
  return 'codeDelivery' in previous ? previous.codeDelivery : null;
}

/**
 * The attempt a Cognito answer starts, from the one before it and the device remembered for this user; a challenge
 * missing what answering it needs is `unanswerable`.
 */
export function attemptAfter(
  previous: SignInAttempt,
  outcome: AuthOutcome,
  device: DeviceRecord | null,
): SignInAttempt {
  const { step } = outcome;
  if (step.kind === 'tokens') {
    return { kind: 'signedIn', tokens: step.tokens, claims: step.claims, newDevice: step.newDevice };
  }
  const { session, challengeParameters: parameters } = step;
  const unanswerable = { kind: 'unanswerable', challengeName: step.challengeName } as const;
  switch (step.challengeName) {
    case 'PASSWORD_VERIFIER': {
      const password = pendingPassword(previous);
      if (password === null || outcome.srp === null) return unanswerable;
      return { kind: 'PASSWORD_VERIFIER', session, password, srp: outcome.srp, challengeParameters: parameters };
    }
    case 'SMS_MFA':
    case 'SOFTWARE_TOKEN_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return { kind: step.challengeName, session, codeDelivery: codeDelivery(parameters, previous) };
    case 'SELECT_MFA_TYPE':
      return { kind: 'SELECT_MFA_TYPE', session, mfaTypes: parseMfaTypes(parameters.MFAS_CAN_CHOOSE) };
    case 'SELECT_CHALLENGE':
      return { kind: 'SELECT_CHALLENGE', session, availableChallenges: step.availableChallenges, password: null };
    case 'WEB_AUTHN':
      return step.credentialRequestOptions === undefined
        ? unanswerable
        : { kind: 'WEB_AUTHN', session, requestOptions: step.credentialRequestOptions };
    case 'MFA_SETUP':
      return { kind: 'MFA_SETUP', session, mfaTypes: parseMfaTypes(parameters.MFAS_CAN_SETUP), totpSetup: null };
    case 'NEW_PASSWORD_REQUIRED':
      return {
        kind: 'NEW_PASSWORD_REQUIRED',
        session,
        requiredAttributes: parseRequiredAttributes(parameters.requiredAttributes),
      };
    case 'CUSTOM_CHALLENGE':
      return { kind: 'CUSTOM_CHALLENGE', session, challengeParameters: parameters };
    case 'DEVICE_SRP_AUTH':
      return device === null ? unanswerable : { kind: 'DEVICE_SRP_AUTH', session, device };
    case 'DEVICE_PASSWORD_VERIFIER':
      return device === null || outcome.srp === null
        ? unanswerable
        : { kind: 'DEVICE_PASSWORD_VERIFIER', session, device, srp: outcome.srp, challengeParameters: parameters };
    default:
      return unanswerable;
  }
}

/** Thrown only by a statechart bug: a state read an attempt its own transitions never give it. */
export class AttemptMismatchError extends Error {
  override readonly name = 'AttemptMismatchError';
}

/** Whether the attempt is one of these variants (a guard's and an action's narrowing). */
export function isAttempt<K extends SignInAttempt['kind']>(
  attempt: SignInAttempt,
  kinds: readonly K[],
): attempt is Extract<SignInAttempt, { kind: K }> {
  return (kinds as readonly string[]).includes(attempt.kind);
}

/**
 * The attempt as the state reading it holds it, typed. The transitions into each state guarantee its variant (see
 * `nextStep`), as `assertEvent` does for events; a mismatch is a bug in the machine, never something a user did.
 */
export function assertAttempt<K extends SignInAttempt['kind']>(
  attempt: SignInAttempt,
  ...kinds: readonly K[]
): Extract<SignInAttempt, { kind: K }> {
  if (isAttempt(attempt, kinds)) return attempt;
  throw new AttemptMismatchError(`expected a ${kinds.join(' or ')} attempt, found ${attempt.kind}`);
}
