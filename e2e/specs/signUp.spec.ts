// "Create account" in the real widget, in Chromium, against the kit's per-worker emulator.
import type { Page } from '@playwright/test';
import { expect, test, uniqueUsername } from './fixtures.ts';
import type { Cognito, SignInPage } from '../kit/index.ts';

const PASSWORD = 'Br4nd!new-account';

async function openSignUp(page: Page, signInPage: SignInPage, cognito: Cognito): Promise<void> {
  await signInPage.open(cognito);
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

test('a visitor creates an account (a taken username refused first), confirms it with the emailed code and is signed in without typing the password again', async ({
  cognito,
  signInPage,
  outbox,
  page,
}) => {
  const username = uniqueUsername('newcomer');
  await openSignUp(page, signInPage, cognito);
  await test.step('the password policy is listed before submit', async () => {
    const rules = page.getByText('Your password needs:');
    await expect(rules).toBeVisible();
    await expect(page.getByText('At least 8 characters')).toBeVisible();
    await expect(page.getByText('A symbol, such as ! or @')).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveAttribute('autocomplete', 'new-password');
  });
  await test.step('a taken username: UsernameExistsException, the form stays; Cancel goes back to sign-in', async () => {
    await fillSignUp(page, 'srp-user', PASSWORD);
    await expect(page.getByRole('alert')).toContainText('An account with this username already exists.');
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByRole('button', { name: 'Create account' }).click();
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
    const code = await outbox.waitForCode(username, { channel: 'EMAIL' });
    await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('alert')).toContainText('That code isn’t right.');
    await page.getByRole('button', { name: 'Send a new code' }).click();
    // Each code is handed out once: this waits for the resent one.
    await page.getByLabel('Code').fill(await outbox.waitForCode(username, { channel: 'EMAIL' }));
    await page.getByRole('button', { name: 'Verify' }).click();
  });
  await test.step('signed in straight away (SRP with the password kept only until then)', async () => {
    await signInPage.expectSignedIn();
    await expect(page.getByText(`Signed in as ${username}@example.com.`)).toBeVisible();
    expect(await page.locator('body').innerText()).not.toContain(PASSWORD);
  });
});
