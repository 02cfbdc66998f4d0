// A page an adopter could write with `cognito-xstate/core` alone: the session machine over the browser adapters
// (fetch, localStorage, Web Locks, BroadcastChannel). It shows the session's status as text and data attributes,
// never a token, for the Chromium tab specs (sessionTabs.spec.ts).
import { createActor, type SnapshotFrom } from 'xstate';
import {
  createCognitoHttp,
  createFastSrp,
  createSessionMachine,
  createTabChannel,
  createTabLock,
  createWebStorageTokenStore,
  secret,
  sessionStatus,
  type RefreshMode,
} from 'cognito-xstate/core';

const REFRESH_MODES: readonly RefreshMode[] = ['auto', 'rotation', 'legacy'];

/** The page's settings, from its query string: `?endpoint=…&userPoolId=…&clientId=…[&refresh=…][&margin=…]`. */
function settings(search: URLSearchParams) {
  const required = (name: string): string => {
    const value = search.get(name);
    if (value === null || value === '') throw new Error(`the session harness needs ?${name}=`);
    return value;
  };
  const refresh = REFRESH_MODES.find((mode) => mode === (search.get('refresh') ?? 'rotation'));
  if (refresh === undefined) throw new Error('refresh= takes auto, rotation or legacy');
  return {
    endpoint: required('endpoint'),
    userPoolId: required('userPoolId'),
    clientId: required('clientId'),
    refresh,
    refreshMarginSeconds: Number(search.get('margin') ?? '300'),
  };
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing`);
  return found;
}

const config = settings(new URLSearchParams(location.search));
const machine = createSessionMachine({
  cognito: createCognitoHttp({ endpoint: config.endpoint }),
  srp: createFastSrp(),
  // The integrator's choice: localStorage, under amazon-cognito-identity-js's keys, shared by the origin's tabs.
  tokens: createWebStorageTokenStore(localStorage),
  locks: createTabLock(),
  tabs: createTabChannel(),
});
const session = createActor(machine, {
  input: {
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    refresh: config.refresh,
    refreshMarginSeconds: config.refreshMarginSeconds,
    // No device confirmation: the specs count every request a tab sends.
    deviceTracking: false,
  },
});

const status = element('status', HTMLParagraphElement);
const form = element('sign-in', HTMLFormElement);
const signedInControls = element('signed-in', HTMLDivElement);
let refreshes = 0;
let shownStatus = '';

/** A state value as dotted text: `signedIn.active`. */
function stateText(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.entries(value as Record<string, unknown>)
    .map(([parent, child]) => `${parent}.${stateText(child)}`)
    .join();
}

const TEXT = {
  loading: 'Loading…',
  signedIn: 'Signed in',
  offline: 'Signed in, offline: retrying',
  signedOut: 'Signed out',
} as const;

function render(snapshot: SnapshotFrom<typeof machine>): void {
  const current = sessionStatus(snapshot);
  const { username, error } = snapshot.context;
  if (current !== shownStatus) {
    shownStatus = current;
    // When this tab saw the change, on the page's clock: the specs measure the sign-out fan-out with it.
    status.dataset.statusAt = String(Date.now());
  }
  status.dataset.status = current;
  status.dataset.state = stateText(snapshot.value);
  status.dataset.refreshes = String(refreshes);
  status.dataset.error = error?.code ?? '';
  status.textContent = [
    current === 'signedIn' || current === 'offline' ? `${TEXT[current]} as ${username ?? '?'}` : TEXT[current],
    error === null ? '' : `(${error.code}${error.detail === undefined ? '' : `: ${error.detail}`})`,
  ]
    .filter(Boolean)
    .join(' ');
  form.hidden = !snapshot.matches('signedOut');
  signedInControls.hidden = !snapshot.matches('signedIn');
}

session.on('tokensRefreshed', () => {
  refreshes += 1;
  render(session.getSnapshot());
});
session.subscribe(render);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const username = form.elements.namedItem('username');
  const password = form.elements.namedItem('password');
  if (!(username instanceof HTMLInputElement) || !(password instanceof HTMLInputElement)) return;
  session.getSnapshot().children.signIn?.send({
    type: 'credentials.submit',
    username: username.value,
    password: secret(password.value),
  });
  // The password lives in the field only until submit.
  password.value = '';
});
element('refresh', HTMLButtonElement).addEventListener('click', () => {
  session.send({ type: 'tokens.refresh' });
});
element('sign-out', HTMLButtonElement).addEventListener('click', () => {
  status.dataset.signOutAt = String(Date.now());
  session.send({ type: 'signOut', scope: 'revoke' });
});

session.start();
render(session.getSnapshot());
