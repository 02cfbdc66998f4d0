// Tabs of the session harness (sessionHarness/): one page object per tab, and a Node-side record of what Cognito
// answered to the whole browser context (operations, errors, the refresh tokens it handed out).
import type { BrowserContext, Locator, Page, Request, Response } from '@playwright/test';
import { DEMO_ROTATION_CLIENT_ID } from '../emulator/demo.ts';
import type { Cognito } from '../kit/index.ts';
import { expect, test, type FreshUser } from './fixtures.ts';

/** Where the e2e demo build serves the harness (see demo.vite.config.ts). */
const HARNESS = '/e2e/specs/sessionHarness/index.html';

/** What the harness's status element reports (`sessionStatus()` of the session machine). */
export type TabStatus = 'loading' | 'signedIn' | 'offline' | 'signedOut';

function operationOf(request: Request): string {
  return (request.headers()['x-amz-target'] ?? '').split('.').pop() ?? '';
}

/** A POST to the emulator: a Cognito call (the CORS preflight is not one). */
function isCognitoCall(request: Request, endpoint: string): boolean {
  return request.method() === 'POST' && request.url().startsWith(endpoint);
}

/** Harness settings a spec may change: the app client (default: the demo pool's rotation client), the margin. */
interface HarnessOptions {
  readonly clientId?: string;
  readonly margin?: number;
}

function harnessUrl(endpoint: string, userPoolId: string, options: HarnessOptions): string {
  const query = new URLSearchParams({
    endpoint,
    userPoolId,
    clientId: options.clientId ?? DEMO_ROTATION_CLIENT_ID,
    refresh: 'rotation',
    margin: String(options.margin ?? 300),
  });
  return `${HARNESS}?${query.toString()}`;
}

/** One tab: the harness page, its status, and the Cognito operations this tab sent, in order. */
export class SessionTab {
  readonly page: Page;
  readonly status: Locator;
  readonly calls: string[] = [];

  private constructor(page: Page, endpoint: string) {
    this.page = page;
    this.status = page.getByRole('status');
    page.on('request', (request) => {
      if (isCognitoCall(request, endpoint)) this.calls.push(operationOf(request));
    });
  }

  /** The harness address this tab opened, to open it again. */
  private url = '';

  /** Opens the harness in a new page of `context`, on the rotation client unless told otherwise. */
  static async open(context: BrowserContext, cognito: Cognito, options: HarnessOptions = {}): Promise<SessionTab> {
    const endpoint = cognito.endpoint;
    if (endpoint === undefined) throw new Error('the session harness specs need the emulator');
    const tab = new SessionTab(await context.newPage(), endpoint);
    tab.url = harnessUrl(endpoint, cognito.userPoolId, options);
    await tab.reopen();
    return tab;
  }

  /** Loads the harness again in this page: a reload, or a return after another page. */
  async reopen(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.status).not.toHaveAttribute('data-status', 'loading');
  }

  async signIn(user: FreshUser): Promise<void> {
    await this.page.getByLabel('Username').fill(user.username);
    await this.page.getByLabel('Password').fill(user.password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.expectStatus('signedIn');
  }

  async expectStatus(status: TabStatus): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', status);
  }

  /** Refreshes this tab's session has finished (its own, or tokens another tab stored and this one took). */
  async refreshes(): Promise<number> {
    return Number(await this.status.getAttribute('data-refreshes'));
  }

  /** When this tab last saw its status change, ms on the page's clock. */
  async statusAt(): Promise<number> {
    return Number(await this.status.getAttribute('data-status-at'));
  }

  /** Clicks "Refresh now" and waits until this tab's refresh count has moved past `before` and it is active again. */
  async refresh(): Promise<void> {
    const before = await this.refreshes();
    await this.page.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => this.refreshes()).toBeGreaterThan(before);
    await expect(this.status).toHaveAttribute('data-state', 'signedIn.active');
  }

  /** What the integrator's store (localStorage) holds for the rotation client, key → value. */
  async storedTokens(clientId = DEMO_ROTATION_CLIENT_ID): Promise<Record<string, string>> {
    return this.page.evaluate((prefix) => {
      const held: Record<string, string> = {};
      for (let index = 0; index < localStorage.length; index += 1) {
        const key = localStorage.key(index) ?? '';
        if (key.startsWith(prefix)) held[key] = localStorage.getItem(key) ?? '';
      }
      return held;
    }, `CognitoIdentityServiceProvider.${clientId}.`);
  }
}

