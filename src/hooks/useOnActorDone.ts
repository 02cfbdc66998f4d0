// Calls the latest `onDone` with an actor's output when it reaches its final state, without re-subscribing per render.
import { useEffect, useRef } from 'react';
import type { Snapshot, Subscription } from 'xstate';

interface DoneSource<TOutput> {
  subscribe(listener: (snapshot: Snapshot<TOutput>) => void): Subscription;
}

/** Hands the actor's output to `onDone` once it is done; the callback may change between renders. */
export function useOnActorDone<TOutput>(actorRef: DoneSource<TOutput>, onDone: (output: TOutput) => void): void {
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    const subscription = actorRef.subscribe((snapshot) => {
      if (snapshot.status === 'done') done.current(snapshot.output);
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [actorRef]);
}
