// The `identities` attribute: which external providers a user signs in with, as Cognito records them.
import type { UserRecord } from '../store.ts';
import type { IdentityProviderConfig } from './model.ts';

/** One entry of `identities`, in Cognito's shape (strings throughout, `issuer` null for OIDC). */
interface Identity {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: null;
  primary: 'true' | 'false';
  dateCreated: string;
}

function identitiesOf(user: UserRecord): Identity[] {
  const raw = user.attributes.identities;
  return raw === undefined ? [] : (JSON.parse(raw) as Identity[]);
}

/** Adds (once) the provider's subject to the user's `identities`. */
export function addIdentity(
  user: UserRecord,
  provider: IdentityProviderConfig,
  subject: string,
  primary: boolean,
  now: number,
): void {
  const identities = identitiesOf(user);
  if (identities.some((i) => i.providerName === provider.ProviderName && i.userId === subject)) return;
  identities.push({
    userId: subject,
    providerName: provider.ProviderName,
    providerType: provider.ProviderType,
    issuer: null,
    primary: primary ? 'true' : 'false',
    dateCreated: String(now),
  });
  user.attributes.identities = JSON.stringify(identities);
}
