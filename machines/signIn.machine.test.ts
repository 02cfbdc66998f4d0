import { createActor, fromPromise, waitFor, type AnyActorLogic } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CognitoServiceError, type CognitoErrorCode } from './errors.ts';
import { secret } from './secret.ts';
import { assertAttempt, attemptSession } from './signIn.attempt.ts';
import { sessionMachine } from './session.machine.ts';
import { signInMachine } from './signIn.machine.ts';
import type { ChallengeName } from './protocol.ts';
import type { AuthOutcome, SignInInput, TokenClaims, TokenSet } from './types.ts';

const PASSWORD = 'hunter2-PASSWORD';
const SESSION_PREFIX = 'SESSION-';
const TOKEN_PREFIX = 'TOKEN-';
const CODE = '123456';
const SECRET_CODE = 'TOTPSECRETBASE32';
const DEVICE_PASSWORD = 'DEVICEPASSWORD';
const SECRETS = [PASSWORD, SESSION_PREFIX, TOKEN_PREFIX, CODE, SECRET_CODE, DEVICE_PASSWORD];

const input: SignInInput = { userPoolId: 'us-east-1_Pool', clientId: 'client' };

let sessionCounter = 0;
function challenge(challengeName: ChallengeName, parameters: Record<string, string> = {}): AuthOutcome {
  sessionCounter += 1;
  return {
    step: {
      kind: 'challenge',
      challengeName,
      challengeParameters: parameters,
      session: secret(`${SESSION_PREFIX}${sessionCounter}`),
      availableChallenges: [],
    },
    srp: null,
  };
}

function tokenSet(): TokenSet {
  return {
    idToken: secret(`${TOKEN_PREFIX}id`),
    accessToken: secret(`${TOKEN_PREFIX}access`),
    refreshToken: secret(`${TOKEN_PREFIX}refresh`),
    expiresAt: Date.now() + 3_600_000,
  };
}

/** The claims of alice's ID token, as the actors hand them to the machine. */
const aliceClaims: TokenClaims = {
  sub: 's',
  username: 'alice',
  email: null,
  phoneNumber: null,
  groups: [],
  authTime: null,
  expiresAt: null,
};

function tokens(newDevice: { deviceKey: string; deviceGroupKey: string } | null = null): AuthOutcome {
  return {
    step: {
      kind: 'tokens',
      tokens: tokenSet(),
      newDevice,
      claims: aliceClaims,
    },
    srp: null,
  };
}

function fail(code: CognitoErrorCode, detail?: string): CognitoServiceError {
  return new CognitoServiceError(
    detail === undefined ? { code, retryable: false } : { code, retryable: false, detail },
  );
}

type Script = Record<string, unknown[]>;

/** Fake actors answering from a script, in order, recording each call's input. */
function fakes(script: Script) {
  const calls: { src: string; input: unknown }[] = [];
  const actors: Record<string, AnyActorLogic> = {};
  const names = [
    'initiateAuth',
    'respondToPasswordVerifier',
    'respondToSmsMfa',
    'respondToSoftwareTokenMfa',
    'respondToEmailOtp',
    'respondToSmsOtp',
    'respondToSelectMfaType',
    'respondToNewPasswordRequired',
    'respondToCustomChallenge',
    'respondToMfaSetup',
    'respondToDeviceSrpAuth',
    'respondToDevicePasswordVerifier',
    'associateSoftwareToken',
    'verifySoftwareToken',
    'loadSession',
    'refreshSession',
    'confirmDevice',
    'updateDeviceStatus',
    'forgetDevice',
    'revokeToken',
    'globalSignOut',
  ];
  for (const src of names) {
    actors[src] = fromPromise<unknown, unknown>(async ({ input: actorInput }) => {
      calls.push({ src, input: actorInput });
      await Promise.resolve();
      const next = script[src]?.shift();
      if (next instanceof Error) throw next;
      return next ?? null;
    });
  }
  return { actors, calls };
}

/** The session machine (store, device, refresh, sign-out) around a sign-in child, every actor faked from one script. */
function startSession(script: Script) {
  const { actors, calls } = fakes(script);
  const signIn = signInMachine.provide({ actors });
  const actor = createActor(sessionMachine.provide({ actors: { ...actors, signIn } }), { input });
  actor.start();
  return { actor, calls };
}

