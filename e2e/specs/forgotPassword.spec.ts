// "Forgot password?" in the real widget, in Chromium, against the kit's per-worker emulator; each test makes its
// own user with the kit's admin (AdminCreateUser, and AdminResetUserPassword for a reset the pool demands).
import { AdminResetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../emulator/demo.ts';
import { createConfirmedUser, expect, test } from './fixtures.ts';
import type { Cognito, SignInPage } from '../kit/index.ts';

const NEW_PASSWORD = 'R3set!password-ok';

/** "Forgot password?" on the credentials form, then the username and "Send code". */
async function requestResetCode(page: Page, signInPage: SignInPage, cognito: Cognito, username: string): Promise<void> {
  await signInPage.open(cognito);
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Send code' }).click();
}

/** Signs in with the username the widget kept after the reset: only the password is typed. */
async function signInWithKeptUsername(signInPage: SignInPage, password: string): Promise<void> {
  await signInPage.password.fill(password);
  await signInPage.button(signInPage.messages.signIn).click();
}

test('a user who forgot the password resets it with the emailed code (a weak one refused by name) and signs in with the username kept', async ({
  admin,
  cognito,
  signInPage,
  outbox,
  page,
}) => {
  const username = await createConfirmedUser(admin, 'reset-a', DEMO_PASSWORD);
  await requestResetCode(page, signInPage, cognito, username);
  await test.step('ForgotPassword shows the masked destination', async () => {
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByText('We sent a code to r***@e***.')).toBeVisible();
  });
  await test.step('ConfirmForgotPassword: a wrong code, a weak password, then the right code with a strong one', async () => {
    const code = await outbox.waitForCode(username, { channel: 'EMAIL' });
    await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page.getByRole('alert')).toContainText('That code isn’t right.');
    // The form clears both fields after each try. The emulator checks the policy before the code, so a refused
    // password does not spend the code (Cognito does not document its order here).
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('New password').fill('alllowercase1!');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page.getByRole('alert')).toContainText('The password is missing: An upper-case letter.');
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Reset password' }).click();
  });
  await test.step('back on sign-in with the username kept; the new password works', async () => {
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('Your password has been reset.')).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveValue(username);
    await signInWithKeptUsername(signInPage, NEW_PASSWORD);
    await signInPage.expectSignedIn();
  });
});

test('PasswordResetRequiredException on sign-in goes straight to the code step', async ({
  admin,
  cognito,
  signInPage,
  outbox,
  page,
}) => {
  const username = await createConfirmedUser(admin, 'must-reset', DEMO_PASSWORD);
  // An administrator's reset leaves the user RESET_REQUIRED: their next sign-in is refused with
  // PasswordResetRequiredException, and the widget asks for the code Cognito sends then.
  await admin.client.send(new AdminResetUserPasswordCommand({ UserPoolId: cognito.userPoolId, Username: username }));
  await signInPage.open(cognito);
  await signInPage.submitCredentials(username, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByText('We sent a code to m***@e***.')).toBeVisible();
  await page.getByLabel('Code').fill(await outbox.waitForCode(username, { channel: 'EMAIL' }));
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByLabel('Username')).toHaveValue(username);
  await signInWithKeptUsername(signInPage, NEW_PASSWORD);
  await signInPage.expectSignedIn();
});
