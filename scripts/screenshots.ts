// `npm run screenshots`: walks every sign-in step in Chromium against the emulator and saves a light-theme PNG
// of the widget at each one to docs/screenshots/.
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import {
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_POOL_ID,
  DEMO_SELECT_TOTP_SECRET,
  DEMO_TEMP_PASSWORD,
  DEMO_TOTP_SECRET,
} from '../e2e/emulator/demo.ts';
import { startEmulator } from '../e2e/emulator/index.ts';
import { createTotp, emulatorOutbox, SignInPage, type WidgetStep } from '../e2e/kit/index.ts';
import { chromiumArgs, findChromium } from './chromium.mjs';

const OUT = 'docs/screenshots';
const executablePath = findChromium();
if (executablePath === undefined)
  throw new Error('No Chromium found: run `node scripts/setup.mjs --browser` or set CHROMIUM_PATH.');

const emulator = await startEmulator();
const vite = await createServer({
  configFile: 'vite.config.ts',
  server: { host: '127.0.0.1', port: 0 },
  logLevel: 'warn',
});
await vite.listen();
const baseURL = vite.resolvedUrls?.local[0] ?? '';
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
const totp = createTotp(() => emulator.clock.now());
const target = { endpoint: emulator.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID };
const written: string[] = [];

/** A fresh light-theme page on the demo, signed in as far as `walk` takes it, then one PNG of the widget. */
async function shoot(
  name: string,
  step: WidgetStep,
  walk: (widget: SignInPage, page: Page) => Promise<void>,
  authFlow?: string,
) {
  const context = await browser.newContext({ baseURL, colorScheme: 'light', viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const widget = new SignInPage(page);
  await widget.open(target, authFlow === undefined ? {} : { authFlow });
  await walk(widget, page);
  await widget.expectStep(step);
  // The focus ring and caret would differ run to run.
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  const path = `${OUT}/${name}.png`;
  await page.locator('.cx-widget').screenshot({ path, animations: 'disabled' });
  written.push(path);
  await context.close();
}

const signIn =
  (username: string, password = DEMO_PASSWORD) =>
  (widget: SignInPage) =>
    widget.submitCredentials(username, password);

try {
  await mkdir(OUT, { recursive: true });
  const outbox = await emulatorOutbox(emulator.url);
  await shoot('01-credentials', 'credentials', () => Promise.resolve());
  await shoot('02-wrong-password', 'credentials', async (widget) => {
    await widget.submitCredentials('srp-user', 'not-the-password');
    await widget.alert.filter({ hasText: /./ }).waitFor();
  });
  await shoot('03-sms-mfa', 'SMS_MFA', signIn('sms-user'));
  await shoot('04-totp-mfa', 'SOFTWARE_TOKEN_MFA', signIn('totp-user'));
  await shoot('05-email-otp', 'EMAIL_OTP', signIn('email-user'));
  await shoot('06-select-mfa-type', 'SELECT_MFA_TYPE', signIn('select-user'));
  await shoot('07-mfa-setup', 'MFA_SETUP', async (widget, page) => {
    await widget.submitCredentials('setup-user', DEMO_PASSWORD);
    await page.getByRole('img', { name: widget.messages.mfaSetupQrAlt }).waitFor();
  });
  await shoot('08-new-password', 'NEW_PASSWORD_REQUIRED', signIn('newpass-user', DEMO_TEMP_PASSWORD));
  await shoot('09-custom-challenge', 'CUSTOM_CHALLENGE', signIn('custom-user'), 'CUSTOM_AUTH_SRP');
  await shoot('10-wrong-code', 'SOFTWARE_TOKEN_MFA', async (widget) => {
    await widget.submitCredentials('totp-user', DEMO_PASSWORD);
    await widget.expectStep('SOFTWARE_TOKEN_MFA');
    await widget.submitCode(totp.code(DEMO_TOTP_SECRET) === '000000' ? '111111' : '000000');
    await widget.alert.filter({ hasText: /./ }).waitFor();
  });
  await shoot('11-remember-device', 'rememberDevice', async (widget) => {
    await widget.submitCredentials('select-user', DEMO_PASSWORD);
    await widget.chooseMfa('SOFTWARE_TOKEN_MFA');
    await widget.expectStep('SOFTWARE_TOKEN_MFA');
    await widget.submitCode(totp.code(DEMO_SELECT_TOTP_SECRET));
  });
  await shoot('12-signed-in', 'signedIn', async (widget) => {
    await widget.submitCredentials('srp-user', DEMO_PASSWORD);
    await widget.rememberDevice(false);
  });
  await shoot('13-session-expired', 'sessionExpired', async (widget) => {
    await widget.submitCredentials('sms-user', DEMO_PASSWORD);
    await widget.expectStep('SMS_MFA');
    const code = await outbox.waitForCode('sms-user', { channel: 'SMS' });
    emulator.clock.advance(3 * 60 + 1);
    await widget.submitCode(code);
  });
  console.log(written.join('\n'));
} finally {
  await browser.close();
  await vite.close();
  await emulator.stop();
}