/** A session signed in through its sign-in child (the session's store held nothing). */
async function signInThroughSession(script: Script) {
  const session = startSession(script);
  await waitFor(session.actor, (s) => s.matches('signedOut'));
  session.actor.send({ type: 'credentials.submit', username: ' alice ', password: secret(PASSWORD) });
  return session;
}

function start(script: Script, machineInput: SignInInput = input) {
  const { actors, calls } = fakes(script);
  const actor = createActor(signInMachine.provide({ actors }), { input: machineInput });
  const snapshots: string[] = [];
  actor.subscribe((snapshot) => snapshots.push(JSON.stringify(snapshot)));
  actor.start();
  return { actor, calls, snapshots };
}

const srpOutcome = (): AuthOutcome => ({
  ...challenge('PASSWORD_VERIFIER', {
    USER_ID_FOR_SRP: 'uuid-alice',
    SRP_B: 'b',
    SALT: 's',
    SECRET_BLOCK: 'blk',
    USERNAME: 'uuid-alice',
  }),
  srp: { srpA: 'aa', a: secret('secret-a') },
});

function submitCredentials(actor: ReturnType<typeof start>['actor']) {
  actor.send({ type: 'credentials.submit', username: ' alice ', password: secret(PASSWORD) });
}

function expectNoSecrets(texts: readonly string[]) {
  for (const text of texts) for (const value of SECRETS) expect(text).not.toContain(value);
}

