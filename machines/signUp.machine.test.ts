import { createActor, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { signUpActors } from './accountActors.ts';
import { cognitoFailure, scriptedPort, type Script } from './account.testkit.ts';
import { ruleFromPolicyMessage } from './passwordPolicy.ts';
import { secret } from './secret.ts';
import { signUpMachine, type SignUpInput } from './signUp.machine.ts';

const PASSWORD = 'Sup3r!secret-pw';
const CODE = '246810';
const SESSION = 'SESSION-from-confirm';
const input: SignUpInput = { userPoolId: 'us-east-1_Pool', clientId: 'client', clientMetadata: { source: 'widget' } };
const delivery = { Destination: 'a***@e***', DeliveryMedium: 'EMAIL' as const, AttributeName: 'email' };

function start(script: Script, overrides: Partial<SignUpInput> = {}) {
  const fake = scriptedPort(script);
  const actor = createActor(signUpMachine.provide({ actors: signUpActors({ cognito: fake.port }) }), {
    input: { ...input, ...overrides },
  });
  actor.start();
  return { actor, ...fake };
}

function submitSignUp(actor: ReturnType<typeof start>['actor'], clientMetadata?: Record<string, string>) {
  actor.send({
    type: 'signUp.submit',
    username: ' alice ',
    password: secret(PASSWORD),
    attributes: { email: 'alice@example.com' },
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
  });
}

function expectNoSecrets(value: unknown) {
  const json = JSON.stringify(value);
  for (const text of [PASSWORD, CODE, SESSION]) expect(json).not.toContain(text);
}

describe('signUpMachine', () => {
  it('shows Cognito’s default password policy before anything is submitted', () => {
    const { actor } = start({});
    expect(actor.getSnapshot().matches('editing')).toBe(true);
    expect(actor.getSnapshot().hasTag('input')).toBe(true);
    expect(actor.getSnapshot().context.passwordPolicy).toEqual({
      minimumLength: 8,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
    });
  });

  it('takes the pool’s own policy from input', () => {
    const { actor } = start({}, { passwordPolicy: { MinimumLength: 12, RequireSymbols: false } });
    expect(actor.getSnapshot().context.passwordPolicy.minimumLength).toBe(12);
    expect(actor.getSnapshot().context.passwordPolicy.requireSymbols).toBe(false);
  });

  it('moves to ConfirmSignUp with the masked destination, confirms with the code and ends with the password to sign in', async () => {
    const { actor, requests } = start({
      signUp: [{ UserConfirmed: false, UserSub: 'sub-1', CodeDeliveryDetails: delivery }],
    });
    submitSignUp(actor);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    expect(actor.getSnapshot().context.codeDelivery).toEqual({
      medium: 'EMAIL',
      destination: 'a***@e***',
      attributeName: 'email',
    });
    expectNoSecrets(actor.getSnapshot());
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.status === 'done');
    expect(requests[0]).toEqual({
      operation: 'signUp',
      request: {
        ClientId: 'client',
        Username: 'alice',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
        ClientMetadata: { source: 'widget' },
      },
    });
    expect(requests[1]).toEqual({
      operation: 'confirmSignUp',
      request: { ClientId: 'client', Username: 'alice', ConfirmationCode: CODE, ClientMetadata: { source: 'widget' } },
    });
    const output = actor.getSnapshot().output;
    expect(output?.username).toBe('alice');
    expect(output?.autoConfirmed).toBe(false);
    expect(output?.password?.reveal()).toBe(PASSWORD);
    expect(output?.session).toBeNull();
    expectNoSecrets(actor.getSnapshot());
  });

  it('prefers Cognito’s Session from ConfirmSignUp and then lets the password go', async () => {
    const { actor } = start({
      signUp: [{ UserConfirmed: false, Session: 'SESSION-from-signup' }],
      confirmSignUp: [{ Session: SESSION }],
    });
    submitSignUp(actor);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.status === 'done');
    expect(actor.getSnapshot().output?.session?.reveal()).toBe(SESSION);
    expect(actor.getSnapshot().output?.password).toBeNull();
  });

  it('goes straight to done when the pre sign-up trigger auto-confirms the user', async () => {
    const { actor, operations } = start({ signUp: [{ UserConfirmed: true, UserSub: 'sub-2' }] });
    submitSignUp(actor);
    await waitFor(actor, (s) => s.status === 'done');
    expect(operations()).toEqual(['signUp']);
    expect(actor.getSnapshot().output?.autoConfirmed).toBe(true);
    expect(actor.getSnapshot().output?.password?.reveal()).toBe(PASSWORD);
  });

  it('returns to editing on UsernameExistsException, dropping the password', async () => {
    const { actor } = start({ signUp: [cognitoFailure('UsernameExistsException', 'User already exists')] });
    submitSignUp(actor);
    await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
    expect(actor.getSnapshot().context.error?.code).toBe('UsernameExistsException');
    expect(actor.getSnapshot().context.password).toBeNull();
  });

  it('keeps the policy message of InvalidPasswordException so the form can name the rule', async () => {
    const { actor } = start({
      signUp: [
        cognitoFailure('InvalidPasswordException', 'Password does not conform to policy: Password not long enough'),
      ],
    });
    submitSignUp(actor);
    await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
    expect(actor.getSnapshot().context.error?.code).toBe('InvalidPasswordException');
    expect(ruleFromPolicyMessage(actor.getSnapshot().context.error?.detail)).toBe('length');
  });

  it('stays on ConfirmSignUp after CodeMismatchException, ExpiredCodeException and LimitExceededException', async () => {
    const { actor } = start({
      signUp: [{ UserConfirmed: false, CodeDeliveryDetails: delivery }],
      confirmSignUp: [
        cognitoFailure('CodeMismatchException'),
        cognitoFailure('ExpiredCodeException'),
        cognitoFailure('LimitExceededException'),
        {},
      ],
    });
    submitSignUp(actor);
    for (const code of ['CodeMismatchException', 'ExpiredCodeException', 'LimitExceededException']) {
      await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
      actor.send({ type: 'code.submit', code: secret(CODE) });
      await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }) && s.context.error?.code === code);
      expect(actor.getSnapshot().context).not.toHaveProperty('code');
    }
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.status === 'done');
  });

  it('resends the code with ResendConfirmationCode and shows the new destination; LimitExceededException keeps the form', async () => {
    const { actor, requests } = start({
      signUp: [{ UserConfirmed: false, CodeDeliveryDetails: delivery }],
      resendConfirmationCode: [
        { CodeDeliveryDetails: { Destination: '+*******0100', DeliveryMedium: 'SMS', AttributeName: 'phone_number' } },
        cognitoFailure('LimitExceededException'),
      ],
    });
    submitSignUp(actor);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    actor.send({ type: 'code.resend', clientMetadata: { reason: 'resend' } });
    expect(actor.getSnapshot().matches('ResendConfirmationCode')).toBe(true);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    expect(actor.getSnapshot().context.codeDelivery?.destination).toBe('+*******0100');
    expect(requests[1]?.request).toEqual({
      ClientId: 'client',
      Username: 'alice',
      ClientMetadata: { reason: 'resend' },
    });
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }) && s.context.error !== null);
    expect(actor.getSnapshot().context.error?.code).toBe('LimitExceededException');
    expect(actor.getSnapshot().context.codeDelivery?.destination).toBe('+*******0100');
  });

  it('confirms an earlier sign-up from its username alone, ending without a password', async () => {
    const { actor, operations } = start({ resendConfirmationCode: [{ CodeDeliveryDetails: delivery }] });
    actor.send({ type: 'confirm.start', username: 'bob' });
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.status === 'done');
    expect(operations()).toEqual(['resendConfirmationCode', 'confirmSignUp']);
    expect(actor.getSnapshot().output).toMatchObject({ username: 'bob', password: null });
  });

  it('starts at confirmation for an earlier, unconfirmed sign-up handed over by sign-in', async () => {
    const { actor, operations } = start(
      { resendConfirmationCode: [{ CodeDeliveryDetails: delivery }] },
      { username: 'carol', confirmExisting: true },
    );
    expect(actor.getSnapshot().matches('ResendConfirmationCode')).toBe(true);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    expect(operations()).toEqual(['resendConfirmationCode']);
  });

  it('cancel from ConfirmSignUp forgets the password and returns to editing', async () => {
    const { actor } = start({ signUp: [{ UserConfirmed: false, CodeDeliveryDetails: delivery }] });
    submitSignUp(actor);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    actor.send({ type: 'signUp.cancel' });
    expect(actor.getSnapshot().matches('editing')).toBe(true);
    expect(actor.getSnapshot().context.password).toBeNull();
    expect(actor.getSnapshot().context.username).toBe('alice');
  });

  it('never replays SignUp after a network failure (the first try may have created the user)', async () => {
    const { actor, operations } = start({ signUp: [new TypeError('fetch failed')] });
    submitSignUp(actor);
    await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
    expect(actor.getSnapshot().context.error?.code).toBe('NetworkError');
    expect(operations()).toEqual(['signUp']);
  });
});
