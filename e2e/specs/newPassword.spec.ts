// A user created with a temporary password chooses a new one and fills in the attribute the pool requires.
import { expect, test } from './fixtures.ts';

const NEW_PASSWORD = 'N3w-passw0rd!e2e';

test('a user with a temporary password sets a new one and their name, then signs in with it', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('newPassword');
  await signInPage.open(cognito);

  await test.step('credentials: the temporary password leads to NEW_PASSWORD_REQUIRED', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('NEW_PASSWORD_REQUIRED');
    // requiredAttributes lists `name`, which the user lacks: the form asks for it by its label.
    await expect(page.getByLabel(signInPage.messages.attributes.name ?? 'name', { exact: true })).toBeVisible();
  });

  await test.step('NEW_PASSWORD_REQUIRED: two passwords that differ are caught before any request', async () => {
    await page.getByLabel(signInPage.messages.attributes.name ?? 'name', { exact: true }).fill('Ada Lovelace');
    await page.getByLabel(signInPage.messages.newPassword, { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(signInPage.messages.confirmPassword, { exact: true }).fill(`${NEW_PASSWORD}x`);
    await signInPage.button(signInPage.messages.setPassword).click();
    await expect(signInPage.alert).toHaveText(signInPage.messages.passwordsDiffer);
  });

  await test.step('NEW_PASSWORD_REQUIRED: a weak password is refused with the rule it breaks', async () => {
    await expect(page.getByText(signInPage.messages.passwordRequirements)).toBeVisible();
    await signInPage.submitNewPassword('alllowercase1!', { name: 'Ada Lovelace' });
    await expect(signInPage.alert).toContainText('The password is missing: An upper-case letter.');
  });

  await test.step('NEW_PASSWORD_REQUIRED: new password and the required name', async () => {
    await signInPage.submitNewPassword(NEW_PASSWORD, { name: 'Ada Lovelace' });
    await signInPage.expectSignedIn();
    const claims = page.getByRole('region', { name: 'ID token claims' });
    await expect(claims.getByText('Ada Lovelace', { exact: true })).toBeVisible();
  });

  await test.step('sign out, then the new password signs in straight away', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await signInPage.submitCredentials(user.username, NEW_PASSWORD);
    // This device was confirmed (not remembered) on the first sign-in, so nothing more is asked.
    await signInPage.expectStep('signedIn');
  });
});
