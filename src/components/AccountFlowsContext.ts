// The account flows' offer on the credentials form (links, kept username, reset notice), read by SignIn's one credentials view.
import { createContext, useContext } from 'react';
import type { AccountFlows } from '../hooks/useAccountFlows.ts';

/** Set by <AccountFlows>; null when the sign-in UI runs without sign-up and password reset. */
export const AccountFlowsContext = createContext<AccountFlows | null>(null);

/** The account flows around this sign-in UI, if any. */
export function useAccountFlowsOffer(): AccountFlows | null {
  return useContext(AccountFlowsContext);
}
