// Model-based e2e: @xstate/graph walks the sign-in and session machines' shortest paths; each is replayed through the
// widget. Cognito's answers in the walk are canned; in the browser they come from the emulator, so the path picks the
// user. Sign-in walks: the password flows (USER_SRP_AUTH), passwordless USER_AUTH with SMS_OTP (the only way to
// SMS_OTP), and choice-based USER_AUTH (SELECT_CHALLENGE → WEB_AUTHN, a passkey on the kit's virtual authenticator).
// The session walk takes the sign-in as one step (its output) and goes on to the device question, refresh, sign-out.
// On the way every view is checked twice over: axe finds no violations (on the first walk that shows it), and no
// password, Session, token, code or answer is in the page's console, storage, cookies, DOM, inputs or URLs.
import { readdir, readFile } from 'node:fs/promises';
import { getShortestPaths } from '@xstate/graph';
import type { StatePath, TraversalOptions } from '@xstate/graph';
import { transition, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type StateValue } from 'xstate';
import type { SignInInput } from '../../machines/index.ts';
import { secret, sessionMachine, signInMachine } from '../../machines/index.ts';
import { expectNoViolations } from './axe.ts';
import { expect, test as base, type DemoPath, type FreshUser } from './fixtures.ts';
import { passkeyFixtures, type VirtualCredential, type WidgetStep } from '../kit/index.ts';
import { demoPort } from './demoBuild.ts';
import { watchLeaks } from './leakWatch.ts';

const test = base.extend(passkeyFixtures);

const QUESTION = 'What is 6 × 7?';
const NEW_PASSWORD = 'N3w-passw0rd!model';

// ---- the walk -------------------------------------------------------------------------------------------------

const tokens = {
  idToken: secret('id'),
  accessToken: secret('access'),
  refreshToken: secret('refresh'),
  expiresAt: Number.MAX_SAFE_INTEGER,
};
const claims = { sub: 's', username: 'u', email: null, phoneNumber: null, groups: [], authTime: null, expiresAt: null };
const device = { deviceKey: 'us-east-1_d', deviceGroupKey: 'g', devicePassword: secret('p') };
const ephemeral = { srpA: 'a', a: secret('a') };

function challenge(challengeName: string, challengeParameters: Record<string, string> = {}) {
  return {
    step: { kind: 'challenge', challengeName, challengeParameters, session: secret('s'), availableChallenges: [] },
    srp: null,
  };
}
const signedIn = (newDevice: boolean) => ({
  step: { kind: 'tokens', tokens, claims, newDevice: newDevice ? device : null },
  srp: null,
});
/** SELECT_CHALLENGE as Cognito sends it to a user with a passkey. */
const selectChallenge = {
  step: {
    kind: 'challenge',
    challengeName: 'SELECT_CHALLENGE',
    challengeParameters: {},
    session: secret('s'),
    availableChallenges: ['WEB_AUTHN', 'PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
  },
  srp: null,
};
const webAuthnChallenge = {
  step: {
    kind: 'challenge',
    challengeName: 'WEB_AUTHN',
    challengeParameters: {},
    session: secret('s'),
    availableChallenges: [],
    credentialRequestOptions: secret('{"challenge":"c"}'),
  },
  srp: null,
};
/** The browser's answer when the user closes the passkey dialog. */
const dialogClosed = new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
const codeMismatch = { __type: 'CodeMismatchException', message: 'Invalid code received for user' };
const sessionDied = { __type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

/** What Cognito may answer the PASSWORD_VERIFIER claim with: one answer per sign-in path of the demo pool. */
const AFTER_PASSWORD = [
  signedIn(true),
  challenge('SMS_MFA', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0100' }),
  challenge('SOFTWARE_TOKEN_MFA'),
  challenge('EMAIL_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'e***@e***' }),
  challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }),
  challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }),
  challenge('NEW_PASSWORD_REQUIRED', { requiredAttributes: '["userAttributes.name"]', userAttributes: '{}' }),
  challenge('CUSTOM_CHALLENGE', { question: QUESTION }),
];

/** A machine event or an actor's done/error event, as the walk sends them. */
type WalkEvent = { readonly type: string } & Readonly<Record<string, unknown>>;

