// A user with SMS MFA signs in with the code Cognito texts them (read from the emulator's outbox).
import { expect, test } from './fixtures.ts';

test('an SMS MFA user signs in with the code texted to their phone', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('sms');
  await signInPage.open(cognito);

  await test.step('credentials: SRP, then Cognito answers SMS_MFA and texts a code', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SMS_MFA');
    // Only the last four digits of the phone number are shown.
    await expect(page.getByText(/We sent a code to \+\*+0100\./)).toBeVisible();
  });

  await test.step('SMS_MFA: the code from the text message', async () => {
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'SMS' }));
  });

  await test.step('signed in', async () => {
    await signInPage.expectSignedIn();
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  });
});
