// "Forgot password?" in the real widget, in Chromium, against an emulator started in this spec.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID, demoPool } from './emulator/demo.ts';
import { startEmulator, type Emulator } from './emulator/index.ts';

const NEW_PASSWORD = 'R3set!password-ok';
let emulator: Emulator;

test.beforeAll(async () => {
  const pool = demoPool();
  pool.Users = [
    ...(pool.Users ?? []),
    ...['reset-a', 'reset-b'].map((Username) => ({
      Username,
      Password: DEMO_PASSWORD,
      Attributes: { email: `${Username}@example.com`, email_verified: 'true', name: Username },
    })),
    {
      Username: 'must-reset',
      Password: DEMO_PASSWORD,
      Status: 'RESET_REQUIRED' as const,
      Attributes: { email: 'must-reset@example.com', email_verified: 'true', name: 'Must Reset' },
    },
  ];
  emulator = await startEmulator({ config: { Pools: [pool] } });
});

test.afterAll(async () => {
  await emulator.stop();
});

async function openDemo(page: Page): Promise<void> {
  const query = new URLSearchParams({ endpoint: emulator.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID });
  await page.goto(`/?${query.toString()}`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

function lastCode(username: string): string {
  const message = emulator.outbox.filter((entry) => entry.username === username).at(-1);
  if (message === undefined) throw new Error(`no code for ${username}`);
  return message.code;
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signed in: answers the pool's "Remember this device?" prompt with "Not now" when it appears. */
async function expectSignedIn(page: Page): Promise<void> {
  const signedIn = page.getByRole('heading', { name: 'You’re signed in' });
  const remember = page.getByRole('heading', { name: 'Remember this device?' });
  await expect(signedIn.or(remember)).toBeVisible({ timeout: 20_000 });
  if (await remember.isVisible()) await page.getByRole('button', { name: 'Not now' }).click();
  await expect(signedIn).toBeVisible();
}

test('a user who forgot the password resets it with the emailed code and signs in with the username kept', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Username').fill('reset-a');
  await page.getByRole('button', { name: 'Send code' }).click();
  await test.step('ForgotPassword shows the masked destination', async () => {
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByText('We sent a code to r***@e***.')).toBeVisible();
  });
  await test.step('ConfirmForgotPassword: a wrong code, then the right one with a new password', async () => {
    const code = lastCode('reset-a');
    await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page.getByRole('alert')).toContainText('That code isn’t right.');
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Reset password' }).click();
  });
  await test.step('back on sign-in with the username kept; the new password works', async () => {
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('Your password has been reset.')).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveValue('reset-a');
    await signIn(page, NEW_PASSWORD);
    await expectSignedIn(page);
  });
});

test('a weak new password is refused with the policy rule it breaks', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await page.getByLabel('Username').fill('reset-b');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('Code').fill(lastCode('reset-b'));
  await page.getByLabel('New password').fill('alllowercase1!');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('alert')).toContainText('The password is missing: An upper-case letter.');
});

test('PasswordResetRequiredException on sign-in goes straight to the code step', async ({ page }) => {
  await openDemo(page);
  await page.getByLabel('Username').fill('must-reset');
  await signIn(page, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByText('We sent a code to m***@e***.')).toBeVisible();
  await page.getByLabel('Code').fill(lastCode('must-reset'));
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByLabel('Username')).toHaveValue('must-reset');
  await signIn(page, NEW_PASSWORD);
  await expectSignedIn(page);
});
