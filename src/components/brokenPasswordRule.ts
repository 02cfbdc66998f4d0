// The text for an InvalidPasswordException that names the policy rule the password broke.
import { ruleFromPolicyMessage, type PasswordPolicy } from '../hooks/flowData.ts';
import type { WidgetMessages } from '../messages.ts';
import type { StepErrorView } from './ErrorRegion.tsx';

/** "…The password is missing: <rule>." when Cognito's message names a rule, else undefined (the usual error text). */
export function brokenPasswordRuleText(
  messages: WidgetMessages,
  error: (StepErrorView & { readonly detail?: string | undefined }) | undefined,
  policy: PasswordPolicy,
): string | undefined {
  const brokenRule = error?.code === 'InvalidPasswordException' ? ruleFromPolicyMessage(error.detail) : null;
  return brokenRule === null
    ? undefined
    : `${messages.errors.InvalidPasswordException ?? ''} ${messages.passwordRuleMissing(messages.passwordRule(brokenRule, policy.minimumLength))}`;
}
