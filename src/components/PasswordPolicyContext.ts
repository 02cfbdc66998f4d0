// The pool's password policy for every form that asks for a new password, sign-in's NEW_PASSWORD_REQUIRED included.
import { createContext, use } from 'react';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../hooks/flowData.ts';

/** Cognito's default policy unless the widget's `passwordPolicy` config says otherwise (public clients cannot read it). */
export const PasswordPolicyContext = createContext<PasswordPolicy>(DEFAULT_PASSWORD_POLICY);

export function usePasswordPolicy(): PasswordPolicy {
  return use(PasswordPolicyContext);
}
