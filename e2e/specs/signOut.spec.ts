// Sign-out drops the tokens from the page and returns to the credentials form with the username kept.
import { expect, test } from './fixtures.ts';

test('a signed-in user signs out and is back at the credentials form', async ({ cognito, signInPage, users, page }) => {
  const user = users.take('srp');
  const claims = page.getByRole('region', { name: 'ID token claims' });
  await signInPage.open(cognito);

  await test.step('sign in with SRP', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectSignedIn();
    // The ID token's claims, decoded; never a raw JWT (base64url of '{"' is "eyJ").
    await expect(claims.getByText('cognito:username')).toBeVisible();
    expect(await page.locator('body').innerText()).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  await test.step('sign out: the claims disappear, the username stays for next time', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await expect(claims).toHaveCount(0);
    await expect(signInPage.username).toHaveValue(user.username);
    await expect(signInPage.password).toHaveValue('');
  });
});