function hasDevice(snapshot: AnyMachineSnapshot): boolean {
  const context: unknown = snapshot.context;
  return typeof context === 'object' && context !== null && 'device' in context && context.device !== null;
}

function isPasswordless(snapshot: AnyMachineSnapshot): boolean {
  const context: unknown = snapshot.context;
  return (
    typeof context === 'object' &&
    context !== null &&
    'preferredChallenge' in context &&
    context.preferredChallenge === 'SMS_OTP'
  );
}

function isChoice(snapshot: AnyMachineSnapshot): boolean {
  const context: unknown = snapshot.context;
  return (
    typeof context === 'object' &&
    context !== null &&
    'preferredChallenge' in context &&
    context.preferredChallenge === null
  );
}

/** The device a snapshot's context holds, if any. */
function heldDevice(snapshot: AnyMachineSnapshot): unknown {
  const context: unknown = snapshot.context;
  return typeof context === 'object' && context !== null && 'device' in context ? context.device : null;
}

/** The sign-in as the session machine receives it: its child's output; a device seen before needs no confirming. */
const signInOutput = (held: unknown) => ({
  username: 'u',
  loginName: 'u',
  tokens,
  claims,
  device: held,
  newDevice: held === null ? { deviceKey: device.deviceKey, deviceGroupKey: device.deviceGroupKey } : null,
});

/** The events a user or Cognito can cause in `snapshot`; actor answers are addressed to the running child. */
function nextEvents(snapshot: AnyMachineSnapshot): WalkEvent[] {
  const children: unknown = snapshot.children;
  // The session's tab listener runs throughout; answers go to the call (or sign-in) the state runs.
  const child =
    typeof children === 'object' && children !== null ? Object.keys(children).find((id) => id !== 'tabs') : undefined;
  const done = (output: unknown): WalkEvent[] =>
    child === undefined ? [] : [{ type: `xstate.done.actor.${child}`, output }];
  const error = (thrown: unknown): WalkEvent[] =>
    child === undefined ? [] : [{ type: `xstate.error.actor.${child}`, error: thrown }];
  const m = (value: StateValue): boolean => snapshot.matches(value);
  if (snapshot.machine === sessionMachine) return sessionEvents(snapshot, m, done);
  if (m('credentials')) return [{ type: 'credentials.submit', username: 'u', password: secret('p') }];
  if (isChoice(snapshot)) {
    // Choice-based sign-in walks only to its own states; what follows the sign-in the other walks cover.
    if (m('initiatingAuth')) return done(selectChallenge);
    if (m({ SELECT_CHALLENGE: 'awaitingInput' })) return [{ type: 'challenge.select', challenge: 'WEB_AUTHN' }];
    if (m({ SELECT_CHALLENGE: 'responding' })) return done(webAuthnChallenge);
    if (m({ WEB_AUTHN: 'authenticating' })) return [...done(secret('{"id":"c"}')), ...error(dialogClosed)];
    if (m({ WEB_AUTHN: 'awaitingRetry' })) return [{ type: 'webAuthn.retry' }];
    if (m({ WEB_AUTHN: 'responding' })) return done(signedIn(true));
    return [];
  }
  if (m('initiatingAuth') && isPasswordless(snapshot)) {
    return done(
      challenge('SMS_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0100' }),
    );
  }
  // This browser may hold a device from an earlier sign-in (the replay remembers one first).
  if (m('initiatingAuth'))
    return [
      ...done({ ...challenge('PASSWORD_VERIFIER', { USER_ID_FOR_SRP: 'u' }), srp: ephemeral }),
      ...done({ ...challenge('PASSWORD_VERIFIER', { USER_ID_FOR_SRP: 'u' }), srp: ephemeral, device }),
    ];
  if (m('PASSWORD_VERIFIER'))
    return hasDevice(snapshot) ? done(challenge('DEVICE_SRP_AUTH')) : AFTER_PASSWORD.flatMap(done);
  if (m('DEVICE_SRP_AUTH')) return done({ ...challenge('DEVICE_PASSWORD_VERIFIER'), srp: ephemeral });
  if (m('DEVICE_PASSWORD_VERIFIER')) return done(signedIn(false));
  for (const step of ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'SMS_OTP']) {
    if (m({ [step]: 'awaitingInput' })) return [{ type: 'code.submit', code: secret('123456') }];
    // A device this browser already confirmed gets no NewDeviceMetadata (passwordless SMS_OTP can follow a sign-out).
    if (m({ [step]: 'responding' }))
      return [...done(signedIn(!hasDevice(snapshot))), ...error(codeMismatch), ...error(sessionDied)];
  }
  if (m({ SELECT_MFA_TYPE: 'awaitingInput' })) return [{ type: 'mfaType.select', mfaType: 'SOFTWARE_TOKEN_MFA' }];
  if (m({ SELECT_MFA_TYPE: 'responding' })) return done(challenge('SOFTWARE_TOKEN_MFA'));
  if (m({ MFA_SETUP: { associating: 'calling' } }))
    return done({ secretCode: secret('JBSWY3DPEHPK3PXP'), session: secret('s') });
  if (m({ MFA_SETUP: 'awaitingInput' })) return [{ type: 'code.submit', code: secret('123456') }];
  if (m({ MFA_SETUP: 'verifying' })) return done({ session: secret('s') });
  if (m({ MFA_SETUP: 'responding' })) return done(signedIn(true));
  if (m({ NEW_PASSWORD_REQUIRED: 'awaitingInput' }))
    return [{ type: 'newPassword.submit', password: secret('p'), attributes: { name: 'n' } }];
  if (m({ CUSTOM_CHALLENGE: 'awaitingInput' })) return [{ type: 'customChallenge.submit', answer: secret('42') }];
  if (m({ NEW_PASSWORD_REQUIRED: 'responding' }) || m({ CUSTOM_CHALLENGE: 'responding' })) return done(signedIn(true));
  if (m('sessionExpired')) return [{ type: 'signIn.restart' }];
  return [];
}

