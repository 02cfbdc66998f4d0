// Drives our session machine and its sign-in child like a user would (codes from the emulator's outbox or a TOTP app) until signed in.
import { Secret as TotpSecret, TOTP } from 'otpauth';
import { createActor, waitFor, type SnapshotFrom } from 'xstate';
import {
  assertAttempt,
  createSessionMachine,
  secret,
  type signInMachine,
  type DeviceStore,
  type PreferredChallenge,
  type SignInFlow,
  type WebAuthnPort,
} from '../machines/index.ts';
import { createCognitoHttp } from '../src/adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../src/adapters/deviceStore.ts';
import { createFastSrp } from '../src/adapters/srpFast.ts';
import { createMemoryTokenStore } from '../src/adapters/tokenStore.ts';

type Machine = ReturnType<typeof createSessionMachine>;
type Snapshot = SnapshotFrom<Machine>;
type SignInSnapshot = SnapshotFrom<typeof signInMachine>;

const TIMEOUT = { timeout: 20_000 };

export interface UserScript {
  readonly username: string;
  readonly password: string;
  /** Base32 TOTP secret of an enrolled authenticator app. */
  readonly totpSecret?: string;
  readonly newPassword?: string;
  readonly newPasswordAttributes?: Readonly<Record<string, string>>;
  readonly customAnswer?: string;
  readonly mfaType?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
  readonly rememberDevice?: boolean;
  /** SELECT_CHALLENGE: the factor the user picks (PASSWORD and PASSWORD_SRP send the password with it). */
  readonly factor?: PreferredChallenge;
}

export interface DriveOptions {
  readonly emulatorUrl: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly authFlow?: SignInFlow;
  /** USER_AUTH's first factor (the machine's default is PASSWORD_SRP). */
  readonly preferredChallenge?: PreferredChallenge | null;
  readonly deviceTracking?: boolean;
  readonly deviceStore?: DeviceStore;
  /** The passkey ceremony (a software authenticator in Node). */
  readonly webAuthn?: WebAuthnPort;
}

const totp = (base32: string): string => new TOTP({ secret: TotpSecret.fromBase32(base32) }).generate();

function isMessageList(value: unknown): value is { username?: unknown; code?: unknown }[] {
  return Array.isArray(value);
}

/** The newest one-time code the emulator "sent" to this user. */
async function outboxCode(emulatorUrl: string, username: string): Promise<string> {
  const response = await fetch(new URL('/_emulator/messages', emulatorUrl));
  const messages: unknown = await response.json();
  if (!isMessageList(messages)) throw new Error('the outbox is not a list');
  const mine = messages.filter((m) => m.username === username);
  const code = mine.at(-1)?.code;
  if (typeof code !== 'string') throw new Error(`no code in the outbox for ${username}`);
  return code;
}

/** The session and its sign-in child both wait for the user (or the session is signed in). */
async function settled(actor: ReturnType<typeof createActor<Machine>>): Promise<Snapshot> {
  for (;;) {
    const session = await waitFor(actor, (s) => !s.hasTag('busy'), TIMEOUT);
    const child = session.matches('signedOut') ? session.children.signIn : undefined;
    if (!child?.getSnapshot().hasTag('busy')) return session;
    await waitFor(child, (s) => !s.hasTag('busy'), TIMEOUT);
  }
}

