// Sign-in identifiers: UsernameAttributes (email or phone as the username), AliasAttributes, case sensitivity.
import { CognitoError, invalidParameter } from './errors.ts';
import type { PoolSettings, UserRecord } from './store.ts';

export type UsernameAttribute = 'email' | 'phone_number';

const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** E.164, as Cognito's phone_number attribute. */
const PHONE = /^\+[0-9]{4,15}$/;

type Settings = Pick<PoolSettings, 'usernameAttributes' | 'aliasAttributes' | 'caseSensitive'>;

/** Two names are the same user name: exactly, or ignoring case where UsernameConfiguration.CaseSensitive is false. */
function sameName(settings: Settings, a: string, b: string): boolean {
  return settings.caseSensitive === false ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Which UsernameAttributes kind a typed name is in this pool (undefined where usernames are free-form). */
export function usernameAttributeOf(settings: Settings, typed: string): UsernameAttribute | undefined {
  const allowed = settings.usernameAttributes ?? [];
  if (allowed.includes('email') && EMAIL.test(typed)) return 'email';
  if (allowed.includes('phone_number') && PHONE.test(typed)) return 'phone_number';
  return undefined;
}

function wrongKind(allowed: readonly UsernameAttribute[]): CognitoError {
  if (allowed.length > 1) return invalidParameter('Username should be either an email or a phone number.');
  return invalidParameter(
    allowed[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.',
  );
}

/**
 * Checks the name SignUp or AdminCreateUser was given, as Cognito does: in a UsernameAttributes pool it must be an
 * email or phone of an allowed kind, unique among users; in an alias pool it must not look like an alias.
 */
export function checkNewUsername(settings: Settings, users: Iterable<UserRecord>, typed: string): void {
  const allowed = settings.usernameAttributes ?? [];
  if (allowed.length > 0) {
    const kind = usernameAttributeOf(settings, typed);
    if (kind === undefined) throw wrongKind(allowed);
    for (const user of users) {
      const value = user.attributes[kind];
      if (value !== undefined && sameName(settings, value, typed))
        throw new CognitoError('UsernameExistsException', `An account with the given ${kind} already exists.`);
    }
    return;
  }
  const aliases = settings.aliasAttributes ?? [];
  if (aliases.includes('email') && EMAIL.test(typed))
    throw invalidParameter('Username cannot be of email format, since user pool is configured for email alias.');
  if (aliases.includes('phone_number') && PHONE.test(typed))
    throw invalidParameter(
      'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    );
  for (const user of users)
    if (sameName(settings, user.username, typed))
      throw new CognitoError('UsernameExistsException', 'User already exists');
}

/** Whether `name` signs this user in: username, sub, the UsernameAttributes value, or an alias the pool allows. */
export function nameMatches(settings: Settings, user: UserRecord, name: string): boolean {
  const same = (value: string | undefined): boolean => value !== undefined && sameName(settings, value, name);
  if (user.sub === name || same(user.username)) return true;
  // Email or phone as the username signs in before it is verified, as on Cognito.
  for (const kind of settings.usernameAttributes ?? []) if (same(user.attributes[kind])) return true;
  const aliases = settings.aliasAttributes ?? ['email', 'phone_number'];
  if (aliases.includes('email') && user.attributes.email_verified === 'true' && same(user.attributes.email))
    return true;
  if (
    aliases.includes('phone_number') &&
    user.attributes.phone_number_verified === 'true' &&
    same(user.attributes.phone_number)
  )
    return true;
  // preferred_username needs no verification to serve as an alias.
  return aliases.includes('preferred_username') && same(user.attributes.preferred_username);
}