/** The session around the sign-in: a sign-in (the child's output), then what the signed-in user and Cognito do. */
function sessionEvents(
  snapshot: AnyMachineSnapshot,
  m: (value: StateValue) => boolean,
  done: (output: unknown) => WalkEvent[],
): WalkEvent[] {
  // The demo's in-memory token store holds nothing at page load.
  if (m('restoring')) return done(null);
  // A device this browser already confirmed gets no NewDeviceMetadata.
  if (m('signedOut')) return done(signInOutput(heldDevice(snapshot)));
  if (m({ signedIn: 'confirmingDevice' })) return done({ device, userConfirmationNecessary: true });
  if (m({ signedIn: 'rememberDevice' }))
    return [
      { type: 'device.remember', remember: true },
      { type: 'device.remember', remember: false },
    ];
  if (m({ signedIn: 'updatingDeviceStatus' })) return done(null);
  if (m({ signedIn: 'active' }))
    return [
      { type: 'signOut' },
      { type: 'signOut', scope: 'global' },
      { type: 'tokens.refresh' },
      { type: 'device.forget' },
    ];
  if (m({ signedIn: 'refreshing' })) {
    const refreshed = { refreshCall: 'rotation', username: 'u', tokens, claims, clockDrift: 0 };
    return done({ kind: 'refreshed', ...refreshed, device: heldDevice(snapshot) });
  }
  if (m({ signedIn: 'forgettingDevice' }) || m('signingOut')) return done(null);
  return [];
}

// Upcasts, so the walk may send the actors done/error events the machines' own event unions leave out.
const machine: AnyStateMachine = signInMachine;
const session: AnyStateMachine = sessionMachine;
// Typed for the events the walk really sends (the library types them from the machine, here `any`).
const walk: (
  logic: AnyStateMachine,
  options: TraversalOptions<AnyMachineSnapshot, WalkEvent, unknown>,
) => StatePath<AnyMachineSnapshot, WalkEvent>[] = getShortestPaths;
const demoInput: SignInInput = { userPoolId: 'us-east-1_DemoPool1', clientId: 'demoappclient0000000000001' };
const serializeState = (snapshot: AnyMachineSnapshot) =>
  `${JSON.stringify(snapshot.value)}${hasDevice(snapshot) ? ' with device' : ''}`;
