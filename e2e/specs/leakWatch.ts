// Leak detection for the browser specs: what a page exposes (console, storage, cookies, DOM, inputs, URLs, the
// Stately inspector's window), searched for every secret that crossed the wire or was typed.
import type { BrowserContext, Page } from '@playwright/test';
import { containsSecret } from './containsSecret.ts';
import { expect } from './fixtures.ts';

/** One place a secret could end up: its text (searched for long secrets) and its discrete values (short ones). */
interface Sink {
  readonly name: string;
  readonly text: string;
  readonly values: readonly string[];
}

/** Device keys are stored on purpose (the integrator's device store), as amazon-cognito-identity-js does. */
const CHOSEN_STORAGE = /^CognitoIdentityServiceProvider\.[^.]+\.[^.]+\.(deviceKey|deviceGroupKey|randomPasswordKey)$/;

/**
 * A secret this short (the custom challenge's answer "42") would be found by chance inside any long text, so it
 * counts only where it stands as a whole value: an input's value, a text node, a storage value, a URL parameter,
 * a string in an inspector event, a word in the console.
 */
const SHORT = 6;

/** Every string leaf of a JSON-like value. */
export function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringLeaves(inner)]);
  return [];
}

function urlValues(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [...parsed.pathname.split('/'), ...parsed.searchParams.values(), parsed.hash.slice(1)].map((part) =>
      decodeURIComponent(part),
    );
  } catch {
    return [url];
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** A passkey challenge: the options' `challenge`, from a JSON string (CREDENTIAL_REQUEST_OPTIONS) or an object. */
function passkeyChallenge(options: unknown): unknown {
  if (typeof options !== 'string') return field(options, 'challenge');
  try {
    return field(JSON.parse(options), 'challenge');
  } catch {
    return undefined;
  }
}

/** The passkey credential a request carried (WEB_AUTHN's CREDENTIAL, CompleteWebAuthnRegistration's Credential). */
function requestSecrets(body: unknown): string[] {
  const found: unknown[] = [];
  const assertion = field(field(body, 'ChallengeResponses'), 'CREDENTIAL');
  if (typeof assertion === 'string') {
    found.push(assertion);
    try {
      const response = field(JSON.parse(assertion), 'response');
      found.push(field(response, 'signature'), field(response, 'clientDataJSON'));
    } catch {
      // Not JSON: the whole string is the secret.
    }
  }
  const registration = field(field(body, 'Credential'), 'response');
  found.push(field(registration, 'attestationObject'), field(registration, 'clientDataJSON'));
  return found.filter((value): value is string => typeof value === 'string' && value.length >= SHORT);
}

/** The secrets the responses carried: Session, SecretCode (TOTP set-up), passkey challenges and every token. */
function responseSecrets(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const found: unknown[] = [];
  if ('Session' in body) found.push(body.Session);
  if ('SecretCode' in body) found.push(body.SecretCode);
  const requestOptions = field(field(body, 'ChallengeParameters'), 'CREDENTIAL_REQUEST_OPTIONS');
  if (requestOptions !== undefined) found.push(requestOptions, passkeyChallenge(requestOptions));
  found.push(passkeyChallenge(field(body, 'CredentialCreationOptions')));
  if (
    'AuthenticationResult' in body &&
    typeof body.AuthenticationResult === 'object' &&
    body.AuthenticationResult !== null
  ) {
    const result = body.AuthenticationResult;
    if ('AccessToken' in result) found.push(result.AccessToken);
    if ('IdToken' in result) found.push(result.IdToken);
    if ('RefreshToken' in result) found.push(result.RefreshToken);
  }
  // The OAuth token endpoint's answer (RFC 6749 §5.1).
  if ('id_token' in body) found.push(body.id_token);
  if ('access_token' in body) found.push(body.access_token);
  if ('refresh_token' in body) found.push(body.refresh_token);
  return found.filter((value): value is string => typeof value === 'string' && value.length >= SHORT);
}

/** Figures summed over a spec file, printed once by `printTotals`. */
const totals = { paths: 0, sinks: 0, secrets: 0, inspectorEvents: 0, found: 0 };

export function printTotals(spec: string): void {
  process.stdout.write(
    `${spec} totals: paths ${String(totals.paths)}; sinks checked ${String(totals.sinks)}; secret values ${String(totals.secrets)}; inspector events ${String(totals.inspectorEvents)}; secrets found ${String(totals.found)}\n`,
  );
}

export interface LeakWatcher {
  /** Values Cognito sent that must never be exposed (filled as responses arrive). */
  readonly secrets: Set<string>;
  /** Snapshot of console, storage, cookies, the DOM (minus the demo's dev panel) and input values, plus every URL so far. */
  capture(step: string): Promise<void>;
  /** Checks every sink against every secret (`typed` are those the test typed or read), prints the figures. */
  expectNoLeak(path: string, typed: readonly string[]): void;
}

/**
 * Records everything observable on `page`, and every secret that crossed the wire, while the test runs.
 * `chosenStorage`: storage keys the integrator chose to fill (null: none). `oauthCallback`: the redirect URI, the
 * one URL that must carry a code (RFC 6749 §4.1.2): its arrival is left out of the URL sinks, so the spec checks
 * the address bar and the history after the callback itself.
 */
export function watchLeaks(
  page: Page,
  options: {
    readonly chosenStorage?: RegExp | null;
    readonly inspector?: InspectorTap;
    readonly oauthCallback?: string;
  } = {},
): LeakWatcher {
  const chosenStorage = options.chosenStorage === undefined ? CHOSEN_STORAGE : options.chosenStorage;
  const secrets = new Set<string>();
  const logs: string[] = [];
  const pageUrls: string[] = [];
  const requestUrls: string[] = [];
  const sinks: Sink[] = [];
  page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
  const callbackArrival = (url: string): boolean =>
    options.oauthCallback !== undefined && url.startsWith(`${options.oauthCallback}?`);
  page.on('framenavigated', (frame) => {
    if (!callbackArrival(frame.url())) pageUrls.push(frame.url());
  });
  page.on('request', (request) => {
    if (!callbackArrival(request.url())) requestUrls.push(request.url());
    if (request.method() !== 'POST') return;
    let body: unknown;
    try {
      body = request.postDataJSON();
    } catch {
      return;
    }
    for (const value of requestSecrets(body)) secrets.add(value);
  });
  page.on('response', async (response) => {
    if (response.request().method() !== 'POST') return;
    const body: unknown = await response.json().catch(() => undefined);
    for (const value of responseSecrets(body)) secrets.add(value);
  });
  return {
    secrets,
    async capture(step) {
      const state = await page.evaluate(() => {
        const read = (storage: Storage) =>
          Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '').map(
            (key) => [key, storage.getItem(key) ?? ''] as const,
          );
        const root = document.documentElement.cloneNode(true);
        if (!(root instanceof Element)) throw new Error('no document element');
        for (const panel of root.querySelectorAll('.demo-aside')) panel.remove();
        const texts: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let node: Node | null = walker.currentNode; node !== null; node = walker.nextNode()) {
          if (node instanceof Element) for (const attribute of node.attributes) texts.push(attribute.value.trim());
          else texts.push((node.textContent ?? '').trim());
        }
        return {
          local: read(localStorage),
          session: read(sessionStorage),
          dom: root.outerHTML,
          texts,
          inputs: Array.from(document.querySelectorAll('input, textarea')).map((input) =>
            input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement ? input.value : '',
          ),
        };
      });
      const cookies = await page.context().cookies();
      const local = state.local.filter(([key]) => chosenStorage?.test(key) !== true);
      const words = (text: string) => text.split(/[^A-Za-z0-9]+/);
      sinks.push(
        { name: `${step}: console`, text: logs.join('\n'), values: logs.flatMap(words) },
        { name: `${step}: localStorage`, text: JSON.stringify(local), values: local.flat() },
        { name: `${step}: sessionStorage`, text: JSON.stringify(state.session), values: state.session.flat() },
        {
          name: `${step}: cookies`,
          text: JSON.stringify(cookies),
          values: cookies.flatMap((cookie) => [cookie.name, cookie.value]),
        },
        { name: `${step}: DOM`, text: state.dom, values: state.texts },
        { name: `${step}: inputs`, text: JSON.stringify(state.inputs), values: state.inputs },
        { name: `${step}: page URLs`, text: pageUrls.join('\n'), values: pageUrls.flatMap(urlValues) },
        { name: `${step}: network URLs`, text: requestUrls.join('\n'), values: requestUrls.flatMap(urlValues) },
      );
      if (options.inspector !== undefined) {
        const events = await options.inspector.events();
        sinks.push({
          name: `${step}: inspector events (${String(events.length)})`,
          text: JSON.stringify(events),
          values: stringLeaves(events),
        });
      }
    },
    expectNoLeak(path, typed) {
      const all = [...new Set([...secrets, ...typed.filter((value) => value !== '')])];
      const holds = (sink: Sink, value: string) =>
        value.length < SHORT ? sink.values.includes(value) : containsSecret(sink.text, value);
      const found = sinks.flatMap((sink) =>
        all.filter((value) => holds(sink, value)).map((value) => `${sink.name} holds ${value.slice(0, 2)}…`),
      );
      const events = options.inspector?.count() ?? 0;
      totals.paths += 1;
      totals.sinks += sinks.length;
      totals.secrets += all.length;
      totals.inspectorEvents += events;
      totals.found += found.length;
      process.stdout.write(
        `secrets (${path}): sinks checked ${String(sinks.length)}; secret values ${String(all.length)}; inspector events ${String(events)}; secrets found ${String(found.length)}\n`,
      );
      // Session and tokens at least: a watcher that saw nothing proves nothing.
      expect(all.length).toBeGreaterThan(3);
      expect(found).toEqual([]);
    },
  };
}

