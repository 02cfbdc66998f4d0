// Accessibility: axe finds no violations on any step of the widget (and the demo page around it).
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, DEMO_TEMP_PASSWORD } from './emulator/demo.ts';
import { startEmulator, type Emulator } from './emulator/index.ts';

// One axe run costs a few seconds of CPU on a 2-core runner; some tests below run it three times.
test.describe.configure({ timeout: 60_000 });

// A step change waits on SRP and the emulator in this worker; on a loaded 2-core runner that can exceed 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

let emulator: Emulator;

test.beforeAll(async () => {
  emulator = await startEmulator();
});

test.afterAll(async () => {
  await emulator.stop();
});

async function openDemo(page: Page, authFlow = 'USER_SRP_AUTH'): Promise<void> {
  const query = new URLSearchParams({ endpoint: emulator.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, authFlow });
  await page.goto(`/?${query.toString()}`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectNoViolations(page: Page): Promise<void> {
  // Only violations are needed; skipping the "passes" details makes each run markedly cheaper.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('the credentials step, with and without an error, has no axe violations', async ({ page }) => {
  await openDemo(page);
  await expectNoViolations(page);
  await signIn(page, 'srp-user', 'wrong-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Incorrect' })).toBeVisible();
  await expectNoViolations(page);
});

const challengeSteps: readonly { username: string; password: string; heading: string; authFlow?: string }[] = [
  { username: 'sms-user', password: DEMO_PASSWORD, heading: 'Enter the code from your text message' },
  { username: 'totp-user', password: DEMO_PASSWORD, heading: 'Enter the code from your authenticator app' },
  { username: 'email-user', password: DEMO_PASSWORD, heading: 'Enter the code from your email' },
  { username: 'select-user', password: DEMO_PASSWORD, heading: 'Choose how to verify it’s you' },
  { username: 'newpass-user', password: DEMO_TEMP_PASSWORD, heading: 'Choose a new password' },
  { username: 'custom-user', password: DEMO_PASSWORD, heading: 'One more step', authFlow: 'CUSTOM_AUTH_SRP' },
];

for (const step of challengeSteps) {
  test(`the "${step.heading}" step (${step.username}) has no axe violations`, async ({ page }) => {
    await openDemo(page, step.authFlow);
    await signIn(page, step.username, step.password);
    await expect(page.getByRole('heading', { name: step.heading })).toBeVisible();
    await expectNoViolations(page);
  });
}

test('the MFA set-up step, with its QR code and key, has no axe violations', async ({ page }) => {
  await openDemo(page);
  await signIn(page, 'setup-user', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Set up an authenticator app' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectNoViolations(page);
});

test('a wrong code error, the remember-device prompt and the signed-in view have no axe violations', async ({ page }) => {
  await openDemo(page);
  await signIn(page, 'sms-user', DEMO_PASSWORD);
  await expect(page.getByLabel('Code')).toBeFocused();
  await page.getByLabel('Code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That code isn’t right' })).toBeVisible();
  await expectNoViolations(page);
  const message = emulator.outbox.findLast((sent) => sent.username === 'sms-user');
  await page.getByLabel('Code').fill(message?.code ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Remember this device?' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('heading', { name: 'You’re signed in' })).toBeVisible();
  await expectNoViolations(page);
});

test('the session-expired step has no axe violations', async ({ page }) => {
  await openDemo(page);
  await signIn(page, 'totp-user', DEMO_PASSWORD);
  await expect(page.getByLabel('Code')).toBeFocused();
  // Cognito's sign-in Session lasts 3 to 15 minutes; move the emulator's clock past any of them.
  emulator.clock.advance(20 * 60);
  await page.getByLabel('Code').fill('123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Your sign-in timed out' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start again' })).toBeFocused();
  await expectNoViolations(page);
});

test('the account screen, its authenticator enrolment and its device list have no axe violations', async ({ page }) => {
  await openDemo(page);
  await signIn(page, 'srp-user', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  const devices = page.getByRole('region', { name: 'Remembered devices' });
  await devices.getByRole('button', { name: 'Show remembered devices' }).click();
  await expect(devices.getByRole('listitem')).toHaveCount(1);
  const mfa = page.getByRole('region', { name: 'Two-step verification' });
  await mfa.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(mfa.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectNoViolations(page);
  // Leave srp-user as the other tests expect it: the enrolment is abandoned, never verified.
  await mfa.getByRole('button', { name: 'Cancel' }).click();
  await expect(mfa.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible();
});
