// A user with an authenticator app signs in with the TOTP code computed from their secret.
import { expect, test } from './fixtures.ts';

test('a TOTP user signs in with the code from their authenticator app', async ({
  cognito,
  signInPage,
  users,
  totp,
  page,
}) => {
  const user = users.take('totp');
  const secret = user.totpSecret ?? '';
  await signInPage.open(cognito);

  await test.step('credentials: SRP, then Cognito answers SOFTWARE_TOKEN_MFA', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SOFTWARE_TOKEN_MFA');
  });

  await test.step('SOFTWARE_TOKEN_MFA: the current code for the user’s secret', async () => {
    await signInPage.submitCode(totp.code(secret));
  });

  await test.step('signed in', async () => {
    await signInPage.expectSignedIn();
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  });
});
