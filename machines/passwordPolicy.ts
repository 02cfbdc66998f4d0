// The pool's password policy as rules a form can list before submit, and which of them a password misses.
import type { PasswordPolicyType } from './protocol.ts';

/** One rule of a password policy, to show as met or unmet. */
export type PasswordRule = 'length' | 'lowercase' | 'uppercase' | 'numbers' | 'symbols';

/** A policy with every rule decided. */
export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}

/** Cognito's default policy: 8 characters with lower case, upper case, a number and a symbol. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** The pool's `PasswordPolicy` (as DescribeUserPool returns it), unset members taking Cognito's defaults. */
export function toPasswordPolicy(policy: PasswordPolicyType | undefined): PasswordPolicy {
  return {
    minimumLength: policy?.MinimumLength ?? DEFAULT_PASSWORD_POLICY.minimumLength,
    requireLowercase: policy?.RequireLowercase ?? DEFAULT_PASSWORD_POLICY.requireLowercase,
    requireUppercase: policy?.RequireUppercase ?? DEFAULT_PASSWORD_POLICY.requireUppercase,
    requireNumbers: policy?.RequireNumbers ?? DEFAULT_PASSWORD_POLICY.requireNumbers,
    requireSymbols: policy?.RequireSymbols ?? DEFAULT_PASSWORD_POLICY.requireSymbols,
  };
}

// Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and the space.
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** The rules this policy has, in the order Cognito checks them. */
export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = ['length'];
  if (policy.requireLowercase) rules.push('lowercase');
  if (policy.requireUppercase) rules.push('uppercase');
  if (policy.requireNumbers) rules.push('numbers');
  if (policy.requireSymbols) rules.push('symbols');
  return rules;
}

function meets(rule: PasswordRule, policy: PasswordPolicy, password: string): boolean {
  switch (rule) {
    case 'length':
      return password.length >= policy.minimumLength;
    case 'lowercase':
      return /[a-z]/.test(password);
    case 'uppercase':
      return /[A-Z]/.test(password);
    case 'numbers':
      return /[0-9]/.test(password);
    case 'symbols':
      return SYMBOL.test(password);
  }
}

/** The policy's rules the password does not meet yet (empty = Cognito should accept it). */
export function unmetPasswordRules(policy: PasswordPolicy, password: string): PasswordRule[] {
  return passwordRules(policy).filter((rule) => !meets(rule, policy, password));
}

/**
 * Which rule an InvalidPasswordException names, read from Cognito's message
 * ("Password does not conform to policy: Password not long enough"); null when it names none we know.
 */
export function ruleFromPolicyMessage(message: string | undefined): PasswordRule | null {
  if (message === undefined) return null;
  if (/long enough/i.test(message)) return 'length';
  if (/lowercase/i.test(message)) return 'lowercase';
  if (/uppercase/i.test(message)) return 'uppercase';
  if (/numeric/i.test(message)) return 'numbers';
  if (/symbol/i.test(message)) return 'symbols';
  return null;
}