describe('signInMachine', () => {
  it('signs in with SRP: credentials → initiatingAuth → PASSWORD_VERIFIER → done, the tokens its output', async () => {
    const { actor, calls, snapshots } = start({ initiateAuth: [srpOutcome()], respondToPasswordVerifier: [tokens()] });
    expect(actor.getSnapshot().matches('credentials')).toBe(true);
    expect(actor.getSnapshot().hasTag('input')).toBe(true);
    submitCredentials(actor);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    const done = await waitFor(actor, (s) => s.matches('done'));
    expect(calls.map((c) => c.src)).toEqual(['initiateAuth', 'respondToPasswordVerifier']);
    const signedIn = assertAttempt(done.context.attempt, 'signedIn');
    expect(signedIn).not.toHaveProperty('password');
    expect(signedIn).not.toHaveProperty('session');
    expect(signedIn.claims.username).toBe('alice');
    expect(done.context.username).toBe('alice');
    expect(done.status).toBe('done');
    expect(done.output).toMatchObject({ username: 'uuid-alice', loginName: 'alice', claims: { username: 'alice' } });
    expectNoSecrets(snapshots);
  });

  it('sends USER_ID_FOR_SRP and the latest Session with the password claim', async () => {
    const { actor, calls } = start({ initiateAuth: [srpOutcome()], respondToPasswordVerifier: [tokens()] });
    submitCredentials(actor);
    await waitFor(actor, (s) => s.matches('done'));
    const pv = calls[1]?.input as { base: { username: string; session: { reveal(): string } } };
    expect(pv.base.username).toBe('uuid-alice');
    expect(pv.base.session.reveal()).toMatch(/^SESSION-/);
  });

  it('drops the password once PASSWORD_VERIFIER is answered, before the MFA step', async () => {
    const { actor } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [
        challenge('SMS_MFA', { CODE_DELIVERY_DESTINATION: '+*******0100', CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' }),
      ],
    });
    submitCredentials(actor);
    const sms = await waitFor(actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    const attempt = assertAttempt(sms.context.attempt, 'SMS_MFA');
    expect(attempt).not.toHaveProperty('password');
    expect(attempt).not.toHaveProperty('srp');
    expect(attempt.codeDelivery).toEqual({ medium: 'SMS', destination: '+*******0100' });
    expect(sms.hasTag('input')).toBe(true);
  });

  it('stays in SMS_MFA with the error on a wrong code, then signs in with the right one', async () => {
    const { actor, calls } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [challenge('SMS_MFA')],
      respondToSmsMfa: [fail('CodeMismatchException'), tokens()],
    });
    submitCredentials(actor);
    await waitFor(actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }));
    actor.send({ type: 'code.submit', code: secret('000000') });
    const wrong = await waitFor(actor, (s) => s.matches({ SMS_MFA: 'awaitingInput' }) && s.context.error !== null);
    expect(wrong.context.error?.code).toBe('CodeMismatchException');
    // The wrong code is not kept: the attempt holds only the challenge's own data.
    expect(Object.keys(wrong.context.attempt).sort()).toEqual(['codeDelivery', 'kind', 'session']);
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.matches('done'));
    expect(calls.filter((c) => c.src === 'respondToSmsMfa')).toHaveLength(2);
  });

  it('ignores a second submit while the first is in flight', async () => {
    const { actor, calls } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [challenge('SOFTWARE_TOKEN_MFA')],
      respondToSoftwareTokenMfa: [tokens()],
    });
    submitCredentials(actor);
    submitCredentials(actor);
    await waitFor(actor, (s) => s.matches({ SOFTWARE_TOKEN_MFA: 'awaitingInput' }));
    actor.send({ type: 'code.submit', code: secret(CODE) });
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.matches('done'));
    expect(calls.map((c) => c.src)).toEqual(['initiateAuth', 'respondToPasswordVerifier', 'respondToSoftwareTokenMfa']);
  });

  it('goes to sessionExpired when the Session dies, and restart keeps the username', async () => {
    const { actor } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [challenge('EMAIL_OTP')],
      respondToEmailOtp: [fail('NotAuthorizedException', 'Invalid session for the user, session is expired.')],
    });
    submitCredentials(actor);
    await waitFor(actor, (s) => s.matches({ EMAIL_OTP: 'awaitingInput' }));
    actor.send({ type: 'code.submit', code: secret(CODE) });
    const expired = await waitFor(actor, (s) => s.matches('sessionExpired'));
    expect(attemptSession(expired.context.attempt)).toBeNull();
    expect(expired.context.error?.code).toBe('NotAuthorizedException');
    actor.send({ type: 'signIn.restart' });
    expect(actor.getSnapshot().matches('credentials')).toBe(true);
    expect(actor.getSnapshot().context.username).toBe('alice');
  });

  it('returns to credentials with the error on a wrong password', async () => {
    const { actor } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [fail('NotAuthorizedException', 'Incorrect username or password.')],
    });
    submitCredentials(actor);
    const back = await waitFor(actor, (s) => s.matches('credentials') && s.context.error !== null);
    expect(back.context.error?.code).toBe('NotAuthorizedException');
    expect(back.context.attempt).toEqual({ kind: 'none' });
    expect(back.context.username).toBe('alice');
  });

  it('ignores a submit with an empty username', () => {
    const { actor, calls } = start({});
    actor.send({ type: 'credentials.submit', username: '  ', password: secret(PASSWORD) });
    expect(actor.getSnapshot().matches('credentials')).toBe(true);
    expect(calls.filter((c) => c.src === 'initiateAuth')).toHaveLength(0);
  });

  it('drops the device and answers PASSWORD_VERIFIER again when Cognito no longer knows it', async () => {
    const device = { deviceKey: 'us-east-1_dev', deviceGroupKey: 'grp', devicePassword: secret(DEVICE_PASSWORD) };
    const { actor, calls } = start({
      initiateAuth: [{ ...srpOutcome(), device }],
      respondToPasswordVerifier: [fail('ResourceNotFoundException', 'Device does not exist.'), tokens()],
    });
    submitCredentials(actor);
    const done = await waitFor(actor, (s) => s.matches('done'));
    const pv = calls.filter((c) => c.src === 'respondToPasswordVerifier') as { input: { base: { device: unknown } } }[];
    expect(pv.map((c) => c.input.base.device === null)).toEqual([false, true]);
    expect(done.context.device).toBeNull();
  });

  it('answers DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER for a remembered device', async () => {
    const device = { deviceKey: 'us-east-1_dev', deviceGroupKey: 'grp', devicePassword: secret(DEVICE_PASSWORD) };
    const { actor, calls, snapshots } = start({
      initiateAuth: [{ ...srpOutcome(), device }],
      respondToPasswordVerifier: [challenge('DEVICE_SRP_AUTH')],
      respondToDeviceSrpAuth: [
        {
          ...challenge('DEVICE_PASSWORD_VERIFIER', { SRP_B: 'b', SALT: 's', SECRET_BLOCK: 'x' }),
          srp: { srpA: 'a2', a: secret('a2') },
        },
      ],
      respondToDevicePasswordVerifier: [tokens()],
    });
    submitCredentials(actor);
    const done = await waitFor(actor, (s) => s.matches('done'));
    expect(calls.map((c) => c.src)).toEqual([
      'initiateAuth',
      'respondToPasswordVerifier',
      'respondToDeviceSrpAuth',
      'respondToDevicePasswordVerifier',
    ]);
    expect(done.context.attempt).not.toHaveProperty('srp');
    expectNoSecrets(snapshots);
  });

  it('enrols TOTP in MFA_SETUP: associating → awaitingInput → verifying → responding → done', async () => {
    const { actor, snapshots } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' })],
      associateSoftwareToken: [{ secretCode: secret(SECRET_CODE), session: secret(`${SESSION_PREFIX}assoc`) }],
      verifySoftwareToken: [fail('EnableSoftwareTokenMFAException'), { session: secret(`${SESSION_PREFIX}verified`) }],
      respondToMfaSetup: [tokens()],
    });
    submitCredentials(actor);
    const setup = await waitFor(actor, (s) => s.matches({ MFA_SETUP: 'awaitingInput' }));
    const { totpSetup } = assertAttempt(setup.context.attempt, 'MFA_SETUP');
    expect(totpSetup?.secretCode.reveal()).toBe(SECRET_CODE);
    expect(totpSetup?.label).toBe('alice');
    expect(totpSetup?.issuer).toBe('us-east-1_Pool');
    actor.send({ type: 'code.submit', code: secret('999999') });
    const wrong = await waitFor(actor, (s) => s.matches({ MFA_SETUP: 'awaitingInput' }) && s.context.error !== null);
    expect(wrong.context.error?.code).toBe('EnableSoftwareTokenMFAException');
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.matches('done'));
    expectNoSecrets(snapshots);
  });

  it('lists the required attribute names in NEW_PASSWORD_REQUIRED and sends them with the new password', async () => {
    const { actor, calls } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [
        challenge('NEW_PASSWORD_REQUIRED', {
          requiredAttributes: '["userAttributes.name"]',
          userAttributes: '{"email":"a@b.c"}',
        }),
      ],
      respondToNewPasswordRequired: [fail('InvalidPasswordException', 'Password does not conform to policy'), tokens()],
    });
    submitCredentials(actor);
    const step = await waitFor(actor, (s) => s.matches({ NEW_PASSWORD_REQUIRED: 'awaitingInput' }));
    expect(assertAttempt(step.context.attempt, 'NEW_PASSWORD_REQUIRED').requiredAttributes).toEqual(['name']);
    actor.send({ type: 'newPassword.submit', password: secret('short'), attributes: { name: 'Alice' } });
    await waitFor(
      actor,
      (s) =>
        s.matches({ NEW_PASSWORD_REQUIRED: 'awaitingInput' }) && s.context.error?.code === 'InvalidPasswordException',
    );
    actor.send({ type: 'newPassword.submit', password: secret(`${PASSWORD}-new`), attributes: { name: 'Alice' } });
    await waitFor(actor, (s) => s.matches('done'));
    const last = calls.at(-1)?.input as { attributes: Record<string, string> };
    expect(last.attributes).toEqual({ name: 'Alice' });
  });

  it('offers only MFAS_CAN_CHOOSE in SELECT_MFA_TYPE and moves to the chosen challenge', async () => {
    const { actor, calls } = start({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [
        challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }),
      ],
      respondToSelectMfaType: [challenge('SOFTWARE_TOKEN_MFA')],
    });
    submitCredentials(actor);
    const select = await waitFor(actor, (s) => s.matches({ SELECT_MFA_TYPE: 'awaitingInput' }));
    expect(assertAttempt(select.context.attempt, 'SELECT_MFA_TYPE').mfaTypes).toEqual([
      'SMS_MFA',
      'SOFTWARE_TOKEN_MFA',
    ]);
    actor.send({ type: 'mfaType.select', mfaType: 'EMAIL_OTP' });
    expect(actor.getSnapshot().matches({ SELECT_MFA_TYPE: 'awaitingInput' })).toBe(true);
    actor.send({ type: 'mfaType.select', mfaType: 'SOFTWARE_TOKEN_MFA' });
    await waitFor(actor, (s) => s.matches({ SOFTWARE_TOKEN_MFA: 'awaitingInput' }));
    expect((calls.at(-1)?.input as { mfaType: string }).mfaType).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('loops CUSTOM_CHALLENGE while the trigger asks again, keeping its public parameters', async () => {
    const { actor } = start(
      {
        initiateAuth: [challenge('CUSTOM_CHALLENGE', { question: 'What is 6 × 7?', USERNAME: 'alice' })],
        respondToCustomChallenge: [challenge('CUSTOM_CHALLENGE', { question: 'Again?', USERNAME: 'alice' }), tokens()],
      },
      { ...input, authFlow: 'CUSTOM_AUTH' },
    );
    submitCredentials(actor);
    const first = await waitFor(actor, (s) => s.matches({ CUSTOM_CHALLENGE: 'awaitingInput' }));
    expect(assertAttempt(first.context.attempt, 'CUSTOM_CHALLENGE').challengeParameters.question).toBe(
      'What is 6 × 7?',
    );
    actor.send({ type: 'customChallenge.submit', answer: secret('41') });
    await waitFor(
      actor,
      (s) =>
        s.matches({ CUSTOM_CHALLENGE: 'awaitingInput' }) &&
        assertAttempt(s.context.attempt, 'CUSTOM_CHALLENGE').challengeParameters.question === 'Again?',
    );
    actor.send({ type: 'customChallenge.submit', answer: secret('42') });
    await waitFor(actor, (s) => s.matches('done'));
  });

  it('returns to credentials with UnsupportedChallenge for a challenge it cannot answer', async () => {
    const { actor } = start({ initiateAuth: [challenge('WEB_AUTHN')] });
    submitCredentials(actor);
    const back = await waitFor(actor, (s) => s.matches('credentials') && s.context.error !== null);
    expect(back.context.error).toMatchObject({ code: 'UnsupportedChallenge', detail: 'WEB_AUTHN' });
    expect(back.context.attempt).toEqual({ kind: 'none' });
  });

  describe('signIn.cancel from every waiting state returns to credentials and drops the Session', () => {
    const waiting: [string, Script, SignInInput?][] = [
      ['SMS_MFA', { respondToPasswordVerifier: [challenge('SMS_MFA')] }],
      ['SOFTWARE_TOKEN_MFA', { respondToPasswordVerifier: [challenge('SOFTWARE_TOKEN_MFA')] }],
      ['EMAIL_OTP', { respondToPasswordVerifier: [challenge('EMAIL_OTP')] }],
      [
        'SELECT_MFA_TYPE',
        { respondToPasswordVerifier: [challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA"]' })] },
      ],
      [
        'MFA_SETUP',
        {
          respondToPasswordVerifier: [challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' })],
          associateSoftwareToken: [{ secretCode: secret(SECRET_CODE), session: null }],
        },
      ],
      ['NEW_PASSWORD_REQUIRED', { respondToPasswordVerifier: [challenge('NEW_PASSWORD_REQUIRED')] }],
      ['CUSTOM_CHALLENGE', { respondToPasswordVerifier: [challenge('CUSTOM_CHALLENGE')] }],
    ];
    it.each(waiting)('from %s', async (state, script) => {
      const { actor } = start({ initiateAuth: [srpOutcome()], ...script });
      submitCredentials(actor);
      await waitFor(actor, (s) => s.matches({ [state]: 'awaitingInput' }));
      expect(attemptSession(actor.getSnapshot().context.attempt)).not.toBeNull();
      actor.send({ type: 'signIn.cancel' });
      const snapshot = actor.getSnapshot();
      expect(snapshot.matches('credentials')).toBe(true);
      // No Session, TOTP secret or other challenge data is left.
      expect(snapshot.context.attempt).toEqual({ kind: 'none' });
      expect(snapshot.context.username).toBe('alice');
    });

    it('from initiatingAuth, ignoring the late answer', async () => {
      const { actor } = start({ initiateAuth: [srpOutcome()] });
      submitCredentials(actor);
      actor.send({ type: 'signIn.cancel' });
      expect(actor.getSnapshot().matches('credentials')).toBe(true);
      await Promise.resolve();
      await Promise.resolve();
      expect(actor.getSnapshot().matches('credentials')).toBe(true);
      expect(actor.getSnapshot().context.attempt).toEqual({ kind: 'none' });
    });
  });
});

describe('sessionMachine around the sign-in child: what follows the tokens', () => {
  it('confirms a new device and asks whether to remember it; "yes" updates the status', async () => {
    const device = { deviceKey: 'us-east-1_new', deviceGroupKey: 'grp', devicePassword: secret(DEVICE_PASSWORD) };
    const { actor, calls } = await signInThroughSession({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [tokens({ deviceKey: 'us-east-1_new', deviceGroupKey: 'grp' })],
      confirmDevice: [{ device, userConfirmationNecessary: true }],
      updateDeviceStatus: [null],
    });
    const prompt = await waitFor(actor, (s) => s.matches({ signedIn: 'rememberDevice' }));
    expect(prompt.hasTag('input')).toBe(true);
    expect(prompt.context.device?.deviceKey).toBe('us-east-1_new');
    actor.send({ type: 'device.remember', remember: true });
    await waitFor(actor, (s) => s.matches({ signedIn: 'active' }));
    expect(calls.map((c) => c.src)).toContain('updateDeviceStatus');
  });

  it('skips UpdateDeviceStatus when the user declines to remember the device', async () => {
    const device = { deviceKey: 'us-east-1_new', deviceGroupKey: 'grp', devicePassword: secret(DEVICE_PASSWORD) };
    const { actor, calls } = await signInThroughSession({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [tokens({ deviceKey: 'us-east-1_new', deviceGroupKey: 'grp' })],
      confirmDevice: [{ device, userConfirmationNecessary: true }],
    });
    await waitFor(actor, (s) => s.matches({ signedIn: 'rememberDevice' }));
    actor.send({ type: 'device.remember', remember: false });
    expect(actor.getSnapshot().matches({ signedIn: 'active' })).toBe(true);
    expect(calls.map((c) => c.src)).not.toContain('updateDeviceStatus');
  });

  it('refreshes tokens on request and keeps the refresh token', async () => {
    const refreshed = tokenSet();
    const { actor } = startSession({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [tokens()],
      refreshSession: [
        {
          kind: 'refreshed',
          refreshCall: 'legacy',
          username: 'uuid-alice',
          tokens: refreshed,
          claims: aliceClaims,
          device: null,
          clockDrift: 0,
        },
      ],
    });
    const emitted: string[] = [];
    actor.on('*', (event) => emitted.push(event.type));
    await waitFor(actor, (s) => s.matches('signedOut'));
    actor.send({ type: 'credentials.submit', username: ' alice ', password: secret(PASSWORD) });
    await waitFor(actor, (s) => s.matches({ signedIn: 'active' }));
    const refreshToken = actor.getSnapshot().context.tokens?.refreshToken;
    actor.send({ type: 'tokens.refresh' });
    expect(actor.getSnapshot().matches({ signedIn: 'refreshing' })).toBe(true);
    const after = await waitFor(actor, (s) => s.matches({ signedIn: 'active' }));
    expect(emitted).toEqual(['signedIn', 'tokensRefreshed']);
    expect(after.context.tokens?.refreshToken?.reveal()).toBe(refreshToken?.reveal());
  });

  it.each([
    ['revoke', 'revokeToken'],
    ['global', 'globalSignOut'],
  ] as const)('signs out with scope %s through %s and drops the tokens', async (scope, src) => {
    const { actor, calls } = await signInThroughSession({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [tokens()],
      [src]: [null],
    });
    await waitFor(actor, (s) => s.matches({ signedIn: 'active' }));
    actor.send({ type: 'signOut', scope });
    const out = await waitFor(actor, (s) => s.matches('signedOut'));
    expect(out.context.tokens).toBeNull();
    expect(calls.at(-1)?.src).toBe(src);
  });

  it('signs out locally without a request, and a new sign-in waits at credentials', async () => {
    const { actor, calls } = await signInThroughSession({
      initiateAuth: [srpOutcome()],
      respondToPasswordVerifier: [tokens()],
    });
    await waitFor(actor, (s) => s.matches({ signedIn: 'active' }));
    actor.send({ type: 'signOut', scope: 'local' });
    expect(actor.getSnapshot().matches('signedOut')).toBe(true);
    // loadSession, initiateAuth, respondToPasswordVerifier: nothing for the sign-out.
    expect(calls.map((c) => c.src)).toEqual(['loadSession', 'initiateAuth', 'respondToPasswordVerifier']);
    expect(actor.getSnapshot().children.signIn?.getSnapshot().matches('credentials')).toBe(true);
  });

  it('restores a stored session straight into signedIn', async () => {
    const { actor, calls } = startSession({
      loadSession: [{ username: 'uuid-alice', tokens: tokenSet(), claims: aliceClaims, device: null, clockDrift: 0 }],
    });
    const restored = await waitFor(actor, (s) => s.matches({ signedIn: 'active' }));
    expect(restored.context.claims?.username).toBe('alice');
    expect(calls.map((c) => c.src)).toEqual(['loadSession']);
  });
});
