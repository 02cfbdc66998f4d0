// The real login widget in Chromium against an emulator started in this spec.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, DEMO_TOTP_SECRET } from './emulator/demo.ts';
import { startEmulator, type Emulator } from './emulator/index.ts';
import { TOTP } from 'otpauth';

// A step change waits on SRP and the emulator in this worker; on a loaded 2-core runner that can exceed 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

let emulator: Emulator;

test.beforeAll(async () => {
  emulator = await startEmulator();
});

test.afterAll(async () => {
  await emulator.stop();
});

async function openDemo(page: Page): Promise<void> {
  const query = new URLSearchParams({ endpoint: emulator.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID });
  await page.goto(`/?${query.toString()}`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The demo pool confirms each new device and asks the user whether to remember it. */
async function answerRememberDevice(page: Page, remember: boolean): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Remember this device?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remember this device' })).toBeFocused();
  await page.getByRole('button', { name: remember ? 'Remember this device' : 'Not now' }).click();
  await expect(page.getByRole('heading', { name: 'You’re signed in' })).toBeVisible();
}

test('srp-user signs in through the widget, sees their ID-token claims and signs out', async ({ page }) => {
  await openDemo(page);
  await test.step('credentials: USER_SRP_AUTH then PASSWORD_VERIFIER', async () => {
    await signIn(page, 'srp-user', DEMO_PASSWORD);
  });
  await test.step('new device: remember it (UpdateDeviceStatus)', async () => {
    await answerRememberDevice(page, true);
  });
  await test.step('signed in: claims shown, no raw token on the page', async () => {
    await expect(page.getByText('Signed in as srp-user@example.com.')).toBeVisible();
    const claims = page.getByRole('region', { name: 'ID token claims' });
    await expect(claims.getByText('cognito:username')).toBeVisible();
    // A JWT starts with base64url('{"') = "eyJ"; none may be rendered.
    expect(await page.locator('body').innerText()).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
  await test.step('sign out returns to the credentials form with the username kept', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveValue('srp-user');
  });
});

test('a wrong password is announced in the alert region and focus returns to the password field', async ({ page }) => {
  await openDemo(page);
  await signIn(page, 'srp-user', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Incorrect username or password.' })).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('a TOTP user signs in with the keyboard only, focus landing on each step’s first field', async ({ page }) => {
  await openDemo(page);
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('totp-user');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enter the code from your authenticator app' })).toBeVisible();
  const code = page.getByLabel('Code');
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  const totp = new TOTP({ secret: DEMO_TOTP_SECRET, digits: 6, period: 30, algorithm: 'SHA1' });
  await page.keyboard.type(totp.generate({ timestamp: emulator.clock.now() }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remember this device' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You’re signed in' })).toBeVisible();
});

test('an SMS user sees the masked phone number and signs in with the code from the outbox', async ({ page }) => {
  await openDemo(page);
  const before = emulator.outbox.length;
  await signIn(page, 'sms-user', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Enter the code from your text message' })).toBeVisible();
  await expect(page.getByText(/We sent a code to \+\*+0100\./)).toBeVisible();
  const message = emulator.outbox.slice(before).find((sent) => sent.username === 'sms-user');
  expect(message).toBeDefined();
  await page.getByLabel('Code').fill(message?.code ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await answerRememberDevice(page, false);
});
