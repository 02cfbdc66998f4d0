import { createActor } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { screensMachine } from './screens.machine.ts';

function start() {
  return createActor(screensMachine).start();
}

describe('screensMachine', () => {
  it('opens sign-up and comes back to sign-in with the new username', () => {
    const actor = start();
    actor.send({ type: 'signUp.open' });
    expect(actor.getSnapshot().value).toBe('signUp');
    expect(actor.getSnapshot().context.confirmUsername).toBeUndefined();
    actor.send({ type: 'signUp.done', username: 'carol' });
    expect(actor.getSnapshot().value).toBe('signIn');
    expect(actor.getSnapshot().context.keptUsername).toBe('carol');
  });

  it('turns UserNotConfirmedException into the confirmation screen for the typed username', () => {
    const actor = start();
    actor.send({ type: 'signIn.failed', code: 'UserNotConfirmedException', username: 'dave' });
    expect(actor.getSnapshot().value).toBe('signUp');
    expect(actor.getSnapshot().context.confirmUsername).toBe('dave');
  });

  it('turns PasswordResetRequiredException into a reset that sends the code first', () => {
    const actor = start();
    actor.send({ type: 'signIn.failed', code: 'PasswordResetRequiredException', username: 'erin' });
    expect(actor.getSnapshot().value).toBe('forgotPassword');
    expect(actor.getSnapshot().context).toMatchObject({ resetUsername: 'erin', requestCode: true });
    actor.send({ type: 'forgotPassword.done', username: 'erin', reset: true });
    expect(actor.getSnapshot().value).toBe('signIn');
    expect(actor.getSnapshot().context).toMatchObject({ keptUsername: 'erin', passwordWasReset: true });
  });

  it('stays on sign-in for errors that name no other flow', () => {
    const actor = start();
    actor.send({ type: 'signIn.failed', code: 'NotAuthorizedException', username: 'frank' });
    expect(actor.getSnapshot().value).toBe('signIn');
  });

  it('starts "Forgot password?" with the username a finished flow handed back, and clears the reset notice', () => {
    const actor = start();
    actor.send({ type: 'signIn.failed', code: 'PasswordResetRequiredException', username: 'gina' });
    actor.send({ type: 'forgotPassword.done', username: 'gina', reset: true });
    actor.send({ type: 'forgotPassword.open', username: 'typed-now' });
    expect(actor.getSnapshot().context).toMatchObject({
      resetUsername: 'gina',
      requestCode: false,
      passwordWasReset: false,
    });
  });

  it('reaches every screen (the graph walk)', () => {
    const paths = getShortestPaths(screensMachine, {
      events: [
        { type: 'signUp.open' },
        { type: 'forgotPassword.open', username: 'u' },
        { type: 'signIn.failed', code: 'UserNotConfirmedException', username: 'u' },
        { type: 'signUp.done', username: 'u' },
        { type: 'forgotPassword.done', username: 'u', reset: false },
        { type: 'signIn.back' },
      ],
    });
    const reached = new Set(paths.map((path) => path.state.value));
    expect([...reached].sort()).toEqual(Object.keys(screensMachine.config.states ?? {}).sort());
  });
});