const paths = [
  ...[
    demoInput,
    { ...demoInput, authFlow: 'USER_AUTH', preferredChallenge: 'SMS_OTP' } satisfies SignInInput,
    { ...demoInput, authFlow: 'USER_AUTH', preferredChallenge: null } satisfies SignInInput,
  ].flatMap((input) => walk(machine, { input, events: nextEvents, serializeState })),
  ...walk(session, { input: demoInput, events: nextEvents, serializeState }),
];

/** Leaf state ids of a machine, e.g. `signIn.SMS_MFA.awaitingInput`, `session.signedIn.active`. */
function leafIds(node: AnyStateNode): string[] {
  const children = Object.values(node.states);
  return children.length === 0 ? [node.id] : children.flatMap(leafIds);
}

function activeLeaf(snapshot: AnyMachineSnapshot): string {
  const leaves = new Set(leafIds(snapshot.machine.root));
  const ids = snapshot._nodes.map((node) => node.id).filter((id) => leaves.has(id));
  return ids.join(',');
}

/** The state node of either machine, by id. */
function stateNode(id: string): AnyStateNode {
  return (id.startsWith('session.') ? session : machine).getStateNodeById(id);
}

/**
 * Every leaf state and how the widget shows it. A new state fails the suite until it gets an entry here and a
 * way to reach it in `drive`. Eventless states (`always`) are passed through, never rested in.
 */
const VIEW: Record<string, WidgetStep | 'passing'> = {
  'signIn.credentials': 'credentials',
  'signIn.initiatingAuth': 'passing',
  'signIn.nextStep': 'passing',
  'signIn.PASSWORD_VERIFIER.responding': 'passing',
  'signIn.SMS_MFA.awaitingInput': 'SMS_MFA',
  'signIn.SMS_MFA.responding': 'passing',
  'signIn.SOFTWARE_TOKEN_MFA.awaitingInput': 'SOFTWARE_TOKEN_MFA',
  'signIn.SOFTWARE_TOKEN_MFA.responding': 'passing',
  'signIn.EMAIL_OTP.awaitingInput': 'EMAIL_OTP',
  'signIn.EMAIL_OTP.responding': 'passing',
  // Passwordless USER_AUTH: the widget shows the same text-message code step as SMS_MFA.
  'signIn.SMS_OTP.awaitingInput': 'SMS_MFA',
  'signIn.SMS_OTP.responding': 'passing',
  'signIn.SELECT_MFA_TYPE.awaitingInput': 'SELECT_MFA_TYPE',
  'signIn.SELECT_MFA_TYPE.responding': 'passing',
  'signIn.MFA_SETUP.associating.checking': 'passing',
  'signIn.MFA_SETUP.associating.calling': 'passing',
  'signIn.MFA_SETUP.awaitingInput': 'MFA_SETUP',
  'signIn.MFA_SETUP.verifying': 'passing',
  'signIn.MFA_SETUP.responding': 'passing',
  'signIn.NEW_PASSWORD_REQUIRED.awaitingInput': 'NEW_PASSWORD_REQUIRED',
  'signIn.NEW_PASSWORD_REQUIRED.responding': 'passing',
  'signIn.CUSTOM_CHALLENGE.awaitingInput': 'CUSTOM_CHALLENGE',
  'signIn.CUSTOM_CHALLENGE.responding': 'passing',
  // Choice-based sign-in (the demo's "Choose how to sign in" flow), a passkey picked.
  'signIn.SELECT_CHALLENGE.awaitingInput': 'SELECT_CHALLENGE',
  'signIn.SELECT_CHALLENGE.responding': 'passing',
  'signIn.WEB_AUTHN.authenticating': 'passing',
  // The user closed the passkey dialog: the step stays, with "Try the passkey again".
  'signIn.WEB_AUTHN.awaitingRetry': 'WEB_AUTHN',
  'signIn.WEB_AUTHN.responding': 'passing',
  'signIn.DEVICE_SRP_AUTH.responding': 'passing',
  'signIn.DEVICE_PASSWORD_VERIFIER.responding': 'passing',
  'signIn.sessionExpired': 'sessionExpired',
  // The tokens: the session takes them (its walk below shows what the widget does next).
  'signIn.done': 'passing',
  // Every page load passes through here: the demo's in-memory token store has nothing to restore.
  'session.restoring': 'passing',
  // Signed out, the sign-in child shows its credentials form.
  'session.signedOut': 'credentials',
  'session.signedIn.confirmingDevice': 'passing',
  'session.signedIn.rememberDevice': 'rememberDevice',
  'session.signedIn.updatingDeviceStatus': 'passing',
  'session.signedIn.active': 'signedIn',
  // Refreshing runs in the background while the signed-in view stays (reached by moving the browser's clock).
  'session.signedIn.refreshing': 'passing',
  // "Forget this device" on the signed-in view.
  'session.signedIn.forgettingDevice': 'passing',
  'session.signingOut.revokingToken': 'passing',
  'session.signingOut.signingOutGlobally': 'passing',
};

