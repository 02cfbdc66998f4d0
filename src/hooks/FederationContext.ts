// The redirect sign-in seam of one provider: which identity providers to offer and how to load the OAuth port.
import { createContext, useContext } from 'react';
import type { RedirectPort } from '../../machines/redirect.types.ts';

/** What the composition root provides when the app client has a managed login domain. */
export interface Federation {
  /** Identity provider names offered as "Continue with …" (`COGNITO` is the managed login page itself). */
  readonly providers: readonly string[];
  /** Display names by provider name; a provider without one is shown by its name. */
  readonly providerLabels: Readonly<Record<string, string>>;
  /** Only the managed login page: no username/password form in the widget. */
  readonly hostedOnly: boolean;
  /** The callback URL when this page load is the OAuth callback (taken off the address bar), else null. */
  readonly takeCallbackUrl: () => string | null;
  /** Loads the OAuth code on first use, so the widget's first paint does not carry it. */
  readonly loadPort: () => Promise<RedirectPort & { signOut(): Promise<void> }>;
  /** Notes that this tab's session came through managed login, so signing out also ends it there (`/logout`). */
  readonly noteHostedSignIn: () => void;
  /** True (once) when this tab's session came through managed login; forgets the note. */
  readonly takeHostedSignIn: () => boolean;
}

/** Provided by the managed-login module (`cognito-xstate/managed-login`) when `config.oauth` is set; null otherwise. */
export const FederationContext = createContext<Federation | null>(null);

/** The provider's redirect seam, or null when no managed login domain is configured. */
export function useFederation(): Federation | null {
  return useContext(FederationContext);
}
