// Actor hooks on React 19's own useSyncExternalStore: what these hooks used from @xstate/react, without its pre-18 shim.
//
// @xstate/react 6 imports `use-sync-external-store/shim/with-selector` (a polyfill for React 17 and older, ~1.5 KB gz
// in every app); React 19 has the primitive built in, so the widget selects from actors with it directly.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { createActor, type Actor, type ActorOptions, type AnyActorLogic, type SnapshotFrom } from 'xstate';

/** Equal when both are the same value, or objects/arrays whose own keys hold the same values (react-redux's rule). */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  const entriesA: [string, unknown][] = Object.entries(a);
  const valuesB = new Map<string, unknown>(Object.entries(b));
  return (
    entriesA.length === valuesB.size &&
    entriesA.every(([key, value]) => valuesB.has(key) && Object.is(value, valuesB.get(key)))
  );
}

/**
 * Creates an actor once per component and runs it while the component is mounted. Strict Mode's immediate
 * unmount-and-remount keeps the same running actor: the stop waits a microtask and is cancelled by the remount.
 */
export function useActorRef<TLogic extends AnyActorLogic>(logic: TLogic, options: ActorOptions<TLogic>): Actor<TLogic> {
  const [actor] = useState(() => createActor(logic, options));
  const mounts = useRef(0);
  useEffect(() => {
    mounts.current += 1;
    actor.start();
    return () => {
      mounts.current -= 1;
      queueMicrotask(() => {
        if (mounts.current === 0) actor.stop();
      });
    };
  }, [actor]);
  return actor;
}

function isErrorSnapshot(snapshot: unknown): snapshot is { readonly status: 'error'; readonly error: unknown } {
  return typeof snapshot === 'object' && snapshot !== null && 'status' in snapshot && snapshot.status === 'error';
}

/**
 * The part of an actor's snapshot `selector` picks, re-rendering only when it changes by `compare` (default
 * Object.is). An actor in error throws its error to the nearest error boundary, as @xstate/react's useSelector does.
 */
export function useSelector<TLogic extends AnyActorLogic, T>(
  actor: Actor<TLogic>,
  selector: (snapshot: SnapshotFrom<TLogic>) => T,
  compare: (a: T, b: T) => boolean = Object.is,
): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = actor.subscribe({ next: onChange, error: onChange });
      return () => {
        subscription.unsubscribe();
      };
    },
    [actor],
  );
  // The last selection and what it came from: React calls getSelection repeatedly and needs the same value back
  // until the snapshot (or the selector) changes; an equal new selection keeps the old reference.
  const last = useRef<{ snapshot: unknown; selector: unknown; value: T } | null>(null);
  const getSelection = (): T => {
    const snapshot = actor.getSnapshot();
    const previous = last.current;
    if (previous !== null && previous.snapshot === snapshot && previous.selector === selector) return previous.value;
    const status: unknown = snapshot;
    if (isErrorSnapshot(status)) throw status.error;
    const next = selector(snapshot);
    const value = previous !== null && compare(previous.value, next) ? previous.value : next;
    last.current = { snapshot, selector, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSelection, getSelection);
}

/** A context holding one actor: its Provider starts it for the subtree; the hooks read it. */
export interface ActorContext<TLogic extends AnyActorLogic> {
  readonly Provider: (props: {
    readonly logic?: TLogic | undefined;
    readonly options?: ActorOptions<TLogic> | undefined;
    readonly children?: ReactNode;
  }) => ReactNode;
  readonly useActorRef: () => Actor<TLogic>;
  readonly useSelector: <T>(selector: (snapshot: SnapshotFrom<TLogic>) => T, compare?: (a: T, b: T) => boolean) => T;
}

/** Like @xstate/react's createActorContext: `<Provider logic options>`, `useActorRef()` and `useSelector()`. */
export function createActorContext<TLogic extends AnyActorLogic>(defaultLogic: TLogic): ActorContext<TLogic> {
  const Context = createContext<Actor<TLogic> | null>(null);
  const useActorRefInContext = (): Actor<TLogic> => {
    const actor = useContext(Context);
    if (actor === null) throw new Error('This hook needs its actor Provider above it');
    return actor;
  };
  return {
    Provider: ({ logic = defaultLogic, options = {}, children }) => (
      <Context.Provider value={useActorRef(logic, options)}>{children}</Context.Provider>
    ),
    useActorRef: useActorRefInContext,
    useSelector: (selector, compare) => useSelector(useActorRefInContext(), selector, compare),
  };
}
