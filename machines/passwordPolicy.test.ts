import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_POLICY,
  passwordRules,
  ruleFromPolicyMessage,
  toPasswordPolicy,
  unmetPasswordRules,
} from './passwordPolicy.ts';

describe('password policy', () => {
  it('lists only the rules the pool turned on, in Cognito’s order', () => {
    expect(passwordRules(DEFAULT_PASSWORD_POLICY)).toEqual(['length', 'lowercase', 'uppercase', 'numbers', 'symbols']);
    expect(
      passwordRules(toPasswordPolicy({ MinimumLength: 6, RequireSymbols: false, RequireUppercase: false })),
    ).toEqual(['length', 'lowercase', 'numbers']);
  });

  it('names the rules a password still misses', () => {
    expect(unmetPasswordRules(DEFAULT_PASSWORD_POLICY, 'abc')).toEqual(['length', 'uppercase', 'numbers', 'symbols']);
    expect(unmetPasswordRules(DEFAULT_PASSWORD_POLICY, 'Passw0rd!demo')).toEqual([]);
    expect(unmetPasswordRules(DEFAULT_PASSWORD_POLICY, 'Passw0rd demo')).toEqual([]);
  });

  it('reads the failed rule out of Cognito’s InvalidPasswordException message', () => {
    const prefix = 'Password does not conform to policy: ';
    expect(ruleFromPolicyMessage(`${prefix}Password not long enough`)).toBe('length');
    expect(ruleFromPolicyMessage(`${prefix}Password must have lowercase characters`)).toBe('lowercase');
    expect(ruleFromPolicyMessage(`${prefix}Password must have uppercase characters`)).toBe('uppercase');
    expect(ruleFromPolicyMessage(`${prefix}Password must have numeric characters`)).toBe('numbers');
    expect(ruleFromPolicyMessage(`${prefix}Password must have symbol characters`)).toBe('symbols');
    expect(ruleFromPolicyMessage('Something else')).toBeNull();
    expect(ruleFromPolicyMessage(undefined)).toBeNull();
  });
});
