// Choice-based sign-in through the machine and its real adapters against the emulator: SELECT_CHALLENGE and WEB_AUTHN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createSignInMachine } from '../../machines/createSignInMachine.ts';
import type { SignInPorts, WebAuthnPort } from '../../machines/ports.ts';
import type { PreferredChallenge } from '../../machines/protocol.ts';
import { secret } from '../../machines/secret.ts';
import { assertAttempt } from '../../machines/signIn.attempt.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import { createFastSrp } from '../../src/adapters/srpFast.ts';
import type { PoolConfig } from '../emulator/config.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { SoftAuthenticator } from '../emulator/softAuthenticator.ts';
import { lastCode } from '../emulator/testHelpers.ts';
import { containsSecret } from './containsSecret.ts';
import { softWebAuthnPort } from './softWebAuthnPort.ts';

const POOL = 'us-east-1_ChoicePool1';
const CLIENT = 'choiceclient0000000000001';
const PASSWORD = 'Ch0ice-Passw0rd!';
const ORIGIN = 'http://localhost:5173';
const FACTORS = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;

function pool(): PoolConfig {
  const user = (Username: string) => ({
    Username,
    Password: PASSWORD,
    Attributes: {
      email: `${Username}@example.com`,
      email_verified: 'true',
      phone_number: '+15555550123',
      phone_number_verified: 'true',
    },
  });
  return {
    Id: POOL,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: [...FACTORS] } },
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
    Clients: [{ ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    Users: ['pw', 'srp', 'mail', 'sms', 'key', 'closed', 'gone', 'other', 'replay', 'bare'].map(user),
  };
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [pool()] } });
});
afterAll(async () => {
  await emulator.stop();
});

function run(username: string, webAuthn?: WebAuthnPort) {
  const ports: SignInPorts = {
    cognito: createCognitoHttp({ endpoint: emulator.url }),
    srp: createFastSrp(),
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    now: () => new Date(emulator.clock.now()),
    ...(webAuthn === undefined ? {} : { webAuthn }),
  };
  const actor = createActor(createSignInMachine(ports), {
    input: {
      userPoolId: POOL,
      clientId: CLIENT,
      authFlow: 'USER_AUTH',
      preferredChallenge: null,
      deviceTracking: false,
    },
  });
  const snapshots: string[] = [];
  actor.subscribe((snapshot) => snapshots.push(JSON.stringify(snapshot)));
  const before = emulator.requests.length;
  actor.start();
  actor.send({ type: 'credentials.submit', username, password: secret('') });
  const requests = () => emulator.requests.length - before;
  return { actor, snapshots, requests };
}

type Flow = ReturnType<typeof run>;

async function atSelectChallenge(flow: Flow) {
  const snapshot = await waitFor(flow.actor, (s) => s.matches({ SELECT_CHALLENGE: 'awaitingInput' }));
  return assertAttempt(snapshot.context.attempt, 'SELECT_CHALLENGE').availableChallenges;
}

const signedIn = (flow: Flow) => waitFor(flow.actor, (s) => s.status === 'done');

function select(flow: Flow, challenge: PreferredChallenge, password?: string) {
  flow.actor.send({
    type: 'challenge.select',
    challenge,
    ...(password === undefined ? {} : { password: secret(password) }),
  });
}

/** Signs `username` in with the password and registers the authenticator as a passkey. */
async function registerPasskey(username: string, authenticator: SoftAuthenticator): Promise<string> {
  const flow = run(username);
  await atSelectChallenge(flow);
  select(flow, 'PASSWORD', PASSWORD);
  const { output } = await signedIn(flow);
  const accessToken = output?.tokens.accessToken.reveal() ?? '';
  const cognito = createCognitoHttp({ endpoint: emulator.url });
  const started = await cognito.call('StartWebAuthnRegistration', { AccessToken: accessToken });
  const options = started.CredentialCreationOptions as { challenge: string; rp: { id?: string } };
  await cognito.call('CompleteWebAuthnRegistration', {
    AccessToken: accessToken,
    Credential: authenticator.create(options),
  });
  flow.actor.stop();
  return accessToken;
}

describe('SELECT_CHALLENGE', () => {
  it('offers exactly the factors the pool and user allow (no passkey registered: no WEB_AUTHN)', async () => {
    const flow = run('pw');
    // PASSWORD in AllowedFirstAuthFactors allows both password answers.
    expect(await atSelectChallenge(flow)).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']);
    expect(flow.requests()).toBe(1);
    flow.actor.stop();
  });

  it('PASSWORD signs in with the password sent beside ANSWER, in two requests', async () => {
    const flow = run('pw');
    await atSelectChallenge(flow);
    select(flow, 'PASSWORD', PASSWORD);
    await signedIn(flow);
    expect(flow.requests()).toBe(2);
    expect(flow.snapshots.some((s) => containsSecret(s, PASSWORD))).toBe(false);
  });

  it('PASSWORD_SRP goes on to PASSWORD_VERIFIER and signs in, in three requests', async () => {
    const flow = run('srp');
    expect(await atSelectChallenge(flow)).toContain('PASSWORD_SRP');
    select(flow, 'PASSWORD_SRP', PASSWORD);
    await waitFor(flow.actor, (s) => s.matches('PASSWORD_VERIFIER'));
    await signedIn(flow);
    expect(flow.requests()).toBe(3);
  });

  it('a wrong password is refused with NotAuthorizedException and nothing of it is kept', async () => {
    const flow = run('pw');
    await atSelectChallenge(flow);
    select(flow, 'PASSWORD', 'not-the-password');
    const snapshot = await waitFor(flow.actor, (s) => s.matches('credentials') && s.context.error !== null);
    expect(snapshot.context.error?.code).toBe('NotAuthorizedException');
    // Neither the password nor the Session is kept.
    expect(snapshot.context.attempt).toEqual({ kind: 'none' });
  });

  it.each([
    ['EMAIL_OTP', 'mail'],
    ['SMS_OTP', 'sms'],
  ] as const)('%s sends a code and signs in with it, in three requests', async (factor, username) => {
    const flow = run(username);
    await atSelectChallenge(flow);
    select(flow, factor);
    await waitFor(flow.actor, (s) => s.matches({ [factor]: 'awaitingInput' }));
    flow.actor.send({ type: 'code.submit', code: secret(lastCode(emulator, username)) });
    await signedIn(flow);
    expect(flow.requests()).toBe(3);
  });

  it('refuses a factor Cognito did not offer without a request', async () => {
    const flow = run('pw');
    await atSelectChallenge(flow);
    select(flow, 'WEB_AUTHN');
    expect(flow.actor.getSnapshot().matches({ SELECT_CHALLENGE: 'awaitingInput' })).toBe(true);
    select(flow, 'PASSWORD');
    expect(flow.actor.getSnapshot().matches({ SELECT_CHALLENGE: 'awaitingInput' })).toBe(true);
    expect(flow.requests()).toBe(1);
    flow.actor.stop();
  });
});

