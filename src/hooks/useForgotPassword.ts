// Headless password reset: ForgotPassword (masked destination), ConfirmForgotPassword (code + new password), back to sign-in.
import { shallowEqual, useActorRef, useSelector } from '@xstate/react';
import { useState } from 'react';
import { forgotPasswordActors, type AccountPorts } from '../../machines/accountActors.ts';
import {
  forgotPasswordMachine,
  type ForgotPasswordInput,
  type ForgotPasswordOutput,
} from '../../machines/forgotPassword.machine.ts';
import { secret } from '../../machines/secret.ts';
import { useCognitoPorts } from './CognitoPortsContext.ts';
import { accountFlowState, type AccountFlowState } from './accountFlowState.ts';
import { useOnActorDone } from './useOnActorDone.ts';

/** Which step of the password reset shows. */
export type ForgotPasswordStep = 'editing' | 'ConfirmForgotPassword' | 'done';

/** Options of `useForgotPassword()`. */
export interface ForgotPasswordOptions {
  /** Replaces the provider's ports (see CognitoPortsContext). */
  readonly ports?: AccountPorts | undefined;
  readonly input: ForgotPasswordInput;
  /** Called once when the flow ends (reset or cancelled), with the username to keep on the sign-in form. */
  readonly onDone: (output: ForgotPasswordOutput) => void;
}

/** What `useForgotPassword()` returns. */
export interface ForgotPasswordFlow extends AccountFlowState {
  readonly step: ForgotPasswordStep;
  readonly requestCode: (username: string) => void;
  /** ConfirmForgotPassword; both values are wrapped in Secrets here, so clear your fields right after. */
  readonly submit: (code: string, newPassword: string) => void;
  readonly resend: () => void;
  readonly cancel: () => void;
}

/** Runs one password-reset actor for the component that calls it. */
export function useForgotPassword({ ports, input, onDone }: ForgotPasswordOptions): ForgotPasswordFlow {
  const cognitoPorts = useCognitoPorts(ports);
  const [logic] = useState(() => forgotPasswordMachine.provide({ actors: forgotPasswordActors(cognitoPorts) }));
  const actorRef = useActorRef(logic, { input });
  const step = useSelector(actorRef, (snapshot): ForgotPasswordStep =>
    snapshot.status === 'done'
      ? 'done'
      : snapshot.matches('ConfirmForgotPassword')
        ? 'ConfirmForgotPassword'
        : 'editing',
  );
  const state = useSelector(actorRef, accountFlowState, shallowEqual);
  useOnActorDone(actorRef, onDone);
  return {
    step,
    ...state,
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