/** One Cognito answer as the browser context received it. */
export interface CognitoAnswer {
  readonly operation: string;
  readonly status: number;
  /** `__type` of an error answer. */
  readonly errorType: string | undefined;
  readonly refreshToken: string | undefined;
  /** Every token and Session in the answer. */
  readonly secrets: readonly string[];
}

function answerOf(operation: string, status: number, body: unknown): CognitoAnswer {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const result = (record.AuthenticationResult ?? {}) as Record<string, unknown>;
  const secrets = [result.IdToken, result.AccessToken, result.RefreshToken, record.Session].filter(
    (value): value is string => typeof value === 'string',
  );
  return {
    operation,
    status,
    errorType: typeof record.__type === 'string' ? record.__type : undefined,
    refreshToken: typeof result.RefreshToken === 'string' ? result.RefreshToken : undefined,
    secrets,
  };
}

/** Every Cognito answer any page of `context` received; `settled()` waits for the bodies still being read. */
export function recordCognitoAnswers(context: BrowserContext, endpoint: string) {
  const answers: CognitoAnswer[] = [];
  const reading = new Set<Promise<void>>();
  context.on('response', (response: Response) => {
    const request = response.request();
    if (!isCognitoCall(request, endpoint)) return;
    const read = response
      .json()
      .catch(() => undefined)
      .then((body: unknown) => {
        answers.push(answerOf(operationOf(request), response.status(), body));
      })
      .finally(() => reading.delete(read));
    reading.add(read);
  });
  return {
    answers,
    async settled(): Promise<readonly CognitoAnswer[]> {
      while (reading.size > 0) await Promise.all(reading);
      return answers;
    },
  };
}

/** GetTokensFromRefreshToken straight to the emulator from Node: is this refresh token still live? */
export async function refreshFromNode(
  endpoint: string,
  refreshToken: string,
  clientId = DEMO_ROTATION_CLIENT_ID,
): Promise<{ status: number; errorType: string | undefined }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
    },
    body: JSON.stringify({ ClientId: clientId, RefreshToken: refreshToken }),
  });
  const body = (await response.json()) as { __type?: string };
  return { status: response.status, errorType: body.__type };
}

/** Prints a measured figure with the test's output and keeps it as an annotation in the report. */
export function record(name: string, value: string): void {
  process.stdout.write(`${name}: ${value}\n`);
  test.info().annotations.push({ type: name, description: value });
}

/** The stored access token's `exp` (server time, seconds): read from the integrator's store on the Node side. */
export async function storedAccessTokenExpiry(tab: SessionTab): Promise<number> {
  const token = Object.entries(await tab.storedTokens()).find(([key]) => key.endsWith('.accessToken'))?.[1];
  const payload = token?.split('.')[1];
  if (payload === undefined) throw new Error('no access token in the store');
  const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
  if (typeof exp !== 'number') throw new Error('the stored access token has no exp');
  return exp;
}

/** The Cognito operations the worker's emulator has logged from `from` on, each with its time on the emulator clock. */
export function emulatorCalls(cognito: Cognito, from = 0): { operation: string; at: number }[] {
  const log = cognito.emulator?.requests;
  if (log === undefined) throw new Error('the session harness specs need the emulator');
  return log.slice(from).map(({ target, at }) => ({ operation: target.split('.').pop() ?? target, at }));
}
