// How the current session began on this page: a passkey, another factor, or restored from the token store.
import { useEffect, useRef, type RefObject } from 'react';
import { SignInContext } from './SignInProvider.tsx';

/** `passkey`: this page's last sign-in answered WEB_AUTHN; `other`: it did not; `restored`: no sign-in on this page. */
export type SignInFactor = 'passkey' | 'other' | 'restored';

/**
 * Follows the sign-in actor above and keeps how the last sign-in on this page went, in a ref (no re-render): read it
 * when the signed-in view mounts, e.g. to offer "Create a passkey" only after a sign-in without one.
 */
export function useSignInFactor(): RefObject<SignInFactor> {
  const actorRef = SignInContext.useActorRef();
  const factor = useRef<SignInFactor>('restored');
  useEffect(() => {
    const subscription = actorRef.subscribe((snapshot) => {
      // Every sign-in starts with InitiateAuth (a sign-up hand-off too); WEB_AUTHN on the way marks it a passkey one.
      if (snapshot.matches('initiatingAuth')) factor.current = 'other';
      else if (snapshot.matches('WEB_AUTHN')) factor.current = 'passkey';
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [actorRef]);
  return factor;
}
