// App-client token lifetimes: TokenValidityUnits, the defaults and the ranges of the CreateUserPoolClient reference.
import type { ClientConfig, TimeUnit } from './config.ts';
import { invalidParameter } from './errors.ts';

type TokenKind = 'AccessToken' | 'IdToken' | 'RefreshToken';

const UNIT_SECONDS: Readonly<Record<TimeUnit, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** Units when TokenValidityUnits leaves one out: hours for access and ID tokens, days for refresh tokens. */
const DEFAULT_UNIT: Readonly<Record<TokenKind, TimeUnit>> = {
  AccessToken: 'hours',
  IdToken: 'hours',
  RefreshToken: 'days',
};

/** Lifetimes when the validity is absent: 60 minutes, 60 minutes, 30 days. */
const DEFAULT_SECONDS: Readonly<Record<TokenKind, number>> = {
  AccessToken: 3600,
  IdToken: 3600,
  RefreshToken: 2_592_000,
};

/** The documented ranges: access and ID tokens 5 minutes to 1 day, refresh tokens 60 minutes to 10 years. */
const RANGE_SECONDS: Readonly<Record<TokenKind, readonly [min: number, max: number]>> = {
  AccessToken: [300, 86_400],
  IdToken: [300, 86_400],
  RefreshToken: [3600, 315_360_000],
};

const VALIDITY_MEMBER = {
  AccessToken: 'AccessTokenValidity',
  IdToken: 'IdTokenValidity',
  RefreshToken: 'RefreshTokenValidity',
} as const;

export const TIME_UNITS: readonly TimeUnit[] = ['seconds', 'minutes', 'hours', 'days'];

function unitOf(client: ClientConfig, kind: TokenKind): TimeUnit {
  return client.TokenValidityUnits?.[kind] ?? DEFAULT_UNIT[kind];
}

/** A token's lifetime in seconds for this client. */
export function lifetimeSeconds(client: ClientConfig, kind: TokenKind): number {
  const value = client[VALIDITY_MEMBER[kind]];
  return value === undefined ? DEFAULT_SECONDS[kind] : value * UNIT_SECONDS[unitOf(client, kind)];
}

/** The validity as DescribeUserPoolClient shows it: the value set, or the default in the client's unit. */
export function shownValidity(client: ClientConfig, kind: TokenKind): number {
  return client[VALIDITY_MEMBER[kind]] ?? DEFAULT_SECONDS[kind] / UNIT_SECONDS[unitOf(client, kind)];
}

function spoken(seconds: number): string {
  if (seconds % 31_536_000 === 0) return `${String(seconds / 31_536_000)} years`;
  if (seconds === 86_400) return '1 day';
  return `${String(seconds / 60)} minutes`;
}

/** Refuses a lifetime outside the documented range, before anything is stored. */
export function checkLifetimes(client: ClientConfig): void {
  for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const value = client[VALIDITY_MEMBER[kind]];
    if (value === undefined) continue;
    const seconds = value * UNIT_SECONDS[unitOf(client, kind)];
    const [min, max] = RANGE_SECONDS[kind];
    if (seconds < min || seconds > max)
      throw invalidParameter(
        `Invalid range for token validity: ${VALIDITY_MEMBER[kind]} of ${String(value)} ${unitOf(client, kind)} must be between ${spoken(min)} and ${spoken(max)}.`,
      );
  }
}