/** What the user does next, or 'done' once the session is signed in. */
async function nextMove(
  actor: ReturnType<typeof createActor<Machine>>,
  session: Snapshot,
  user: UserScript,
  options: DriveOptions,
): Promise<'done' | 'sent'> {
  if (session.matches({ signedIn: 'active' })) return 'done';
  if (session.matches({ signedIn: 'rememberDevice' })) {
    actor.send({ type: 'device.remember', remember: user.rememberDevice ?? false });
    return 'sent';
  }
  const child = session.children.signIn;
  if (!session.matches('signedOut') || child === undefined)
    throw new Error(`stuck in ${JSON.stringify(session.value)}`);
  const send = child.send.bind(child);
  const snapshot: SignInSnapshot = child.getSnapshot();
  if (snapshot.matches('credentials')) {
    if (snapshot.context.error !== null && snapshot.context.username !== '')
      throw new Error(`sign-in failed: ${snapshot.context.error.code}`);
    send({ type: 'credentials.submit', username: user.username, password: secret(user.password) });
  } else if (
    snapshot.matches({ SMS_MFA: 'awaitingInput' }) ||
    snapshot.matches({ SMS_OTP: 'awaitingInput' }) ||
    snapshot.matches({ EMAIL_OTP: 'awaitingInput' })
  ) {
    send({ type: 'code.submit', code: secret(await outboxCode(options.emulatorUrl, user.username)) });
  } else if (snapshot.matches({ SOFTWARE_TOKEN_MFA: 'awaitingInput' })) {
    if (user.totpSecret === undefined) throw new Error('SOFTWARE_TOKEN_MFA without a TOTP secret');
    send({ type: 'code.submit', code: secret(totp(user.totpSecret)) });
  } else if (snapshot.matches({ SELECT_CHALLENGE: 'awaitingInput' })) {
    const factor = user.factor ?? 'PASSWORD_SRP';
    const withPassword = factor === 'PASSWORD' || factor === 'PASSWORD_SRP';
    send({ type: 'challenge.select', challenge: factor, ...(withPassword ? { password: secret(user.password) } : {}) });
  } else if (snapshot.matches({ SELECT_MFA_TYPE: 'awaitingInput' })) {
    send({ type: 'mfaType.select', mfaType: user.mfaType ?? 'SOFTWARE_TOKEN_MFA' });
  } else if (snapshot.matches({ MFA_SETUP: 'awaitingInput' })) {
    const setup = assertAttempt(snapshot.context.attempt, 'MFA_SETUP').totpSetup;
    if (setup === null) throw new Error('MFA_SETUP without a secret');
    send({ type: 'code.submit', code: secret(totp(setup.secretCode.reveal())) });
  } else if (snapshot.matches({ NEW_PASSWORD_REQUIRED: 'awaitingInput' })) {
    send({
      type: 'newPassword.submit',
      password: secret(user.newPassword ?? 'N3w!Passw0rd'),
      attributes: { ...user.newPasswordAttributes },
    });
  } else if (snapshot.matches({ CUSTOM_CHALLENGE: 'awaitingInput' })) {
    send({ type: 'customChallenge.submit', answer: secret(user.customAnswer ?? '') });
  } else {
    const error = snapshot.context.error;
    throw new Error(`stuck in ${JSON.stringify(snapshot.value)}${error === null ? '' : ` (${error.code})`}`);
  }
  return 'sent';
}

export interface SignedInActor {
  readonly actor: ReturnType<typeof createActor<Machine>>;
  stop(): void;
}

/** Signs one user in through the session machine with the real adapters (fetch transport, fast SRP, memory stores) against the emulator. */
export async function driveSignIn(user: UserScript, options: DriveOptions): Promise<SignedInActor> {
  // The same adapters the widget's browserPorts() composes: fetch transport, fast SRP, memory stores.
  const ports = {
    cognito: createCognitoHttp({ endpoint: options.emulatorUrl, clientId: options.clientId }),
    srp: createFastSrp(),
    tokens: createMemoryTokenStore(),
    devices: options.deviceStore ?? createMemoryDeviceStore(),
    deviceName: 'bench',
    ...(options.webAuthn === undefined ? {} : { webAuthn: options.webAuthn }),
  };
  const actor = createActor(createSessionMachine(ports), {
    input: {
      userPoolId: options.userPoolId,
      clientId: options.clientId,
      authFlow: options.authFlow ?? 'USER_SRP_AUTH',
      ...(options.preferredChallenge === undefined ? {} : { preferredChallenge: options.preferredChallenge }),
      deviceTracking: options.deviceTracking ?? false,
      // REFRESH_TOKEN_AUTH, as the refresh round-trip row counts it.
      refresh: 'legacy',
    },
  });
  actor.start();
  try {
    for (let moves = 0; moves < 20; moves++) {
      const session = await settled(actor);
      if ((await nextMove(actor, session, user, options)) === 'done') return { actor, stop: () => actor.stop() };
    }
    throw new Error('no sign-in after 20 moves');
  } catch (error) {
    actor.stop();
    throw error;
  }
}

/** How many AWS requests the emulator has logged so far (GET /_emulator/requests). */
export async function requestCount(emulatorUrl: string): Promise<number> {
  const response = await fetch(new URL('/_emulator/requests', emulatorUrl));
  const log: unknown = await response.json();
  if (!Array.isArray(log)) throw new Error('the request log is not a list');
  return log.length;
}

/** The request log's targets after a given index, for notes. */
export async function requestTargets(emulatorUrl: string, from: number): Promise<string[]> {
  const response = await fetch(new URL('/_emulator/requests', emulatorUrl));
  const log: unknown = await response.json();
  if (!Array.isArray(log)) throw new Error('the request log is not a list');
  return log
    .slice(from)
    .map((entry: unknown) =>
      typeof entry === 'object' && entry !== null && 'target' in entry && typeof entry.target === 'string'
        ? entry.target.replace(/^.*\./, '')
        : '?',
    );
}
