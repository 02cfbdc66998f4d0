// Headless sign-up: SignUp with the policy shown first, ConfirmSignUp / ResendConfirmationCode, then a hand-off to sign-in.
import { shallowEqual, useActorRef, useSelector } from '@xstate/react';
import { useState } from 'react';
import { signUpActors, type AccountPorts } from '../../machines/accountActors.ts';
import type { StringMap } from '../../machines/index.ts';
import { secret } from '../../machines/secret.ts';
import { signUpMachine, type SignUpInput, type SignUpOutput } from '../../machines/signUp.machine.ts';
import { useCognitoPorts } from './CognitoPortsContext.ts';
import { accountFlowState, type AccountFlowState } from './accountFlowState.ts';
import { useOnActorDone } from './useOnActorDone.ts';

/** Which step of sign-up shows. */
export type SignUpStep = 'editing' | 'ConfirmSignUp' | 'done';

/** Options of `useSignUp()`. */
export interface SignUpOptions {
  /** Replaces the provider's ports (see CognitoPortsContext). */
  readonly ports?: AccountPorts | undefined;
  readonly input: SignUpInput;
  /** Called once when the user is confirmed, with how to sign in without asking for the password again. */
  readonly onDone: (output: SignUpOutput) => void;
}

/** What `useSignUp()` returns. */
export interface SignUpFlow extends AccountFlowState {
  readonly step: SignUpStep;
  /** SignUp; the password is wrapped in a Secret here, so clear your field right after. */
  readonly submit: (username: string, password: string, attributes: StringMap, clientMetadata?: StringMap) => void;
  /** Confirm an earlier sign-up (UserNotConfirmedException): sends a new code, then asks for it. */
  readonly confirmExisting: (username: string) => void;
  readonly confirm: (code: string) => void;
  readonly resend: () => void;
  readonly cancel: () => void;
}

/** Runs one sign-up actor for the component that calls it. */
export function useSignUp({ ports, input, onDone }: SignUpOptions): SignUpFlow {
  const cognitoPorts = useCognitoPorts(ports);
  const [logic] = useState(() => signUpMachine.provide({ actors: signUpActors(cognitoPorts) }));
  const actorRef = useActorRef(logic, { input });
  const step = useSelector(actorRef, (snapshot): SignUpStep =>
    snapshot.status === 'done'
      ? 'done'
      : snapshot.matches('ConfirmSignUp') || snapshot.matches('ResendConfirmationCode')
        ? 'ConfirmSignUp'
        : 'editing',
  );
  const state = useSelector(actorRef, accountFlowState, shallowEqual);
  useOnActorDone(actorRef, onDone);
  return {
    step,
    ...state,
    submit: (typedUsername, password, attributes, clientMetadata) => {
      actorRef.send({
        type: 'signUp.submit',
        username: typedUsername,
        password: secret(password),
        attributes,
        ...(clientMetadata === undefined ? {} : { clientMetadata }),
      });
    },
    confirmExisting: (existing) => {
      actorRef.send({ type: 'confirm.start', username: existing });
    },
    confirm: (code) => {
      actorRef.send({ type: 'code.submit', code: secret(code) });
    },
    resend: () => {
      actorRef.send({ type: 'code.resend' });
    },
    cancel: () => {
      actorRef.send({ type: 'signUp.cancel' });
    },
  };
}
