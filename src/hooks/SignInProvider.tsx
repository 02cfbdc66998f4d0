// Puts one session actor in React context, and its sign-in child for the step hooks; the composition root picks the machine.
import { createActorContext, useSelector } from '@xstate/react';
import { createContext, use, useEffect, useRef, useState, type ReactNode } from 'react';
import { createActor, type ActorRefFrom, type InspectionEvent, type Observer, type SnapshotFrom } from 'xstate';
import {
  sessionMachine,
  signInMachine,
  type SessionInput,
  type TokenClaims,
  type TokenSet,
} from '../../machines/index.ts';

/** The session actor's context: `useSelector` and `useActorRef` for `useAuth` and the signed-in hooks. */
export const SessionContext = createActorContext(sessionMachine);

/** The session machine with its actors provided, e.g. `createSessionMachine(ports)`. */
export type SignInLogic = typeof sessionMachine;

type SignInActorRef = ActorRefFrom<typeof signInMachine>;
type SignInSnapshot = SnapshotFrom<typeof signInMachine>;

const SignInActorContext = createContext<SignInActorRef | null>(null);

function useSignInActorRef(): SignInActorRef {
  const actorRef = use(SignInActorContext);
  if (actorRef === null) throw new Error('Sign-in hooks need a <SignInProvider> (or <AuthProvider>) above them');
  return actorRef;
}

function useSignInSelector<T>(selector: (snapshot: SignInSnapshot) => T, compare?: (a: T, b: T) => boolean): T {
  return useSelector(useSignInActorRef(), selector, compare);
}

/**
 * The session's sign-in child (`signIn`) for the step hooks: `useSelector` and `useActorRef`. While signed in it is
 * the finished child (or, after a restore, an idle stand-in), so every step hook reads inactive.
 */
export const SignInContext = { useActorRef: useSignInActorRef, useSelector: useSignInSelector };

/** What the host learns when sign-in completes: tokens stay wrapped in `Secret` until the host reveals them. */
export interface SignedInResult {
  readonly tokens: TokenSet;
  readonly claims: TokenClaims;
}

/** An inspection callback or observer, e.g. `createBrowserInspector().inspect`. */
export type InspectOption = Observer<InspectionEvent> | ((event: InspectionEvent) => void);

/** Props of `<SignInProvider>`. */
export interface SignInProviderProps {
  /** The session machine with real (or test) actors provided: `createSessionMachine(ports)`. */
  readonly logic: SignInLogic;
  readonly input: SessionInput;
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

/** Starts the session actor for its children; callbacks hear the machine's emitted events, not React state. */
export function SignInProvider({ logic, input, onSignedIn, onSignedOut, inspect, children }: SignInProviderProps) {
  const options = inspect === undefined ? { input } : { input, inspect };
  return (
    <SessionContext.Provider logic={logic} options={options}>
      <EmittedEvents onSignedIn={onSignedIn} onSignedOut={onSignedOut} />
      <SignInChild input={input}>
        <InspectContext value={inspect}>{children}</InspectContext>
      </SignInChild>
    </SessionContext.Provider>
  );
}

/** Hands the session's current sign-in child down; keeps the last one (finished) while signed in. */
function SignInChild({ input, children }: { readonly input: SessionInput; readonly children: ReactNode }) {
  const child = SessionContext.useSelector((snapshot) => snapshot.children.signIn);
  // Before the first child (restoring, or a restored session) a never-started machine stands in: it rests in
  // `credentials`, which the credentials step reads as "not yet" until the session is signed out.
  const [standIn] = useState(() => createActor(signInMachine, { input }));
  const [last, setLast] = useState<SignInActorRef | undefined>(child);
  if (child !== undefined && child !== last) setLast(child);
  return <SignInActorContext value={child ?? last ?? standIn}>{children}</SignInActorContext>;
}

interface EmittedEventsProps {
  readonly onSignedIn: ((result: SignedInResult) => void) | undefined;
  readonly onSignedOut: (() => void) | undefined;
}

/** Subscribes the host's callbacks to the session's `signedIn` / `signedOut` emits. */
function EmittedEvents({ onSignedIn, onSignedOut }: EmittedEventsProps) {
  const actorRef = SessionContext.useActorRef();
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