// Another tab's sign-in or sign-out (sessionTabs.spec.ts) and a refresh while Cognito is unreachable
// (sessionClock.spec.ts): one page of the widget cannot cause them; e2e/specs/session.test.ts walks them in Node.
const NOT_IN_WIDGET: ReadonlySet<string> = new Set(['session.signedIn.syncing', 'session.signedIn.offline']);

test('every state of the sign-in and session machines has a way to be shown in the widget', () => {
  const leaves = [...leafIds(machine.root), ...leafIds(session.root)];
  expect(leaves.filter((id) => !(id in VIEW) && !NOT_IN_WIDGET.has(id))).toEqual([]);
});

test('every challenge of the sign-in machine has a user story spec of its own', async () => {
  // Challenge states are named verbatim after ChallengeName (upper case); each must be named by a story spec.
  const challenges = Object.keys(machine.root.states).filter((name) => /^[A-Z_]+$/.test(name));
  const dir = new URL('.', import.meta.url);
  const specs = (await readdir(dir)).filter((file) => file.endsWith('.spec.ts') && file !== 'modelBased.spec.ts');
  const texts = await Promise.all(specs.map((file) => readFile(new URL(file, dir), 'utf8')));
  expect(challenges.length).toBeGreaterThan(10);
  expect(challenges.filter((name) => !texts.some((text) => text.includes(name)))).toEqual([]);
});

// ---- replaying a path in the browser ----------------------------------------------------------------------

type Step = StatePath<AnyMachineSnapshot, WalkEvent>['steps'][number];

function output(step: Step | undefined): unknown {
  return step?.event.output;
}

function challengeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('step' in value)) return undefined;
  const { step } = value;
  return typeof step === 'object' && step !== null && 'challengeName' in step && typeof step.challengeName === 'string'
    ? step.challengeName
    : undefined;
}

/** The demo user whose pool answers match the walk's canned answer to the first PASSWORD_VERIFIER claim. */
function pathUser(steps: readonly Step[]): DemoPath {
  const firstAnswer = steps
    .map((step) => challengeOf(output(step)))
    .find((name) => name !== undefined && name !== 'PASSWORD_VERIFIER');
  const byChallenge: Record<string, DemoPath> = {
    SMS_MFA: 'sms',
    SOFTWARE_TOKEN_MFA: 'totp',
    EMAIL_OTP: 'email',
    SELECT_MFA_TYPE: 'selectMfa',
    MFA_SETUP: 'mfaSetup',
    NEW_PASSWORD_REQUIRED: 'newPassword',
    CUSTOM_CHALLENGE: 'custom',
    SMS_OTP: 'passwordless',
    SELECT_CHALLENGE: 'passkey',
  };
  return (firstAnswer === undefined ? undefined : byChallenge[firstAnswer]) ?? 'srp';
}

/** The demo's sign-in flow (`?authFlow=`) a path's user needs, when not the default USER_SRP_AUTH. */
const DEMO_FLOW: Partial<Record<DemoPath, string>> = {
  custom: 'CUSTOM_AUTH_SRP',
  passwordless: 'USER_AUTH',
  passkey: 'choice',
};

/** The answer to this InitiateAuth carries a device: this browser remembered one at an earlier sign-in. */
function bringsDevice(step: Step | undefined): boolean {
  const answer = output(step);
  return typeof answer === 'object' && answer !== null && 'device' in answer && answer.device != null;
}

function errorType(step: Step | undefined): string | undefined {
  const thrown = step?.event.error;
  if (thrown instanceof DOMException) return thrown.name;
  return typeof thrown === 'object' && thrown !== null && '__type' in thrown && typeof thrown.__type === 'string'
    ? thrown.__type
    : undefined;
}

