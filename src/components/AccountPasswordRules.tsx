// The pool's password policy as a checklist, shown before submit and ticked off as the user types.
import { passwordRules, unmetPasswordRules, type PasswordPolicy } from '../hooks/flowData.ts';
import { useMessages } from './MessagesContext.ts';

export interface AccountPasswordRulesProps {
  readonly id: string;
  readonly policy: PasswordPolicy;
  readonly password: string;
}

/** A list of the policy's rules; each one met carries a visually hidden "done" for screen readers. */
export function AccountPasswordRules({ id, policy, password }: AccountPasswordRulesProps) {
  const messages = useMessages();
  const unmet = new Set(unmetPasswordRules(policy, password));
  return (
    <div className="cx-hint" id={id}>
      <p>{messages.passwordRequirements}</p>
      <ul className="cx-rules">
        {passwordRules(policy).map((rule) => (
          <li key={rule} data-met={!unmet.has(rule)}>
            {messages.passwordRule(rule, policy.minimumLength)}
            {unmet.has(rule) ? null : <span className="cx-visually-hidden"> ({messages.passwordRuleMet})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
