// Composition: the sign-in machine with real actors and storage effects over the given ports.
import { signInActors } from './actors.ts';
import { signInEffects } from './effects.ts';
import type { SignInPorts } from './ports.ts';
import { signInMachine } from './signIn.machine.ts';

/** `signInMachine` wired to Cognito, SRP and the stores; pass the result to `createActor` or `createActorContext`. */
export function createSignInMachine(ports: SignInPorts) {
  return signInMachine.provide({ actors: signInActors(ports), actions: signInEffects(ports) });
}
