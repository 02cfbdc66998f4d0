// The account machines with their real adapters (HTTP transport, fast SRP, AWS SDK admin) against the emulator over loopback.
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { accountMachine } from '../../machines/account.machine.ts';
import { accountActors, forgotPasswordActors, signUpActors, type AccountPorts } from '../../machines/accountActors.ts';
import { createSessionMachine } from '../../machines/createSessionMachine.ts';
import { createSignInMachine } from '../../machines/createSignInMachine.ts';
import { forgotPasswordMachine, type ForgotPasswordInput } from '../../machines/forgotPassword.machine.ts';
import { ruleFromPolicyMessage } from '../../machines/passwordPolicy.ts';
import type { SignInPorts } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { signUpMachine, type SignUpInput } from '../../machines/signUp.machine.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../../src/adapters/deviceStore.ts';
import { createFastSrp } from '../../src/adapters/srpFast.ts';
import { createCognitoAdmin, type CognitoAdmin } from '../../src/server/admin.ts';
import type { EmulatorConfig, TriggerEvent } from '../emulator/config.ts';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, demoPool } from '../emulator/demo.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';

const PASSWORD = 'Acc0unt!flows';
const NEW_PASSWORD = 'N3w!Acc0unt-pw';

/** Every trigger call, as the Lambda would see it. */
const triggerEvents: TriggerEvent[] = [];

function record(event: TriggerEvent): TriggerEvent {
  triggerEvents.push(structuredClone(event));
  // A pre sign-up trigger that auto-confirms (and verifies the email of) users named auto-*.
  if (event.triggerSource.startsWith('PreSignUp') && event.userName.startsWith('auto-')) {
    event.response = { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false };
  }
  return event;
}

function config(): EmulatorConfig {
  const pool = demoPool();
  pool.LambdaConfig = { ...pool.LambdaConfig, PreSignUp: record, CustomMessage: record, PostConfirmation: record };
  pool.Users = [
    ...(pool.Users ?? []),
    {
      Username: 'reset-user',
      Password: DEMO_PASSWORD,
      Status: 'RESET_REQUIRED',
      Attributes: { email: 'reset-user@example.com', email_verified: 'true', name: 'Reset User' },
    },
  ];
  return { Pools: [pool] };
}

let emulator: Emulator;
let ports: AccountPorts;
let admin: CognitoAdmin;
let counter = 0;