/** The events the Stately inspector's window received, as the page sent them. */
export interface InspectorTap {
  /** Resolves when the page has opened the inspector window. */
  readonly opened: Promise<Page>;
  events(): Promise<unknown[]>;
  /** Events read by the latest `events()`. */
  count(): number;
}

/** Where `createBrowserInspector` opens its window (@statelyai/inspect 0.7 default `url`). */
export const INSPECTOR_URL = 'https://stately.ai/inspect';

declare global {
  interface Window {
    /** Set by the inspector stub page: every message the page posted to it. */
    __inspectorEvents?: unknown[];
  }
}

/**
 * stately.ai is out of reach offline, so its page is a local stub that does what the real one does: tell the opener
 * it is connected ("@statelyai.connected"), then take every inspection event the page posts. Nothing in the demo
 * changes: the widget's own `?inspect` code path sends these, after its own redaction.
 */
export async function tapInspector(context: BrowserContext): Promise<InspectorTap> {
  const stub = `<!doctype html><meta charset="utf-8"><title>Inspector stub</title><script>
    window.__inspectorEvents = [];
    addEventListener('message', (event) => { window.__inspectorEvents.push(event.data); });
    window.opener.postMessage({ type: '@statelyai.connected' }, '*');
  </script>`;
  await context.route(`${INSPECTOR_URL}**`, (route) => route.fulfill({ contentType: 'text/html', body: stub }));
  const opened = context.waitForEvent('page', { predicate: (candidate) => candidate.url().startsWith(INSPECTOR_URL) });
  let last = 0;
  return {
    opened,
    async events() {
      const popup = await opened;
      const events = await popup.evaluate(() => window.__inspectorEvents ?? []);
      last = events.length;
      return events;
    },
    count: () => last,
  };
}

