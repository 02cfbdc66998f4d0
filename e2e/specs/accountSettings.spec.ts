// The signed-in account screen in Chromium through the demo: password change, email change + verification,
// authenticator enrolment + MFA preference, remembered devices. Each test creates its own user (AdminCreateUser).
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Locator, Page } from '@playwright/test';
import { createConfirmedUser, expect, test } from './fixtures.ts';

const PASSWORD = 'Acc0unt!screen';
const NEW_PASSWORD = 'N3w!account-pw';

function accountSection(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

test('a signed-in user changes the password, then signs in with the new one', async ({
  admin,
  cognito,
  signInPage,
  page,
}) => {
  const username = await createConfirmedUser(admin, 'account-password', PASSWORD);
  await signInPage.open(cognito);
  await signInPage.submitCredentials(username, PASSWORD);
  await signInPage.expectSignedIn();
  const section = accountSection(page, 'Change password');

  await test.step('a wrong current password is refused in the alert region', async () => {
    await section.getByLabel('Current password', { exact: true }).fill('not-my-password');
    await section.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await section.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
    await section.getByRole('button', { name: 'Change password' }).click();
    await expect(section.getByRole('alert')).toHaveText('Incorrect username or password.');
  });

  await test.step('ChangePassword with the right one; the fields are cleared', async () => {
    await section.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await section.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await section.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
    await section.getByRole('button', { name: 'Change password' }).click();
    await expect(section.getByRole('status')).toHaveText('Your password has been changed.');
    await expect(section.getByLabel('New password', { exact: true })).toHaveValue('');
  });

  await test.step('sign out, and sign in with the new password', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await signInPage.submitCredentials(username, NEW_PASSWORD);
    // This browser's device is already confirmed, so there is no remember prompt this time.
    await signInPage.expectStep('signedIn');
  });
});

test('a signed-in user changes the email and verifies it with the emailed code', async ({
  admin,
  cognito,
  signInPage,
  outbox,
  page,
}) => {
  const username = await createConfirmedUser(admin, 'account-email', PASSWORD);
  const newEmail = `${username}-new@example.com`;
  await signInPage.open(cognito);
  await signInPage.submitCredentials(username, PASSWORD);
  await signInPage.expectSignedIn();
  const section = accountSection(page, 'Contact details');

  await test.step('UpdateUserAttributes: the code step appears with focus on the code field', async () => {
    await section.getByLabel('Email', { exact: true }).fill(newEmail);
    await section.getByRole('button', { name: 'Save contact details' }).click();
    await expect(section.getByRole('heading', { name: 'Enter the code from your email' })).toBeVisible();
    await expect(section.getByLabel('Code', { exact: true })).toBeFocused();
    await expect(section.getByLabel('Code', { exact: true })).toHaveAttribute('autocomplete', 'one-time-code');
  });

  await test.step('VerifyUserAttribute with the code from the outbox', async () => {
    await section.getByLabel('Code', { exact: true }).fill(await outbox.waitForCode(username, { channel: 'EMAIL' }));
    await section.getByRole('button', { name: 'Verify' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Verified.' })).toBeVisible();
  });

  const user = await admin.client.send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: username }));
  const attributes = Object.fromEntries(
    (user.UserAttributes ?? []).map((attribute): [string, string] => [attribute.Name ?? '', attribute.Value ?? '']),
  );
  expect(attributes).toMatchObject({ email: newEmail, email_verified: 'true' });
});

test('a signed-in user enrols an authenticator app and prefers it; the next sign-in asks for its code', async ({
  admin,
  cognito,
  signInPage,
  totp,
  page,
}) => {
  const username = await createConfirmedUser(admin, 'account-totp', PASSWORD);
  await signInPage.open(cognito);
  await signInPage.submitCredentials(username, PASSWORD);
  await signInPage.expectSignedIn();
  const section = accountSection(page, 'Two-step verification');

  await test.step('AssociateSoftwareToken: QR code, key and otpauth link; VerifySoftwareToken with its first code', async () => {
    await section.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible();
    await expect(section.getByLabel('Code', { exact: true })).toBeFocused();
    const secret = totp.secretOf(await signInPage.totpSetupUri());
    await section.getByLabel('Code', { exact: true }).fill(totp.code(secret));
    await section.getByRole('button', { name: 'Verify' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Your authenticator app is set up.' })).toBeVisible();
  });

  await test.step('SetUserMFAPreference: the authenticator app preferred', async () => {
    await section.getByRole('radio', { name: 'Authenticator app' }).check();
    await section.getByRole('button', { name: 'Save preference' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'preference is saved' })).toBeVisible();
  });

  await test.step('sign out and in again: SOFTWARE_TOKEN_MFA', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await signInPage.submitCredentials(username, PASSWORD);
    await signInPage.expectStep('SOFTWARE_TOKEN_MFA');
  });
});

test('a signed-in user lists the remembered devices and forgets this browser’s', async ({
  admin,
  cognito,
  signInPage,
  page,
}) => {
  const username = await createConfirmedUser(admin, 'account-devices', PASSWORD);
  await signInPage.open(cognito);
  await signInPage.submitCredentials(username, PASSWORD);
  await signInPage.expectSignedIn({ rememberDevice: true });
  const section = accountSection(page, 'Remembered devices');

  await test.step('ListDevices shows this browser, marked', async () => {
    await section.getByRole('button', { name: 'Show remembered devices' }).click();
    await expect(section.getByRole('listitem')).toHaveCount(1);
    await expect(section.getByRole('listitem')).toContainText('(this browser)');
  });

  await test.step('ForgetDevice: the list empties and the signed-in view no longer offers “Forget this device”', async () => {
    await expect(page.getByRole('button', { name: 'Forget this device', exact: true })).toBeVisible();
    await section
      .getByRole('listitem')
      .getByRole('button', { name: /^Forget / })
      .click();
    await expect(section.getByText('No remembered devices.')).toBeVisible();
    await expect(section.getByRole('status')).toHaveText('The device was forgotten.');
    await expect(page.getByRole('button', { name: 'Forget this device', exact: true })).toHaveCount(0);
  });
});

test('“Forget this device” in the signed-in view forgets the remembered device', async ({
  admin,
  cognito,
  signInPage,
  page,
}) => {
  const username = await createConfirmedUser(admin, 'account-forget', PASSWORD);
  await signInPage.open(cognito);
  await signInPage.submitCredentials(username, PASSWORD);
  await signInPage.expectSignedIn({ rememberDevice: true });
  await page.getByRole('button', { name: 'Forget this device', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'This device is forgotten' })).toBeFocused();
  const section = accountSection(page, 'Remembered devices');
  await section.getByRole('button', { name: 'Show remembered devices' }).click();
  await expect(section.getByText('No remembered devices.')).toBeVisible();
});
