// Sign-in Sessions: opaque, bound to pool, client, user and step, single use, expiring on the emulator clock.
import { randomBytes } from 'node:crypto';
import { MESSAGES, notAuthorized } from './errors.ts';
import type { ServerEphemeral } from './srpServer.ts';

/** One entry of the custom-auth history the define-auth-challenge trigger sees. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata?: string;
}

/** What a step needs to remember between calls; it never leaves the emulator. */
export interface FlowState {
  /** SRP state for PASSWORD_VERIFIER / DEVICE_PASSWORD_VERIFIER. */
  srp?: { A: string; ephemeral: ServerEphemeral; secretBlock: string };
  /** Device key of the device signing in (after DEVICE_SRP_AUTH or a tracked device). */
  deviceKey?: string;
  /** The one-time code expected in SMS_MFA / EMAIL_OTP / SMS_OTP. */
  code?: string;
  /** WEB_AUTHN: the challenge in CREDENTIAL_REQUEST_OPTIONS the assertion must sign. */
  webAuthnChallenge?: string;
  /** Challenges offered by SELECT_MFA_TYPE or SELECT_CHALLENGE. */
  choices?: string[];
  /** TOTP secret handed out by AssociateSoftwareToken during MFA_SETUP. */
  pendingTotpSecret?: string;
  /** VerifySoftwareToken succeeded: MFA_SETUP may now finish. */
  totpVerified?: boolean;
  /** CUSTOM_AUTH history and the current challenge's private parameters. */
  custom?: {
    history: ChallengeResult[];
    privateParameters: Record<string, unknown>;
    metadata?: string;
  };
  /** The user's first factor already proved (so NEW_PASSWORD_REQUIRED / MFA don't repeat it). */
  passwordless?: boolean;
  /** The user just set a new password (tokens then say TokenGeneration_NewPasswordChallenge). */
  newPassword?: boolean;
  /** USER_AUTH: the flow that selected the challenge. */
  authFlow?: string;
}

export interface AuthSession {
  readonly id: string;
  readonly poolId: string;
  readonly clientId: string;
  readonly username: string;
  readonly step: string;
  readonly expiresAt: number;
  wrongCodes: number;
  readonly state: FlowState;
}

export interface SessionRequest {
  poolId: string;
  clientId: string;
  step: string;
  now: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, AuthSession>();

  /** A fresh Session for the next step; old ones of the flow are already consumed. */
  issue(fields: Omit<AuthSession, 'id' | 'wrongCodes'>): string {
    this.sweep(fields.expiresAt - 16 * 60_000);
    const id = randomBytes(96).toString('base64');
    this.sessions.set(id, { ...fields, id, wrongCodes: 0 });
    return id;
  }

  /** Finds the Session for this step; it stays valid until `consume` (so a wrong code can be retried). */
  open(id: string, request: SessionRequest): AuthSession {
    const session = this.sessions.get(id);
    if (session?.poolId !== request.poolId || session.clientId !== request.clientId) {
      throw notAuthorized(MESSAGES.invalidSession);
    }
    if (session.expiresAt <= request.now) {
      this.sessions.delete(id);
      throw notAuthorized(MESSAGES.expiredSession);
    }
    if (session.step !== request.step) throw notAuthorized(MESSAGES.invalidSession);
    return session;
  }

  /** The Session if it exists, unchecked (only to learn which pool and client to check it against). */
  peek(id: string): AuthSession | undefined {
    return this.sessions.get(id);
  }

  consume(session: AuthSession): void {
    this.sessions.delete(session.id);
  }

  /** Counts a wrong code; at the limit the Session dies so later answers get NotAuthorizedException. */
  wrongCode(session: AuthSession, limit: number): void {
    session.wrongCodes += 1;
    if (session.wrongCodes >= limit) this.sessions.delete(session.id);
  }

  /** Drops Sessions that expired long ago, so abandoned flows don't accumulate. */
  private sweep(before: number): void {
    if (this.sessions.size < 10_000) return;
    for (const [id, session] of this.sessions) if (session.expiresAt < before) this.sessions.delete(id);
  }
}