/** The event types of the sign-in actor's inspected events, in order (to wait for a step to reach the inspector). */
export function inspectedEventTypes(events: readonly unknown[]): string[] {
  return events.flatMap((event) => {
    if (
      typeof event !== 'object' ||
      event === null ||
      !('type' in event) ||
      event.type !== '@xstate.event' ||
      !('event' in event)
    )
      return [];
    const inner = event.event;
    return typeof inner === 'object' && inner !== null && 'type' in inner && typeof inner.type === 'string'
      ? [inner.type]
      : [];
  });
}

declare global {
  interface Window {
    /** Bound by `observeDevicePasswords` to hand each device password seen on the SRP worker's channel to the test. */
    __observeDevicePassword?: (value: string) => void;
  }
}

/**
 * The random device password is made inside the widget and never crosses the wire (ConfirmDevice sends only its
 * verifier), so the test reads it where it does cross a boundary: the SRP worker's messages (createDeviceVerifier's
 * answer, deviceClaim's request). It goes straight to Node, so the page keeps no copy of its own.
 */
export async function observeDevicePasswords(page: Page): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.exposeFunction('__observeDevicePassword', (value: string) => {
    seen.add(value);
  });
  await page.addInitScript(() => {
    const report = (data: unknown): void => {
      if (typeof data !== 'object' || data === null) return;
      for (const part of ['result' in data ? data.result : undefined, 'input' in data ? data.input : undefined]) {
        if (
          typeof part === 'object' &&
          part !== null &&
          'devicePassword' in part &&
          typeof part.devicePassword === 'string'
        ) {
          window.__observeDevicePassword?.(part.devicePassword);
        }
      }
    };
    const NativeWorker = window.Worker;
    window.Worker = class ObservedWorker extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<unknown>) => {
          report(event.data);
        });
      }

      override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
        report(message);
        if (Array.isArray(options)) super.postMessage(message, options);
        else super.postMessage(message, options);
      }
    };
  });
  return seen;
}
