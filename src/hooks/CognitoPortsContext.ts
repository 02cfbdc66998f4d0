// The Cognito ports of one provider, built once by the composition root and read by every flow below it.
import { createContext, useContext } from 'react';
import type { CognitoPorts } from '../../machines/ports.ts';

/** Provided by AuthProvider (or your own root); sign-up, password reset and account screens read it. */
export const CognitoPortsContext = createContext<CognitoPorts | null>(null);

/** The provider's ports, or `override` when a caller passes its own; throws when neither exists. */
export function useCognitoPorts(override?: CognitoPorts): CognitoPorts {
  const provided = useContext(CognitoPortsContext);
  const ports = override ?? provided;
  if (ports === null)
    throw new Error('Cognito flows need an <AuthProvider> (or a CognitoPortsContext provider) above them');
  return ports;
}
