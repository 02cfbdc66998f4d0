// Headless password reset: ForgotPassword (masked destination), ConfirmForgotPassword (code + new password), back to sign-in.
import { useActorRef, useSelector } from '@xstate/react';
import { useState } from 'react';
import { forgotPasswordActors, type AccountPorts } from '../../machines/accountActors.ts';
import type { CodeDelivery } from '../../machines/accountTypes.ts';
import {
  forgotPasswordMachine,
  type ForgotPasswordInput,
  type ForgotPasswordOutput,
} from '../../machines/forgotPassword.machine.ts';
import type { SignInError } from '../../machines/index.ts';
import type { PasswordPolicy } from '../../machines/passwordPolicy.ts';
import { secret } from '../../machines/secret.ts';
import { useOnActorDone } from './useOnActorDone.ts';

export type ForgotPasswordStep = 'editing' | 'ConfirmForgotPassword' | 'done';

export interface ForgotPasswordOptions {
  readonly ports: AccountPorts;
  readonly input: ForgotPasswordInput;
  /** Called once when the flow ends (reset or cancelled), with the username to keep on the sign-in form. */
  readonly onDone: (output: ForgotPasswordOutput) => void;
}

export interface ForgotPasswordFlow {
  readonly step: ForgotPasswordStep;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  readonly policy: PasswordPolicy;
  readonly username: string;
  readonly codeDelivery: CodeDelivery | undefined;
  readonly requestCode: (username: string) => void;
  /** ConfirmForgotPassword; both values are wrapped in Secrets here, so clear your fields right after. */
  readonly submit: (code: string, newPassword: string) => void;
  readonly resend: () => void;
  readonly cancel: () => void;
}

/** Runs one password-reset actor for the component that calls it. */
export function useForgotPassword({ ports, input, onDone }: ForgotPasswordOptions): ForgotPasswordFlow {
  const [logic] = useState(() => forgotPasswordMachine.provide({ actors: forgotPasswordActors(ports) }));
  const actorRef = useActorRef(logic, { input });
  const step = useSelector(actorRef, (snapshot): ForgotPasswordStep =>
    snapshot.status === 'done'
      ? 'done'
      : snapshot.matches('ConfirmForgotPassword')
        ? 'ConfirmForgotPassword'
        : 'editing',
  );
  const busy = useSelector(actorRef, (snapshot) => snapshot.hasTag('busy'));
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error ?? undefined);
  const policy = useSelector(actorRef, (snapshot) => snapshot.context.passwordPolicy);
  const username = useSelector(actorRef, (snapshot) => snapshot.context.username);
  const codeDelivery = useSelector(actorRef, (snapshot) => snapshot.context.codeDelivery ?? undefined);
  useOnActorDone(actorRef, onDone);
  return {
    step,
    busy,
    error,
    policy,
    username,
    codeDelivery,
    requestCode: (typedUsername) => {
      actorRef.send({ type: 'username.submit', username: typedUsername });
    },
    submit: (code, newPassword) => {
      actorRef.send({ type: 'newPassword.submit', code: secret(code), password: secret(newPassword) });
    },
    resend: () => {
      actorRef.send({ type: 'code.resend' });
    },
    cancel: () => {
      actorRef.send({ type: 'forgotPassword.cancel' });
    },
  };
}
