// Moves keyboard focus to an element when its step appears, so keyboard and screen-reader users land on it.
import { useEffect, type RefObject } from 'react';

/** Focuses `ref` once, when the component mounts (each sign-in step mounts its own form); null: leaves focus alone. */
export function useFocusOnMount(ref: RefObject<HTMLElement | null> | null): void {
  useEffect(() => {
    ref?.current?.focus();
  }, [ref]);
}

/** Focuses `ref` whenever `trigger` changes to a defined value, e.g. a new error on the step's field. */
export function useFocusWhen(ref: RefObject<HTMLElement | null>, trigger: unknown): void {
  useEffect(() => {
    if (trigger !== undefined) ref.current?.focus();
  }, [ref, trigger]);
}
