// Page object for the login widget: every step found by its heading, fields by label, actions by button role.
import type { Locator, Page } from '@playwright/test';
import { englishMessages, type Messages } from '../../src/messages.ts';

/** The widget's steps, named like the machine's states (challenge names verbatim). */
export type WidgetStep =
  | 'credentials'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'EMAIL_OTP'
  | 'SELECT_MFA_TYPE'
  | 'SELECT_CHALLENGE'
  | 'WEB_AUTHN'
  | 'MFA_SETUP'
  | 'NEW_PASSWORD_REQUIRED'
  | 'CUSTOM_CHALLENGE'
  | 'rememberDevice'
  | 'sessionExpired'
  | 'signedIn';

/** Where the widget's page lives and which pool it talks to (the demo reads these from the query string). */
export interface WidgetTarget {
  readonly endpoint?: string | undefined;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly region?: string | undefined;
}

/** A page object that drives the login widget by the texts it shows. */
export class SignInPage {
  readonly page: Page;
  readonly messages: Messages;
  /** How long `expectStep` waits for a step (ms). */
  readonly stepTimeout: number;

  /** `messages`: the same overrides you gave the widget, so labels match. */
  constructor(page: Page, messages: Messages = englishMessages, stepTimeout = 20_000) {
    this.page = page;
    this.messages = messages;
    this.stepTimeout = stepTimeout;
  }

  /** The heading that tells which step is on screen. */
  heading(step: WidgetStep): Locator {
    const m = this.messages;
    const titles: Record<WidgetStep, string> = {
      credentials: m.title,
      SMS_MFA: m.smsTitle,
      SOFTWARE_TOKEN_MFA: m.totpTitle,
      EMAIL_OTP: m.emailTitle,
      SELECT_MFA_TYPE: m.selectMfaTitle,
      SELECT_CHALLENGE: m.chooseFactorTitle,
      WEB_AUTHN: m.passkeyTitle,
      MFA_SETUP: m.mfaSetupTitle,
      NEW_PASSWORD_REQUIRED: m.newPasswordTitle,
      CUSTOM_CHALLENGE: m.customChallengeTitle,
      rememberDevice: m.rememberDeviceTitle,
      sessionExpired: m.sessionExpiredTitle,
      signedIn: m.signedInTitle,
    };
    return this.page.getByRole('heading', { name: titles[step], exact: true });
  }

  /**
   * Waits until `step` is the one shown, else fails naming the headings and alert on screen. Steps wait on SRP math
   * and round trips, which a busy CI machine can stretch past Playwright's 5 s default.
   */
  async expectStep(step: WidgetStep): Promise<void> {
    // `waitFor`, not `expect(…).toBeVisible()`: the expect builds an ARIA snapshot of the whole page on every poll
    // that does not match yet, a cost every step paid while it waited on the network.
    try {
      await this.heading(step).waitFor({ timeout: this.stepTimeout });
    } catch (error) {
      const headings = await this.page.getByRole('heading').allInnerTexts();
      const alerts = await this.alert.allInnerTexts();
      const shown = [...headings.map((text) => `heading "${text}"`), ...alerts.map((text) => `alert "${text}"`)];
      throw new Error(`expected the ${step} step, but the page shows ${shown.join(', ') || 'no heading'}`, {
        cause: error,
      });
    }
  }

  /**
   * Opens the demo page (or `options.path` of your app) pointed at `target` via `?endpoint=&userPoolId=&clientId=`
   * (and `&authFlow=`, e.g. `CUSTOM_AUTH_SRP`, and `&inspect` for the Stately inspector), and waits for the
   * credentials form.
   */
  async open(
    target: WidgetTarget,
    options: { readonly path?: string; readonly authFlow?: string; readonly inspect?: boolean } = {},
  ): Promise<void> {
    const query = new URLSearchParams({ userPoolId: target.userPoolId, clientId: target.clientId });
    if (target.endpoint !== undefined) query.set('endpoint', target.endpoint);
    if (target.region !== undefined) query.set('region', target.region);
    if (options.authFlow !== undefined) query.set('authFlow', options.authFlow);
    if (options.inspect === true) query.set('inspect', '');
    const path = options.path ?? '/';
    await this.page.goto(`${path}?${query.toString()}`);
    await this.expectStep('credentials');
  }

