// "Create account" in the real widget, in Chromium, against an emulator started in this spec.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CLIENT_ID, DEMO_POOL_ID } from './emulator/demo.ts';
import { startEmulator, type Emulator } from './emulator/index.ts';

const PASSWORD = 'Br4nd!new-account';
let emulator: Emulator;
let counter = 0;

test.beforeAll(async () => {
  emulator = await startEmulator();
});

test.afterAll(async () => {
  await emulator.stop();
});

function freshUsername(): string {
  counter += 1;
  return `newcomer-${String(counter)}-${String(Date.now())}`;
}

async function openSignUp(page: Page): Promise<void> {
  const query = new URLSearchParams({ endpoint: emulator.url, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID });
  await page.goto(`/?${query.toString()}`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
}

async function fillSignUp(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Full name').fill('New Comer');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

function lastCode(username: string): string {
  const message = emulator.outbox.filter((entry) => entry.username === username).at(-1);
  if (message === undefined) throw new Error(`no code for ${username}`);
  return message.code;
}

/** Signed in: answers the pool's "Remember this device?" prompt with "Not now" when it appears. */
async function expectSignedIn(page: Page): Promise<void> {
  const signedIn = page.getByRole('heading', { name: 'You’re signed in' });
  const remember = page.getByRole('heading', { name: 'Remember this device?' });
  await expect(signedIn.or(remember)).toBeVisible({ timeout: 20_000 });
  if (await remember.isVisible()) await page.getByRole('button', { name: 'Not now' }).click();
  await expect(signedIn).toBeVisible();
}

test('a visitor creates an account, confirms it with the emailed code and is signed in without typing the password again', async ({
  page,
}) => {
  const username = freshUsername();
  await openSignUp(page);
  await test.step('the password policy is listed before submit', async () => {
    const rules = page.getByText('Your password needs:');
    await expect(rules).toBeVisible();
    await expect(page.getByText('At least 8 characters')).toBeVisible();
    await expect(page.getByText('A symbol, such as ! or @')).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveAttribute('autocomplete', 'new-password');
  });
  await test.step('InvalidPasswordException names the broken rule', async () => {
    await fillSignUp(page, username, 'Sh0rt!');
    await expect(page.getByRole('alert')).toContainText('The password is missing: At least 8 characters.');
    await expect(page.getByLabel('Password')).toHaveValue('');
  });
  await test.step('SignUp, then ConfirmSignUp with a wrong and then the right code', async () => {
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
    await expect(page.getByText('We sent a code to n***@e***.')).toBeVisible();
    const code = lastCode(username);
    await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('alert')).toContainText('That code isn’t right.');
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect.poll(() => emulator.outbox.filter((entry) => entry.username === username).length).toBe(2);
    await page.getByLabel('Code').fill(lastCode(username));
    await page.getByRole('button', { name: 'Verify' }).click();
  });
  await test.step('signed in straight away (SRP with the password kept only until then)', async () => {
    await expectSignedIn(page);
    await expect(page.getByText(`Signed in as ${username}@example.com.`)).toBeVisible();
    expect(await page.locator('body').innerText()).not.toContain(PASSWORD);
  });
});

test('a taken username is refused with UsernameExistsException and the form stays', async ({ page }) => {
  await openSignUp(page);
  await fillSignUp(page, 'srp-user', PASSWORD);
  await expect(page.getByRole('alert')).toContainText('An account with this username already exists.');
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
