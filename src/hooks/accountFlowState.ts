// What the sign-up and password-reset hooks both read off their actor: busy, error, policy, username, delivery.
import type { CodeDelivery } from '../../machines/accountTypes.ts';
import type { SignInError } from '../../machines/index.ts';
import type { PasswordPolicy } from '../../machines/passwordPolicy.ts';

/** The part of a sign-up or password-reset snapshot the hooks show. */
interface AccountFlowSnapshot {
  hasTag(tag: 'busy'): boolean;
  readonly context: {
    readonly error: SignInError | null;
    readonly passwordPolicy: PasswordPolicy;
    readonly username: string;
    readonly codeDelivery: CodeDelivery | null;
  };
}

export interface AccountFlowState {
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** The pool's password policy, to show before submit. */
  readonly policy: PasswordPolicy;
  readonly username: string;
  /** Where the code went (masked by Cognito). */
  readonly codeDelivery: CodeDelivery | undefined;
}

/** A selector for `useSelector(actorRef, accountFlowState, shallowEqual)`. */
export function accountFlowState(snapshot: AccountFlowSnapshot): AccountFlowState {
  return {
    busy: snapshot.hasTag('busy'),
    error: snapshot.context.error ?? undefined,
    policy: snapshot.context.passwordPolicy,
    username: snapshot.context.username,
    codeDelivery: snapshot.context.codeDelivery ?? undefined,
  };
}
