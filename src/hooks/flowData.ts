// The machine data the components render (password policy, account flow inputs and outputs), offered by the hooks
// layer so components import only hooks, messages and components.
export type { AccountPorts } from '../../machines/accountActors.ts';
export type { PasskeyPorts } from '../../machines/passkeyActors.ts';
export type { MfaPreference, MfaSetting } from '../../machines/accountTypes.ts';
export type { ForgotPasswordInput, ForgotPasswordOutput } from '../../machines/forgotPassword.machine.ts';
export type { StringMap } from '../../machines/index.ts';
export {
  DEFAULT_PASSWORD_POLICY,
  passwordRules,
  ruleFromPolicyMessage,
  toPasswordPolicy,
  unmetPasswordRules,
  type PasswordPolicy,
} from '../../machines/passwordPolicy.ts';
export type { PasswordPolicyType } from '../../machines/protocol.ts';
export type { SignUpInput, SignUpOutput } from '../../machines/signUp.machine.ts';
