// Whether the signed-in view offers "Create a passkey", set by the widget from `config.passkeys` and the browser.
import { createContext, useContext, type RefObject } from 'react';
import type { SignInFactor } from '../hooks/useSignInFactor.ts';

/** The offer's settings under <LoginWidget>: on or off, and how the last sign-in on this page went. */
export interface PasskeyOfferSettings {
  readonly offer: boolean;
  readonly factor: RefObject<SignInFactor>;
}

/** Null outside the widget: a `<SignedIn>` rendered on its own offers nothing. */
export const PasskeyOfferContext = createContext<PasskeyOfferSettings | null>(null);

/** The widget's offer settings, if any. */
export function usePasskeyOfferSettings(): PasskeyOfferSettings | null {
  return useContext(PasskeyOfferContext);
}
