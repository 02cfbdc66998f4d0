// Sign-out drops the tokens from the page and returns to the credentials form with the username kept.
import { expect, test } from './fixtures.ts';

test('a signed-in user signs out and is back at the credentials form', async ({ cognito, signInPage, users, page }) => {
  const user = users.take('srp');
  const claims = page.getByRole('region', { name: 'ID token claims' });
  await signInPage.open(cognito);

  await test.step('sign in with SRP', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectSignedIn();
    await expect(claims).toBeVisible();
  });

  await test.step('sign out: the claims disappear, the username stays for next time', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await expect(claims).toHaveCount(0);
    await expect(signInPage.username).toHaveValue(user.username);
    await expect(signInPage.password).toHaveValue('');
  });
});