function describePath(steps: readonly Step[]): string {
  return steps.map((step) => step.event.type.replace(/^xstate\.(done|error)\.actor\.0\.signIn\./, '$1:')).join(' → ');
}

function resting(snapshot: AnyMachineSnapshot): boolean {
  const view = VIEW[activeLeaf(snapshot)];
  return typeof view === 'string' && view !== 'passing';
}

/** A path ending in a state the user never rests in, continued with Cognito's first answer until one they do. */
function untilResting(path: StatePath<AnyMachineSnapshot, WalkEvent>): Step[] {
  const steps = [...path.steps];
  let state = path.state;
  while (!resting(state) && steps.length < 40) {
    const event = nextEvents(state)[0];
    if (event === undefined) break;
    [state] = transition(state.machine, state, event);
    steps.push({ event, state });
  }
  return steps;
}

const leavesOf = (steps: readonly Step[]) => new Set(steps.map((step) => activeLeaf(step.state)));

interface DrivenPath {
  readonly name: string;
  readonly steps: readonly Step[];
}

/**
 * Every shortest path, continued until the user rests somewhere; then the fewest of them (longest first) that
 * together pass through every state, so the browser replays each state at least once without repeating itself.
 */
const candidates: DrivenPath[] = paths
  .map((path) => {
    const steps = untilResting(path);
    const last = steps.at(-1)?.state ?? path.state;
    const through = activeLeaf(path.state);
    const to = activeLeaf(last);
    return { name: through === to ? to : `${through} to ${to}`, steps };
  })
  .sort((a, b) => b.steps.length - a.steps.length);
const driven: DrivenPath[] = [];
const covered = new Set<string>();
for (const candidate of candidates) {
  const leaves = leavesOf(candidate.steps);
  if ([...leaves].every((leaf) => covered.has(leaf))) continue;
  driven.push(candidate);
  for (const leaf of leaves) covered.add(leaf);
}

/** A view as axe sees it: the step and any error shown; the credentials form differs only when passwordless. */
function viewKey(kind: DemoPath, view: WidgetStep, step: Step): string {
  const form = view === 'credentials' && kind === 'passwordless' ? ['passwordless'] : [];
  return [view, ...form, errorType(step) ?? 'no error'].join(', ');
}

/** Cognito's last answer had NewDeviceMetadata: the session asks "Remember this device?" before the signed-in view. */
function withNewDevice(step: Step): boolean {
  const answer = output(step);
  if (typeof answer !== 'object' || answer === null || !('step' in answer)) return false;
  const { step: authStep } = answer;
  return typeof authStep === 'object' && authStep !== null && 'newDevice' in authStep && authStep.newDevice != null;
}

function restingView(step: Step): WidgetStep | undefined {
  // The sign-in ended: the widget shows what its session does with the tokens.
  if (activeLeaf(step.state) === 'signIn.done') return withNewDevice(step) ? 'rememberDevice' : 'signedIn';
  const view = VIEW[activeLeaf(step.state)];
  return typeof view === 'string' && view !== 'passing' ? view : undefined;
}

/**
 * Each view is checked with axe once, on the first walk that shows it (the first check on a page costs about half a
 * second of CPU, loading axe-core).
 */
const axeChecksByPath = new Map<DrivenPath, Set<string>>();
const axeAssigned = new Set<string>();
for (const path of driven) {
  const kind = pathUser(path.steps);
  const mine = new Set<string>();
  for (const step of path.steps) {
    const view = restingView(step);
    if (view === undefined) continue;
    const key = viewKey(kind, view, step);
    if (axeAssigned.has(key)) continue;
    axeAssigned.add(key);
    mine.add(key);
  }
  axeChecksByPath.set(path, mine);
}

test('the walk reaches every state the widget can drive', () => {
  const reached = new Set(driven.flatMap((path) => [...leavesOf(path.steps)]));
  const eventless = (id: string) => (stateNode(id).always ?? []).length > 0;
  const missing = Object.entries(VIEW)
    .filter(([id]) => !reached.has(id) && !eventless(id))
    .map(([id]) => id);
  expect(missing).toEqual([]);
});

