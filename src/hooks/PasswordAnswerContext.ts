// Which password answer choice-based sign-in sends: SRP (the default) or the plain password over TLS.
import { createContext, useContext } from 'react';

/** SELECT_CHALLENGE's answer with a password: `PASSWORD_SRP` (the password never leaves the browser) or `PASSWORD`. */
export type PasswordAnswer = 'PASSWORD_SRP' | 'PASSWORD';

/** Set by AuthProvider: `PASSWORD` when the config chose the plain-password flow (`authFlow: 'USER_PASSWORD_AUTH'`). */
export const PasswordAnswerContext = createContext<PasswordAnswer>('PASSWORD_SRP');

/** The password answer the provider prefers when Cognito offers both. */
export function usePasswordAnswer(): PasswordAnswer {
  return useContext(PasswordAnswerContext);
}
