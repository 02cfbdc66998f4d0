import { createActor, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { forgotPasswordActors } from './accountActors.ts';
import { cognitoFailure, scriptedPort, type Script } from './account.testkit.ts';
import { forgotPasswordMachine, type ForgotPasswordInput } from './forgotPassword.machine.ts';
import { secret } from './secret.ts';

const NEW_PASSWORD = 'N3w!password-x';
const CODE = '135790';
const input: ForgotPasswordInput = { userPoolId: 'us-east-1_Pool', clientId: 'client' };
const delivery = { Destination: 'a***@e***', DeliveryMedium: 'EMAIL' as const, AttributeName: 'email' };

function start(script: Script, overrides: Partial<ForgotPasswordInput> = {}) {
  const fake = scriptedPort(script);
  const actor = createActor(forgotPasswordMachine.provide({ actors: forgotPasswordActors({ cognito: fake.port }) }), {
    input: { ...input, ...overrides },
  });
  actor.start();
  return { actor, ...fake };
}

function submitNewPassword(actor: ReturnType<typeof start>['actor']) {
  actor.send({ type: 'newPassword.submit', code: secret(CODE), password: secret(NEW_PASSWORD) });
}

describe('forgotPasswordMachine', () => {
  it('asks ForgotPassword, shows the masked destination, confirms and ends with the username kept', async () => {
    const { actor, requests } = start({ forgotPassword: [{ CodeDeliveryDetails: delivery }] });
    actor.send({ type: 'username.submit', username: ' alice ', clientMetadata: { app: 'demo' } });
    await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    expect(actor.getSnapshot().context.codeDelivery?.destination).toBe('a***@e***');
    submitNewPassword(actor);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    expect(JSON.stringify(actor.getSnapshot())).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(actor.getSnapshot())).not.toContain(CODE);
    await waitFor(actor, (s) => s.status === 'done');
    expect(actor.getSnapshot().output).toEqual({ username: 'alice', reset: true });
    expect(requests).toEqual([
      {
        operation: 'forgotPassword',
        request: { ClientId: 'client', Username: 'alice', ClientMetadata: { app: 'demo' } },
      },
      {
        operation: 'confirmForgotPassword',
        request: { ClientId: 'client', Username: 'alice', ConfirmationCode: CODE, Password: NEW_PASSWORD },
      },
    ]);
    expect(actor.getSnapshot().context).not.toHaveProperty('newPassword');
  });

  it('requests the code at once for a username handed over by sign-in (PasswordResetRequiredException)', async () => {
    const { actor, operations } = start(
      { forgotPassword: [{ CodeDeliveryDetails: delivery }] },
      { username: 'reset-user', requestCode: true },
    );
    expect(actor.getSnapshot().matches('ForgotPassword')).toBe(true);
    await waitFor(actor, (s) => s.matches('ConfirmForgotPassword'));
    expect(operations()).toEqual(['forgotPassword']);
  });

  it('stays on ConfirmForgotPassword after CodeMismatchException, ExpiredCodeException and InvalidPasswordException', async () => {
    const { actor } = start({
      forgotPassword: [{ CodeDeliveryDetails: delivery }],
      confirmForgotPassword: [
        cognitoFailure('CodeMismatchException'),
        cognitoFailure('ExpiredCodeException'),
        cognitoFailure(
          'InvalidPasswordException',
          'Password does not conform to policy: Password must have symbol characters',
        ),
        {},
      ],
    });
    actor.send({ type: 'username.submit', username: 'alice' });
    for (const code of ['CodeMismatchException', 'ExpiredCodeException', 'InvalidPasswordException']) {
      await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
      submitNewPassword(actor);
      await waitFor(
        actor,
        (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }) && s.context.error?.code === code,
      );
    }
    submitNewPassword(actor);
    await waitFor(actor, (s) => s.status === 'done');
  });

  it('LimitExceededException on the first request returns to the username form; on a resend it keeps the code form', async () => {
    const { actor } = start({
      forgotPassword: [
        cognitoFailure('LimitExceededException'),
        { CodeDeliveryDetails: delivery },
        cognitoFailure('LimitExceededException'),
      ],
    });
    actor.send({ type: 'username.submit', username: 'alice' });
    await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
    expect(actor.getSnapshot().context.error?.code).toBe('LimitExceededException');
    actor.send({ type: 'username.submit', username: 'alice' });
    await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }) && s.context.error !== null);
    expect(actor.getSnapshot().context.error?.code).toBe('LimitExceededException');
  });

  it('cancel ends the flow without a reset, username kept', () => {
    const { actor } = start({}, { username: 'alice' });
    actor.send({ type: 'forgotPassword.cancel' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ username: 'alice', reset: false });
  });
});
