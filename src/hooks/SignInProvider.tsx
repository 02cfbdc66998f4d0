// Puts one sign-in actor in React context; the composition root decides which machine (real adapters or fakes).
import { createActorContext } from '@xstate/react';
import { createContext, use, useEffect, useRef, type ReactNode } from 'react';
import type { InspectionEvent, Observer } from 'xstate';
import { signInMachine, type SignInInput, type TokenClaims, type TokenSet } from '../../machines/index.ts';

/** The sign-in actor's context: `useSelector` and `useActorRef` for the hooks in this folder. */
export const SignInContext = createActorContext(signInMachine);

/** The machine with its actors provided, e.g. `signInMachine.provide({ actors: signInActors(ports) })`. */
export type SignInLogic = typeof signInMachine;

/** What the host learns when sign-in completes: tokens stay wrapped in `Secret` until the host reveals them. */
export interface SignedInResult {
  readonly tokens: TokenSet;
  readonly claims: TokenClaims;
}

/** An inspection callback or observer, e.g. `createBrowserInspector().inspect`. */
export type InspectOption = Observer<InspectionEvent> | ((event: InspectionEvent) => void);

/** Props of `<SignInProvider>`. */
export interface SignInProviderProps {
  /** The machine with real (or test) actors provided. */
  readonly logic: SignInLogic;
  readonly input: SignInInput;
  /** Called once per completed sign-in with the (redacted-by-default) tokens. */
  readonly onSignedIn?: ((result: SignedInResult) => void) | undefined;
  readonly onSignedOut?: (() => void) | undefined;
  /** Inspection callback, e.g. from `@statelyai/inspect`; it only ever sees redacted context. */
  readonly inspect?: InspectOption | undefined;
  readonly children?: ReactNode;
}

const InspectContext = createContext<InspectOption | undefined>(undefined);

/** The provider's inspection callback, so the widget's other actors (e.g. its screens) show in the same inspector. */
export function useInspect(): InspectOption | undefined {
  return use(InspectContext);
}

/** Starts the sign-in actor for its children; callbacks hear the machine's emitted events, not React state. */
export function SignInProvider({ logic, input, onSignedIn, onSignedOut, inspect, children }: SignInProviderProps) {
  const options = inspect === undefined ? { input } : { input, inspect };
  return (
    <SignInContext.Provider logic={logic} options={options}>
      <EmittedEvents onSignedIn={onSignedIn} onSignedOut={onSignedOut} />
      <InspectContext value={inspect}>{children}</InspectContext>
    </SignInContext.Provider>
  );
}

interface EmittedEventsProps {
  readonly onSignedIn: ((result: SignedInResult) => void) | undefined;
  readonly onSignedOut: (() => void) | undefined;
}

/** Subscribes the host's callbacks to the actor's `signedIn` / `signedOut` emits. */
function EmittedEvents({ onSignedIn, onSignedOut }: EmittedEventsProps) {
  const actorRef = SignInContext.useActorRef();
  // Refs so a new callback identity on every render does not resubscribe.
  const signedIn = useRef(onSignedIn);
  const signedOut = useRef(onSignedOut);
  useEffect(() => {
    signedIn.current = onSignedIn;
    signedOut.current = onSignedOut;
  });
  useEffect(() => {
    const subscriptions = [
      actorRef.on('signedIn', (event) => {
        signedIn.current?.({ tokens: event.tokens, claims: event.claims });
      }),
      actorRef.on('signedOut', () => {
        signedOut.current?.();
      }),
    ];
    return () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [actorRef]);
  return null;
}