test('every view the widget shows for the machine is checked with axe by one walk', () => {
  const shown = new Set(Object.values(VIEW).filter((view) => view !== 'passing'));
  const checked = new Set([...axeAssigned].map((key) => key.split(', ')[0]));
  expect([...shown].filter((view) => !checked.has(view))).toEqual([]);
});

for (const path of driven) {
  test(`the widget walks the shortest path through ${path.name}`, async ({
    cognito,
    signInPage,
    users,
    outbox,
    totp,
    clock,
    page,
    passkey,
  }) => {
    const kind = pathUser(path.steps);
    const user: FreshUser = users.take(kind);
    test.info().annotations.push({ type: 'path', description: describePath(path.steps) });
    // The widget refreshes on the browser's clock, which Playwright can move only once it is installed before load.
    if (path.steps.some((step) => step.event.type === 'tokens.refresh')) await page.clock.install();
    const authFlow = DEMO_FLOW[kind];
    // Passkeys need the page on localhost (the demo pool's RP id) and one on the authenticator: made through the
    // widget after a password sign-in, then the page loads afresh (memory stores: no tokens, no device kept).
    const pagePath = kind === 'passkey' ? `http://localhost:${String(demoPort)}/` : '/';
    await signInPage.open(cognito, { path: pagePath, ...(authFlow === undefined ? {} : { authFlow }) });
    let removedPasskey: VirtualCredential | undefined;
    if (kind === 'passkey') {
      await signInPage.submitUsername(user.username);
      await signInPage.choosePassword(user.password);
      await signInPage.expectSignedIn();
      await page.getByRole('button', { name: signInPage.messages.createPasskey }).first().click();
      await expect(page.getByText(signInPage.messages.passkeyCreated)).toBeVisible({ timeout: signInPage.stepTimeout });
      await page.reload();
      await signInPage.expectStep('credentials');
    }
    const claims = page.getByRole('region', { name: 'ID token claims' });
    const expiry = claims
      .locator('div')
      .filter({ has: page.getByRole('term').getByText('exp', { exact: true }) })
      .getByRole('definition');
    let setupSecret = '';
    let pendingCode: string | undefined;
    const watcher = watchLeaks(page);
    // Everything secret the test typed or read; Session and tokens are collected from the responses.
    const typed: string[] = kind === 'passwordless' ? [] : [user.password];
    if (user.totpSecret !== undefined) typed.push(user.totpSecret);
    const axeHere = axeChecksByPath.get(path) ?? new Set<string>();
    test.info().annotations.push({ type: 'axe', description: [...axeHere].join('; ') || 'none' });
    const axeDone = new Set<string>();

    /** The widget rests on `view`: axe where this walk owns the view, then a look at every sink (but the set-up key). */
    const atView = async (view: WidgetStep, step: Step, label: string): Promise<void> => {
      const key = viewKey(kind, view, step);
      if (axeHere.has(key) && !axeDone.has(key)) {
        if (view === 'MFA_SETUP') await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
        await expectNoViolations(page, 'widget');
        axeDone.add(key);
      }
      // MFA_SETUP shows the authenticator key on purpose; every later view must have forgotten it.
      if (view !== 'MFA_SETUP') await watcher.capture(label);
    };

    for (const [index, step] of path.steps.entries()) {
      const next = path.steps[index + 1];
      const before = index === 0 ? undefined : path.steps[index - 1]?.state;
      const event = step.event;
      const label = `${String(index + 1)}. ${event.type}`;
      await test.step(label, async () => {
        switch (event.type) {
          case 'credentials.submit':
            if (bringsDevice(next)) {
              // The walk takes a remembered device as given: sign in once, remember this device, sign out.
              await signInPage.submitCredentials(user.username, user.password);
              await signInPage.expectStep('rememberDevice');
              await signInPage.rememberDevice(true);
              await signInPage.expectStep('signedIn');
              await signInPage.signOut();
              await signInPage.expectStep('credentials');
            }
            await (kind === 'passwordless'
              ? signInPage.requestSmsCode(user.username)
              : kind === 'passkey'
                ? signInPage.submitUsername(user.username)
                : signInPage.submitCredentials(user.username, user.password));
            break;
          case 'challenge.select': {
            // A closed dialog next: the passkey is off the authenticator, so navigator.credentials.get refuses.
            const closed = path.steps.slice(index + 1).some((later) => errorType(later) === 'NotAllowedError');
            if (closed) {
              removedPasskey = (await passkey.credentials())[0];
              if (removedPasskey !== undefined) await passkey.remove(removedPasskey.credentialId);
            }
            await signInPage.chooseFactor('WEB_AUTHN');
            break;
          }
          case 'webAuthn.retry':
            if (removedPasskey !== undefined) await passkey.add(removedPasskey);
            await signInPage.button(signInPage.messages.passkeyRetry).click();
            break;
          case 'code.submit': {
            const at = before === undefined ? '' : activeLeaf(before);
            const rightCode = async (): Promise<string> => {
              if (at.includes('MFA_SETUP')) return totp.code(setupSecret);
              if (at.includes('SOFTWARE_TOKEN_MFA')) return totp.code(user.totpSecret ?? '');
              pendingCode ??= await outbox.waitForCode(user.username, {
                channel: at.includes('EMAIL') ? 'EMAIL' : 'SMS',
              });
              return pendingCode;
            };
            const code = await rightCode();
            typed.push(code);
            if (errorType(next) === 'CodeMismatchException') {
              await signInPage.submitCode(code === '000000' ? '111111' : '000000');
              break;
            }
            if (errorType(next) === 'NotAuthorizedException') await clock.advance(3 * 60 + 1);
            pendingCode = undefined;
            await signInPage.submitCode(code);
            break;
          }
          case 'mfaType.select':
            await signInPage.chooseMfa('SOFTWARE_TOKEN_MFA');
            break;
          case 'newPassword.submit':
            typed.push(NEW_PASSWORD);
            await signInPage.submitNewPassword(NEW_PASSWORD, { name: 'Model Walker' });
            break;
          case 'customChallenge.submit':
            typed.push('42');
            await signInPage.submitAnswer(QUESTION, '42');
            break;
          case 'device.remember':
            await signInPage.rememberDevice(event.remember === true);
            break;
          case 'signOut':
            await (event.scope === 'global'
              ? signInPage.button('Sign out of all devices').click()
              : signInPage.signOut());
            break;
          case 'tokens.refresh': {
            // Past the refresh point (an hour's tokens, refreshed 5 min early) on both clocks: the browser's fires the
            // machine's timer, the emulator's stamps the new ID token, whose later `exp` the claims panel then shows.
            const expiredAt = await expiry.textContent();
            await clock.advance(56 * 60);
            await page.clock.fastForward('56:00');
            await expect(expiry).not.toHaveText(expiredAt ?? '');
            await signInPage.expectStep('signedIn');
            break;
          }
          case 'device.forget':
            await signInPage.button(signInPage.messages.forgetThisDevice).click();
            await expect(page.getByText(signInPage.messages.thisDeviceForgotten)).toBeVisible();
            break;
          case 'signIn.restart':
            // From sessionExpired the user presses "Start again".
            await signInPage.startAgain();
            break;
          case 'xstate.done.actor.signIn':
            // The session walk's sign-in, as the password user of the demo pool makes it.
            await signInPage.submitCredentials(user.username, user.password);
            break;
          default:
            // Cognito's (or the emulator's) answers: the view below is the step the machine rests in.
            break;
        }
        const view = restingView(step);
        if (view === undefined) return;
        await signInPage.expectStep(view);
        if (errorType(step) === 'CodeMismatchException') {
          await expect(signInPage.alert).toHaveText(signInPage.messages.errors.CodeMismatchException ?? '');
        }
        if (errorType(step) === 'NotAllowedError') {
          await expect(signInPage.alert).toHaveText(signInPage.messages.errors.NotAllowedError ?? '');
        }
        if (view === 'MFA_SETUP') {
          setupSecret = totp.secretOf(await signInPage.totpSetupUri());
          typed.push(setupSecret);
        }
        await atView(view, step, label);
      });
    }
    expect(
      [...axeHere].filter((key) => !axeDone.has(key)),
      'views this walk was to check with axe',
    ).toEqual([]);
    watcher.expectNoLeak(path.name, typed);
  });
}