  get username(): Locator {
    return this.page.getByLabel(this.messages.username, { exact: true });
  }

  get password(): Locator {
    return this.page.getByLabel(this.messages.password, { exact: true });
  }

  get code(): Locator {
    return this.page.getByLabel(this.messages.code, { exact: true });
  }

  /** The step's error text (role="alert"). */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async submitCredentials(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.button(this.messages.signIn).click();
  }

  /** Passwordless (widget config `passwordless: 'SMS_OTP'`): the username, then "Text me a sign-in code". */
  async requestSmsCode(username: string): Promise<void> {
    await this.username.fill(username);
    await this.button(this.messages.textMeACode).click();
  }

  /** Choice-based sign-in (widget config `signInFlow: 'choice'`): the username alone, then "Continue". */
  async submitUsername(username: string): Promise<void> {
    await this.username.fill(username);
    await this.button(this.messages.continue).click();
  }

  /** SELECT_CHALLENGE: "Sign in with a passkey", "Email me a code" or "Text me a code". */
  async chooseFactor(factor: keyof Messages['factors']): Promise<void> {
    await this.expectStep('SELECT_CHALLENGE');
    await this.button(this.messages.factors[factor]).click();
  }

  /** SELECT_CHALLENGE: the password field and "Use my password" (SRP when Cognito offers PASSWORD_SRP). */
  async choosePassword(password: string): Promise<void> {
    await this.expectStep('SELECT_CHALLENGE');
    await this.password.fill(password);
    await this.button(this.messages.usePassword).click();
  }

  /** Types a one-time code (SMS, email, authenticator, or MFA set-up) and verifies it. */
  async submitCode(code: string): Promise<void> {
    await this.code.fill(code);
    await this.button(this.messages.verify).click();
  }

  async chooseMfa(method: keyof Messages['mfaMethods']): Promise<void> {
    await this.button(this.messages.mfaMethods[method]).click();
  }

  /** The new password (typed twice) and each required attribute, by the attribute's label. */
  async submitNewPassword(password: string, attributes: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.page.getByLabel(this.messages.newPassword, { exact: true }).fill(password);
    await this.page.getByLabel(this.messages.confirmPassword, { exact: true }).fill(password);
    for (const [name, value] of Object.entries(attributes)) {
      await this.page.getByLabel(this.messages.attributes[name] ?? name, { exact: true }).fill(value);
    }
    await this.button(this.messages.setPassword).click();
  }

  /** Answers a custom challenge; its field is labelled with the trigger's question. */
  async submitAnswer(question: string, answer: string): Promise<void> {
    await this.page.getByLabel(question, { exact: true }).fill(answer);
    await this.button(this.messages.continue).click();
  }

  /** The base32 key of the MFA set-up step, read from its otpauth:// link. */
  async totpSetupUri(): Promise<string> {
    const link = this.page.getByRole('link', { name: this.messages.mfaSetupOpenApp });
    const href = await link.getAttribute('href');
    if (href === null) throw new Error('the MFA set-up link has no href');
    return href;
  }

  /** Answers "Remember this device?" (asked after every sign-in on a new device when the pool says so). */
  async rememberDevice(remember: boolean): Promise<void> {
    await this.expectStep('rememberDevice');
    await this.button(remember ? this.messages.rememberDevice : this.messages.dontRememberDevice).click();
  }

  /** The last step of a sign-in on a new device: answer the remember prompt, then see the signed-in view. */
  async expectSignedIn(options: { readonly rememberDevice?: boolean } = {}): Promise<void> {
    await this.rememberDevice(options.rememberDevice ?? false);
    await this.expectStep('signedIn');
  }

  async startAgain(): Promise<void> {
    await this.button(this.messages.startAgain).click();
  }

  async cancel(): Promise<void> {
    await this.button(this.messages.cancel).click();
  }

  async signOut(): Promise<void> {
    await this.button(this.messages.signOut).click();
  }
}