function fresh(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${String(counter)}`;
}

beforeAll(async () => {
  emulator = await startEmulator({ config: config() });
  ports = { cognito: createCognitoHttp({ endpoint: emulator.url }), deviceName: 'accountFlows test' };
  admin = createCognitoAdmin({
    userPoolId: DEMO_POOL_ID,
    endpoint: emulator.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  await emulator.stop();
});

beforeEach(() => {
  triggerEvents.length = 0;
});

/** The newest code the emulator "sent" to a user. */
function lastCode(username: string): string {
  const message = emulator.outbox.filter((entry) => entry.username === username).at(-1);
  if (message === undefined) throw new Error(`no code sent to ${username}`);
  return message.code;
}

function signInPorts(): SignInPorts {
  return {
    cognito: createCognitoHttp({ endpoint: emulator.url }),
    srp: createFastSrp(),
    devices: createMemoryDeviceStore(),
    now: () => new Date(emulator.clock.now()),
  };
}

async function signIn(username: string, password: string) {
  const actor = createActor(createSignInMachine(signInPorts()), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID },
  });
  actor.start();
  await waitFor(actor, (s) => s.matches('credentials'));
  actor.send({ type: 'credentials.submit', username, password: secret(password) });
  await waitFor(
    actor,
    (s) => s.status === 'done' || (s.matches('credentials') && s.context.error !== null) || s.hasTag('input'),
  );
  return actor;
}

/** Signed in through the session machine, which confirms (and remembers) the new device. */
async function signedIn(username: string, password: string) {
  const actor = createActor(createSessionMachine(signInPorts()), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID },
  });
  actor.start();
  await waitFor(actor, (s) => s.matches('signedOut'));
  actor.send({ type: 'credentials.submit', username, password: secret(password) });
  const snapshot = await waitFor(
    actor,
    (s) => s.matches({ signedIn: 'rememberDevice' }) || s.matches({ signedIn: 'active' }),
  );
  if (snapshot.matches({ signedIn: 'rememberDevice' })) {
    actor.send({ type: 'device.remember', remember: true });
    await waitFor(actor, (s) => s.matches({ signedIn: 'active' }));
  }
  return actor;
}

function startSignUp(overrides: Partial<SignUpInput> = {}) {
  const actor = createActor(signUpMachine.provide({ actors: signUpActors(ports) }), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, ...overrides },
  });
  actor.start();
  return actor;
}

function submitSignUp(
  actor: ReturnType<typeof startSignUp>,
  username: string,
  password = PASSWORD,
  clientMetadata?: Record<string, string>,
) {
  actor.send({
    type: 'signUp.submit',
    username,
    password: secret(password),
    attributes: { email: `${username}@example.com`, name: 'Account Flows' },
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
  });
}

function startForgot(overrides: Partial<ForgotPasswordInput> = {}) {
  const actor = createActor(forgotPasswordMachine.provide({ actors: forgotPasswordActors(ports) }), {
    input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, ...overrides },
  });
  actor.start();
  return actor;
}

describe('sign-up against the emulator', () => {
  it('signs up, confirms with the emailed code, then signs in with ConfirmSignUp’s Session, no password typed again (issue 20)', async () => {
    const username = fresh();
    const actor = startSignUp();
    submitSignUp(actor, username);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    expect(actor.getSnapshot().context.codeDelivery).toEqual({
      medium: 'EMAIL',
      destination: 'u***@e***',
      attributeName: 'email',
    });
    expect(JSON.stringify(actor.getSnapshot())).not.toContain(PASSWORD);
    actor.send({ type: 'code.submit', code: secret(lastCode(username)) });
    const done = await waitFor(actor, (s) => s.status === 'done');
    const output = done.output;
    expect(output?.username).toBe(username);
    // A USER_AUTH client gets Cognito's Session from ConfirmSignUp: the password is let go, the Session signs in.
    expect(output?.password).toBeNull();
    const session = output?.session;
    if (session == null) throw new Error('no Session from ConfirmSignUp');
    const signInActor = createActor(createSignInMachine(signInPorts()), {
      input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID },
    });
    signInActor.start();
    await waitFor(signInActor, (s) => s.matches('credentials'));
    signInActor.send({ type: 'signUp.session', username, session });
    await waitFor(signInActor, (s) => s.status === 'done');
    expect(signInActor.getSnapshot().output?.claims.username).toBe(username);
    expect(JSON.stringify(signInActor.getSnapshot())).not.toContain(session.reveal());
    // The Session is single use: a second sign-in with it is refused and lands on the credentials form.
    const replay = createActor(createSignInMachine(signInPorts()), {
      input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID },
    });
    replay.start();
    await waitFor(replay, (s) => s.matches('credentials'));
    replay.send({ type: 'signUp.session', username, session });
    const refused = await waitFor(replay, (s) => s.matches('credentials') && s.context.error !== null);
    expect(refused.context.error?.code).toBe('NotAuthorizedException');
  });

  it('goes straight to sign-in when the pre sign-up trigger auto-confirms', async () => {
    const username = fresh('auto');
    const actor = startSignUp();
    submitSignUp(actor, username);
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output?.autoConfirmed).toBe(true);
    expect(emulator.outbox.some((message) => message.username === username)).toBe(false);
    await signedIn(username, PASSWORD);
  });

  it('reports UsernameExistsException for a taken username', async () => {
    const actor = startSignUp();
    submitSignUp(actor, 'srp-user');
    const snapshot = await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
    expect(snapshot.context.error?.code).toBe('UsernameExistsException');
  });

  it('reports InvalidPasswordException naming the policy rule the password broke', async () => {
    const actor = startSignUp();
    submitSignUp(actor, fresh(), 'Sh0rt!');
    let snapshot = await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
    expect(snapshot.context.error?.code).toBe('InvalidPasswordException');
    expect(ruleFromPolicyMessage(snapshot.context.error?.detail)).toBe('length');
    submitSignUp(actor, fresh(), 'nouppercase1!');
    snapshot = await waitFor(
      actor,
      (s) =>
        s.matches('editing') &&
        s.context.error?.detail !== undefined &&
        ruleFromPolicyMessage(s.context.error.detail) === 'uppercase',
    );
    expect(snapshot.context.password).toBeNull();
  });

  it('stays on ConfirmSignUp after CodeMismatchException and ExpiredCodeException, then confirms with a resent code', async () => {
    const username = fresh();
    const actor = startSignUp();
    submitSignUp(actor, username);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    const code = lastCode(username);
    actor.send({ type: 'code.submit', code: secret(code === '000000' ? '111111' : '000000') });
    await waitFor(
      actor,
      (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }) && s.context.error?.code === 'CodeMismatchException',
    );
    emulator.clock.advance(86_400 + 60);
    actor.send({ type: 'code.submit', code: secret(code) });
    await waitFor(
      actor,
      (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }) && s.context.error?.code === 'ExpiredCodeException',
    );
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }) && s.context.error === null);
    actor.send({ type: 'code.submit', code: secret(lastCode(username)) });
    await waitFor(actor, (s) => s.status === 'done');
  });

  it('answers LimitExceededException when codes are resent too often, keeping the code form', async () => {
    const username = fresh();
    const actor = startSignUp();
    submitSignUp(actor, username);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    let snapshot = actor.getSnapshot();
    for (let tries = 0; tries < 10 && snapshot.context.error?.code !== 'LimitExceededException'; tries += 1) {
      actor.send({ type: 'code.resend' });
      snapshot = await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    }
    expect(snapshot.context.error?.code).toBe('LimitExceededException');
    expect(snapshot.matches({ ConfirmSignUp: 'awaitingInput' })).toBe(true);
  });

  it('confirms an account left unconfirmed, starting from the UserNotConfirmedException of sign-in', async () => {
    const username = fresh();
    const first = startSignUp();
    submitSignUp(first, username);
    await waitFor(first, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    first.stop();
    const signInActor = await signIn(username, PASSWORD);
    expect(signInActor.getSnapshot().context.error?.code).toBe('UserNotConfirmedException');
    const actor = startSignUp();
    actor.send({ type: 'confirm.start', username });
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    actor.send({ type: 'code.submit', code: secret(lastCode(username)) });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output?.password).toBeNull();
    await signedIn(username, PASSWORD);
  });
});

describe('forgotten password against the emulator', () => {
  async function autoConfirmedUser(): Promise<string> {
    const username = fresh('auto');
    const actor = startSignUp();
    submitSignUp(actor, username);
    await waitFor(actor, (s) => s.status === 'done');
    return username;
  }

  it('resets the password with the code sent to the masked email and signs in with the new one', async () => {
    const username = await autoConfirmedUser();
    const actor = startForgot();
    actor.send({ type: 'username.submit', username });
    await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    expect(actor.getSnapshot().context.codeDelivery?.destination).toBe('a***@e***');
    actor.send({ type: 'newPassword.submit', code: secret(lastCode(username)), password: secret(NEW_PASSWORD) });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ username, reset: true });
    expect((await signIn(username, PASSWORD)).getSnapshot().context.error?.code).toBe('NotAuthorizedException');
    await signedIn(username, NEW_PASSWORD);
  });

  it('keeps the code form on CodeMismatchException, InvalidPasswordException and ExpiredCodeException', async () => {
    const username = await autoConfirmedUser();
    const actor = startForgot();
    actor.send({ type: 'username.submit', username });
    await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    const code = lastCode(username);
    actor.send({
      type: 'newPassword.submit',
      code: secret(code === '000000' ? '111111' : '000000'),
      password: secret(NEW_PASSWORD),
    });
    await waitFor(
      actor,
      (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }) && s.context.error?.code === 'CodeMismatchException',
    );
    actor.send({ type: 'newPassword.submit', code: secret(code), password: secret('weak') });
    const weak = await waitFor(
      actor,
      (s) =>
        s.matches({ ConfirmForgotPassword: 'awaitingInput' }) && s.context.error?.code === 'InvalidPasswordException',
    );
    expect(ruleFromPolicyMessage(weak.context.error?.detail)).toBe('length');
    emulator.clock.advance(3_600 + 60);
    actor.send({ type: 'newPassword.submit', code: secret(code), password: secret(NEW_PASSWORD) });
    await waitFor(
      actor,
      (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }) && s.context.error?.code === 'ExpiredCodeException',
    );
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }) && s.context.error === null);
    actor.send({ type: 'newPassword.submit', code: secret(lastCode(username)), password: secret(NEW_PASSWORD) });
    await waitFor(actor, (s) => s.status === 'done');
  });

  it('answers LimitExceededException after too many reset codes', async () => {
    const username = await autoConfirmedUser();
    const actor = startForgot({ username, requestCode: true });
    let snapshot = await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    for (let tries = 0; tries < 10 && snapshot.context.error?.code !== 'LimitExceededException'; tries += 1) {
      actor.send({ type: 'code.resend' });
      snapshot = await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    }
    expect(snapshot.context.error?.code).toBe('LimitExceededException');
  });

  it('PasswordResetRequiredException on sign-in leads into the reset, then sign-in works with the new password', async () => {
    const signInActor = await signIn('reset-user', DEMO_PASSWORD);
    expect(signInActor.getSnapshot().context.error?.code).toBe('PasswordResetRequiredException');
    const actor = startForgot({ username: signInActor.getSnapshot().context.username, requestCode: true });
    await waitFor(actor, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    actor.send({ type: 'newPassword.submit', code: secret(lastCode('reset-user')), password: secret(NEW_PASSWORD) });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output?.username).toBe('reset-user');
    await signedIn('reset-user', NEW_PASSWORD);
  });
});

describe('signed-in account actions against the emulator', () => {
  async function accountFor(username: string, password: string) {
    const signInActor = await signedIn(username, password);
    const tokens = signInActor.getSnapshot().context.tokens;
    if (tokens === null) throw new Error('no tokens');
    const actor = createActor(accountMachine.provide({ actors: accountActors(ports) }), {
      input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, accessToken: tokens.accessToken },
    });
    actor.start();
    return { actor, signInActor };
  }

  async function newUser(): Promise<string> {
    const username = fresh('auto');
    const actor = startSignUp();
    submitSignUp(actor, username);
    await waitFor(actor, (s) => s.status === 'done');
    return username;
  }

  it('changes the password; a wrong current password is NotAuthorizedException, a weak one InvalidPasswordException', async () => {
    const username = await newUser();
    const { actor } = await accountFor(username, PASSWORD);
    actor.send({
      type: 'password.change',
      previousPassword: secret('Wr0ng!password'),
      proposedPassword: secret(NEW_PASSWORD),
    });
    await waitFor(actor, (s) => s.matches('idle') && s.context.error?.code === 'NotAuthorizedException');
    actor.send({ type: 'password.change', previousPassword: secret(PASSWORD), proposedPassword: secret('weak') });
    await waitFor(actor, (s) => s.matches('idle') && s.context.error?.code === 'InvalidPasswordException');
    actor.send({ type: 'password.change', previousPassword: secret(PASSWORD), proposedPassword: secret(NEW_PASSWORD) });
    await waitFor(actor, (s) => s.matches('idle') && s.context.lastResult === 'passwordChanged');
    await signedIn(username, NEW_PASSWORD);
  });

  it('changes the email and verifies it with the code (wrong code first, then a resent one)', async () => {
    const username = await newUser();
    const { actor } = await accountFor(username, PASSWORD);
    actor.send({ type: 'attributes.update', attributes: { email: `${username}-new@example.com` } });
    await waitFor(actor, (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }));
    expect(actor.getSnapshot().context.attributeName).toBe('email');
    actor.send({ type: 'code.submit', code: secret(lastCode(username) === '000000' ? '111111' : '000000') });
    await waitFor(
      actor,
      (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }) && s.context.error?.code === 'CodeMismatchException',
    );
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }) && s.context.error === null);
    actor.send({ type: 'code.submit', code: secret(lastCode(username)) });
    await waitFor(actor, (s) => s.matches('idle') && s.context.lastResult === 'attributeVerified');
  });

  it('enrols an authenticator app and the next sign-in asks for its code', async () => {
    const username = await newUser();
    const { actor } = await accountFor(username, PASSWORD);
    actor.send({ type: 'totp.setUp' });
    const enrolling = await waitFor(actor, (s) => s.matches({ VerifySoftwareToken: 'awaitingInput' }));
    const totpSecret = enrolling.context.totpSecret?.reveal();
    if (totpSecret === undefined) throw new Error('no TOTP secret');
    expect(JSON.stringify(enrolling)).not.toContain(totpSecret);
    const totp = new TOTP({ secret: totpSecret, digits: 6, period: 30, algorithm: 'SHA1' });
    actor.send({ type: 'code.submit', code: secret(totp.generate({ timestamp: emulator.clock.now() })) });
    await waitFor(actor, (s) => s.matches('idle') && s.context.lastResult === 'totpEnabled');
    const next = await signIn(username, PASSWORD);
    expect(next.getSnapshot().matches('SOFTWARE_TOKEN_MFA')).toBe(true);
  });

  it('lists the remembered device of this sign-in and forgets it', async () => {
    const username = await newUser();
    const { actor, signInActor } = await accountFor(username, PASSWORD);
    const deviceKey = signInActor.getSnapshot().context.device?.deviceKey;
    expect(deviceKey).toBeDefined();
    actor.send({ type: 'devices.list' });
    const listed = await waitFor(actor, (s) => s.matches('idle') && s.context.devices.length > 0);
    expect(listed.context.devices.map((device) => device.deviceKey)).toEqual([deviceKey]);
    expect(listed.context.devices[0]?.remembered).toBe(true);
    actor.send({ type: 'device.forget', deviceKey: deviceKey ?? '' });
    const forgotten = await waitFor(actor, (s) => s.matches('idle') && s.context.lastResult === 'deviceForgotten');
    expect(forgotten.context.devices).toEqual([]);
  });
});

describe('ClientMetadata reaches the triggers unchanged', () => {
  const metadata = { flow: 'account-test', locale: 'de-DE' };

  function seen(triggerSource: string, userName: string) {
    return triggerEvents
      .filter((event) => event.triggerSource === triggerSource && event.userName === userName)
      .map((event) => event.request.clientMetadata);
  }

  it('from the public calls: SignUp (pre sign-up, custom message), ResendConfirmationCode, ConfirmSignUp (post confirmation), ForgotPassword, UpdateUserAttributes', async () => {
    const username = fresh();
    const actor = startSignUp({ clientMetadata: metadata });
    submitSignUp(actor, username);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    actor.send({ type: 'code.resend', clientMetadata: { flow: 'resend' } });
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }) && !s.hasTag('busy'));
    actor.send({ type: 'code.submit', code: secret(lastCode(username)) });
    await waitFor(actor, (s) => s.status === 'done');
    expect(seen('PreSignUp_SignUp', username)).toEqual([metadata]);
    expect(seen('CustomMessage_SignUp', username)).toEqual([metadata]);
    expect(seen('CustomMessage_ResendCode', username)).toEqual([{ flow: 'resend' }]);
    expect(seen('PostConfirmation_ConfirmSignUp', username)).toEqual([metadata]);

    const forgot = startForgot({ username, requestCode: true, clientMetadata: { flow: 'forgot' } });
    await waitFor(forgot, (s) => s.matches({ ConfirmForgotPassword: 'awaitingInput' }));
    expect(seen('CustomMessage_ForgotPassword', username)).toEqual([{ flow: 'forgot' }]);

    const signInActor = await signedIn(username, PASSWORD);
    const tokens = signInActor.getSnapshot().context.tokens;
    if (tokens === null) throw new Error('no tokens');
    const account = createActor(accountMachine.provide({ actors: accountActors(ports) }), {
      input: {
        userPoolId: DEMO_POOL_ID,
        clientId: DEMO_CLIENT_ID,
        accessToken: tokens.accessToken,
        clientMetadata: { flow: 'update' },
      },
    });
    account.start();
    account.send({ type: 'attributes.update', attributes: { email: `${username}-2@example.com` } });
    await waitFor(account, (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }));
    expect(seen('CustomMessage_UpdateUserAttribute', username)).toEqual([{ flow: 'update' }]);
  });

  it('from the admin calls: AdminCreateUser (pre sign-up), AdminConfirmSignUp (post confirmation), AdminUpdateUserAttributes (custom message)', async () => {
    const created = fresh('admin');
    const user = await admin.createUser({
      username: created,
      attributes: { email: `${created}@example.com`, name: 'Admin Made' },
      temporaryPassword: 'Temp0rary!admin',
      messageAction: 'SUPPRESS',
      clientMetadata: { via: 'AdminCreateUser' },
    });
    expect(user.status).toBe('FORCE_CHANGE_PASSWORD');
    expect(user.attributes.email).toBe(`${created}@example.com`);
    expect(seen('PreSignUp_AdminCreateUser', created)).toEqual([{ via: 'AdminCreateUser' }]);

    const unconfirmed = fresh();
    const actor = startSignUp();
    submitSignUp(actor, unconfirmed);
    await waitFor(actor, (s) => s.matches({ ConfirmSignUp: 'awaitingInput' }));
    await admin.confirmSignUp(unconfirmed, { clientMetadata: { via: 'AdminConfirmSignUp' } });
    expect(seen('PostConfirmation_ConfirmSignUp', unconfirmed)).toEqual([{ via: 'AdminConfirmSignUp' }]);
    await signedIn(unconfirmed, PASSWORD);

    await admin.updateUserAttributes(
      unconfirmed,
      { email: `${unconfirmed}-admin@example.com` },
      { clientMetadata: { via: 'AdminUpdateUserAttributes' } },
    );
    expect(seen('CustomMessage_UpdateUserAttribute', unconfirmed)).toEqual([{ via: 'AdminUpdateUserAttributes' }]);
  });

  it('admin errors arrive as the same { code } data the browser side branches on', async () => {
    await expect(admin.createUser({ username: 'srp-user', messageAction: 'SUPPRESS' })).rejects.toMatchObject({
      error: { code: 'UsernameExistsException' },
    });
  });
});