describe('WEB_AUTHN', () => {
  it('signs in with the passkey alone in three requests; no challenge, credential or Session in any snapshot', async () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    await registerPasskey('key', authenticator);
    const { port, seen } = softWebAuthnPort(authenticator);
    const flow = run('key', port);
    expect(await atSelectChallenge(flow)).toContain('WEB_AUTHN');
    select(flow, 'WEB_AUTHN');
    const done = await signedIn(flow);
    expect(done.output?.claims.username).toBe('key');
    expect(flow.requests()).toBe(3);
    expect(seen).toHaveLength(2);
    for (const value of seen) expect(flow.snapshots.some((s) => containsSecret(s, value))).toBe(false);
    expect(flow.snapshots.some((s) => s.includes('CREDENTIAL_REQUEST_OPTIONS'))).toBe(false);
  });

  it('a closed dialog (NotAllowedError) waits for a retry with the same Session, then signs in', async () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    await registerPasskey('closed', authenticator);
    const flow = run('closed', softWebAuthnPort(authenticator, { refuse: true }).port);
    await atSelectChallenge(flow);
    select(flow, 'WEB_AUTHN');
    const waiting = await waitFor(flow.actor, (s) => s.matches({ WEB_AUTHN: 'awaitingRetry' }));
    expect(waiting.context.error?.code).toBe('NotAllowedError');
    flow.actor.send({ type: 'webAuthn.retry' });
    await signedIn(flow);
    expect(flow.requests()).toBe(3);
  });

  it('a deleted passkey is refused: back to credentials with NotAuthorizedException', async () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    const accessToken = await registerPasskey('gone', authenticator);
    const other = new SoftAuthenticator({ origin: ORIGIN });
    await createCognitoHttp({ endpoint: emulator.url }).call('CompleteWebAuthnRegistration', {
      AccessToken: accessToken,
      Credential: other.create(
        (
          await createCognitoHttp({ endpoint: emulator.url }).call('StartWebAuthnRegistration', {
            AccessToken: accessToken,
          })
        ).CredentialCreationOptions as { challenge: string; rp: { id?: string } },
      ),
    });
    await createCognitoHttp({ endpoint: emulator.url }).call('DeleteWebAuthnCredential', {
      AccessToken: accessToken,
      CredentialId: authenticator.id,
    });
    const flow = run('gone', softWebAuthnPort(authenticator).port);
    await atSelectChallenge(flow);
    select(flow, 'WEB_AUTHN');
    const refused = await waitFor(flow.actor, (s) => s.matches('credentials') && s.context.error !== null);
    expect(refused.context.error?.code).toBe('NotAuthorizedException');
    expect(refused.context.attempt).toEqual({ kind: 'none' });
  });

  it('a passkey signed for another RP id is refused', async () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    await registerPasskey('other', authenticator);
    const flow = run('other', softWebAuthnPort(authenticator, { rpId: 'evil.example' }).port);
    await atSelectChallenge(flow);
    select(flow, 'WEB_AUTHN');
    const refused = await waitFor(flow.actor, (s) => s.matches('credentials') && s.context.error !== null);
    expect(refused.context.error?.code).toBe('NotAuthorizedException');
  });

  it('a replayed assertion is refused', async () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    await registerPasskey('replay', authenticator);
    const { port, seen } = softWebAuthnPort(authenticator);
    const first = run('replay', port);
    await atSelectChallenge(first);
    select(first, 'WEB_AUTHN');
    await signedIn(first);
    const replayed = seen[1] ?? '';
    const replay = run('replay', { getCredential: () => Promise.resolve(secret(replayed)) });
    await atSelectChallenge(replay);
    select(replay, 'WEB_AUTHN');
    const refused = await waitFor(replay.actor, (s) => s.matches('credentials') && s.context.error !== null);
    expect(refused.context.error?.code).toBe('NotAuthorizedException');
  });

  it('without a WebAuthn port the user is told passkeys are unavailable here', async () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    await registerPasskey('bare', authenticator);
    const bare = run('bare');
    await atSelectChallenge(bare);
    select(bare, 'WEB_AUTHN');
    const refused = await waitFor(bare.actor, (s) => s.matches('credentials') && s.context.error !== null);
    expect(refused.context.error?.code).toBe('WebAuthnUnavailable');
  });
});
