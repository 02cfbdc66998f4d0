// @vitest-environment happy-dom
// Tests the actor hooks that replace @xstate/react's: Strict Mode lifetime, selection equality, the context's guard.
import { act, cleanup, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { assign, setup, type Actor } from 'xstate';
import { createActorContext, shallowEqual, useActorRef, useSelector } from './actorHooks.tsx';

afterEach(cleanup);

const counter = setup({
  types: { context: {} as { count: number; tags: string[] }, events: {} as { type: 'inc' } | { type: 'tag' } },
}).createMachine({
  context: { count: 0, tags: [] },
  on: {
    inc: { actions: assign({ count: ({ context }) => context.count + 1 }) },
    // A new array with the same elements: shallowly equal to the old one.
    tag: { actions: assign({ tags: ({ context }) => [...context.tags] }) },
  },
});

describe('useActorRef', () => {
  it('keeps one running actor through Strict Mode’s remount and stops it once the component unmounts', async () => {
    const seen: Actor<typeof counter>[] = [];
    function Counter() {
      const actor = useActorRef(counter, {});
      seen.push(actor);
      return <output>{useSelector(actor, (snapshot) => snapshot.context.count)}</output>;
    }
    const view = render(
      <StrictMode>
        <Counter />
      </StrictMode>,
    );
    await act(() => Promise.resolve());
    const [actor] = seen;
    expect(new Set(seen).size).toBe(1);
    expect(actor?.getSnapshot().status).toBe('active');
    act(() => actor?.send({ type: 'inc' }));
    expect(view.container.textContent).toBe('1');
    view.unmount();
    await act(() => Promise.resolve());
    expect(actor?.getSnapshot().status).toBe('stopped');
  });
});

describe('useSelector', () => {
  it('re-renders only when the selection changes, and keeps a shallowly equal array when asked to', () => {
    const renders: string[] = [];
    const seenTags: string[][] = [];
    const Context = createActorContext(counter);
    function Count() {
      const count = Context.useSelector((snapshot) => snapshot.context.count);
      renders.push(`count ${String(count)}`);
      return null;
    }
    function Tags() {
      const tags = Context.useSelector((snapshot) => snapshot.context.tags, shallowEqual);
      seenTags.push(tags);
      renders.push('tags');
      return null;
    }
    let actor: Actor<typeof counter> | undefined;
    function Grab() {
      actor = Context.useActorRef();
      return null;
    }
    render(
      <Context.Provider>
        <Grab />
        <Count />
        <Tags />
      </Context.Provider>,
    );
    expect(renders).toEqual(['count 0', 'tags']);
    act(() => actor?.send({ type: 'tag' }));
    expect(renders).toEqual(['count 0', 'tags']);
    act(() => actor?.send({ type: 'inc' }));
    expect(renders).toEqual(['count 0', 'tags', 'count 1']);
    expect(new Set(seenTags).size).toBe(1);
  });

  it('compares like react-redux’s shallowEqual', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(true);
    expect(shallowEqual([1, 2], [1, 2])).toBe(true);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual(null, {})).toBe(false);
    expect(shallowEqual(Number.NaN, Number.NaN)).toBe(true);
  });
});

describe('createActorContext', () => {
  it('refuses its hooks outside its Provider', () => {
    const Context = createActorContext(counter);
    function Orphan() {
      Context.useActorRef();
      return null;
    }
    expect(() => render(<Orphan />)).toThrow('This hook needs its actor Provider above it');
  });
});
