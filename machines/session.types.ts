// The session machine's data: input, context, events, emitted events and what its actors take and return.
import type { SignInError } from './errors.ts';
import type { DeviceRecord } from './ports.ts';
import type { StringMap } from './protocol.ts';
import type { Secret } from './secret.ts';
import type { NewDevice, SignInEvent, SignInInput, SignOutScope, TokenClaims, TokenSet } from './types.ts';

/**
 * How tokens are refreshed. `rotation`: GetTokensFromRefreshToken (needed by clients with refresh-token rotation;
 * each refresh returns a new refresh token). `legacy`: InitiateAuth REFRESH_TOKEN_AUTH. `auto` (default):
 * GetTokensFromRefreshToken first, REFRESH_TOKEN_AUTH if the back end does not know that operation, remembered.
 */
export type RefreshMode = 'auto' | 'rotation' | 'legacy';

/** The refresh call a session settled on. */
export type RefreshCall = 'rotation' | 'legacy';

/** Session input: the sign-in settings (handed to the sign-in child) plus the refresh mode. */
export interface SessionInput extends SignInInput {
  /** Default `auto`. */
  readonly refresh?: RefreshMode;
  /** Longest pause between refresh retries while offline, ms. Default 30 000. */
  readonly maxRetryDelayMs?: number;
  /** Refresh this many seconds before the access token expires. Default 300. */
  readonly refreshMarginSeconds?: number;
}

/** A sign-in started on the session itself (Node, scripts): the sign-in child takes it. */
export type CredentialsSubmit = Extract<SignInEvent, { type: 'credentials.submit' }>;

/** A signed-in session as the store and the refresh actor hand it to the machine. */
export interface SessionTokens {
  readonly username: string;
  readonly tokens: TokenSet;
  readonly claims: TokenClaims;
  readonly device: DeviceRecord | null;
  /** Local clock minus the server's (from the tokens' `iat`), seconds. */
  readonly clockDrift: number;
}

/** The session machine's context: tokens only as redacted `Secret`s. */
export interface SessionContext {
  /** The sign-in child's input (non-secret settings). */
  readonly signIn: SignInInput;
  readonly clientId: string;
  readonly refresh: RefreshMode;
  /** What `auto` learned from the first answer (or the configured call); null until then. */
  readonly refreshCall: RefreshCall | null;
  readonly refreshMarginSeconds: number;
  readonly maxRetryDelayMs: number;
  readonly username: string | null;
  /** What the user typed at the last sign-in: the form shows it again after sign-out. */
  readonly loginName: string | null;
  readonly tokens: TokenSet | null;
  readonly claims: TokenClaims | null;
  readonly device: DeviceRecord | null;
  /** NewDeviceMetadata from the sign-in, until ConfirmDevice answers. */
  readonly newDevice: NewDevice | null;
  readonly clockDrift: number;
  /** Refresh tries that failed on the network since the last success. */
  readonly retries: number;
  /** A credentials.submit that came while the store was read: sent to the sign-in child if no session is found. */
  readonly pendingSubmit: CredentialsSubmit | null;
  readonly error: SignInError | null;
}

/** What the `refresh` actor takes. */
export interface RefreshInput {
  readonly clientId: string;
  readonly userPoolId: string;
  readonly username: string;
  readonly tokens: TokenSet;
  readonly device: DeviceRecord | null;
  readonly clientMetadata: StringMap | null;
  readonly refresh: RefreshMode;
  readonly refreshCall: RefreshCall | null;
  readonly refreshMarginSeconds: number;
  /** `tokens.refresh` asked for new tokens even if the stored ones are fresh. */
  readonly forced: boolean;
}

/** A refresh ended: new tokens (`refreshed`), a fresher session another tab stored (`adopted`), or none left. */
export type RefreshOutcome =
  | ({ readonly kind: 'refreshed'; readonly refreshCall: RefreshCall } & SessionTokens)
  | ({ readonly kind: 'adopted' } & SessionTokens)
  | { readonly kind: 'signedOut' };

/** What the `confirmDevice` actor takes: the device key and group Cognito issued with the tokens. */
export interface ConfirmNewDeviceInput {
  readonly accessToken: Secret<string>;
  readonly newDevice: NewDevice;
}

/** What the `updateDeviceStatus` and `forgetDevice` actors take: this browser's device. */
export interface DeviceCallInput {
  readonly accessToken: Secret<string>;
  readonly deviceKey: string;
}

/** What the token calls (revoke, global sign-out) take. */
export interface SessionTokenCallInput {
  readonly clientId: string;
  readonly tokens: TokenSet;
}

/** Events the session machine accepts. */
export type SessionEvent =
  | { type: 'signOut'; scope?: SignOutScope }
  | { type: 'tokens.refresh' }
  /** ForgetDevice on the device this browser remembered, then drop its keys. */
  | { type: 'device.forget' }
  /** "Remember this device?" answered (asked only when the pool leaves it to the user). */
  | { type: 'device.remember'; remember: boolean }
  /** An OAuth redirect sign-in finished on this page (the redirect machine's output): adopt its tokens. */
  | { type: 'redirect.done'; tokens: TokenSet; claims: TokenClaims }
  /** Another tab changed the stored session (the message carries no token: re-read the store). */
  | { type: 'tabs.changed' }
  /** Signed out (or restoring): handed to the sign-in child, so a script can drive the session alone. */
  | CredentialsSubmit;

/** What the session machine emits. */
export type SessionEmitted =
  | { type: 'signedIn'; tokens: TokenSet; claims: TokenClaims }
  | { type: 'tokensRefreshed'; tokens: TokenSet; claims: TokenClaims }
  | { type: 'signedOut' };

/** State tags: `busy` while a request runs, `input` while a question waits, `offline` while refresh waits for the network. */
export type SessionTag = 'busy' | 'input' | 'offline';
