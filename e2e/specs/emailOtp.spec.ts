// A user with email MFA signs in with the code Cognito emails them (read from the emulator's outbox).
import { expect, test } from './fixtures.ts';

test('an email MFA user signs in with the code from their email', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('email');
  await signInPage.open(cognito);

  await test.step('credentials: SRP, then EMAIL_OTP and an email with a code', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('EMAIL_OTP');
    await expect(page.getByText(/We sent a code to e\*\*\*@e\*\*\*\./)).toBeVisible();
  });

  await test.step('EMAIL_OTP: the emailed code', async () => {
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'EMAIL' }));
  });

  await test.step('signed in', async () => {
    await signInPage.expectSignedIn();
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  });
});
