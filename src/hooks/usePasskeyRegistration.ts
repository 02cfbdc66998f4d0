// Headless "Create a passkey" for the signed-in user: one passkeyRegistration actor per attempt, no account machine.
import { useEffect, useRef, useState } from 'react';
import { createActor, toPromise, type Actor } from 'xstate';
import type { SignInError } from '../../machines/index.ts';
import type { PasskeyPorts } from '../../machines/passkeyActors.ts';
import { passkeyRegistrationActors } from '../../machines/passkeyActors.ts';
import { passkeyRegistrationMachine } from '../../machines/passkeyRegistration.machine.ts';
import { SessionContext, useInspect } from './SignInProvider.tsx';
import { freshTokens } from './useAuth.ts';

/** What `usePasskeyRegistration()` returns. */
export interface PasskeyRegistration {
  readonly status: 'idle' | 'registering' | 'registered' | 'failed';
  /** NotAllowedError when the user closed the browser's dialog; WebAuthn*Exception from Cognito. */
  readonly error: SignInError | undefined;
  /** StartWebAuthnRegistration, the browser's passkey dialog, CompleteWebAuthnRegistration (two round trips). */
  readonly register: () => void;
}

type RegistrationActor = Actor<typeof passkeyRegistrationMachine>;

/** Registers a passkey with the signed-in user's fresh access token; needs the SignInProvider above. */
export function usePasskeyRegistration(ports: PasskeyPorts): PasskeyRegistration {
  const session = SessionContext.useActorRef();
  const inspect = useInspect();
  const [logic] = useState(() => passkeyRegistrationMachine.provide({ actors: passkeyRegistrationActors(ports) }));
  const [state, setState] = useState<{ status: PasskeyRegistration['status']; error?: SignInError }>({
    status: 'idle',
  });
  const running = useRef<RegistrationActor | null>(null);
  useEffect(
    () => () => {
      running.current?.stop();
    },
    [],
  );
  const register = () => {
    if (running.current !== null) return;
    setState({ status: 'registering' });
    freshTokens(session)
      .then(async (tokens) => {
        const actor = createActor(logic, {
          input: { accessToken: tokens.accessToken },
          ...(inspect === undefined ? {} : { inspect }),
        });
        running.current = actor;
        actor.start();
        const output = await toPromise(actor);
        setState(output.registered ? { status: 'registered' } : { status: 'failed', error: output.error });
      })
      // Signed out meanwhile: nothing to register.
      .catch(() => {
        setState({ status: 'idle' });
      })
      .finally(() => {
        running.current = null;
      });
  };
  return { status: state.status, error: state.error, register };
}
