// Passwordless sign-in: USER_AUTH with PREFERRED_CHALLENGE SMS_OTP, the user types a username and the texted code.
import { expect, test } from './fixtures.ts';

test('a user signs in with no password: a wrong texted code is refused, the right one signs them in', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('passwordless');
  // The demo's "No password" flow is the widget's `passwordless: 'SMS_OTP'` option.
  await signInPage.open(cognito, { authFlow: 'USER_AUTH' });

  await test.step('credentials: the username alone, no password field', async () => {
    await expect(signInPage.password).toHaveCount(0);
    await signInPage.requestSmsCode(user.username);
  });

  const code = await test.step('SMS_OTP: Cognito texts a code to the masked phone number', async () => {
    await signInPage.expectStep('SMS_MFA');
    await expect(page.getByText(/We sent a code to \+\*+0100\./)).toBeVisible();
    return outbox.waitForCode(user.username, { channel: 'SMS' });
  });

  await test.step('SMS_OTP with a wrong code: CodeMismatchException, the step stays', async () => {
    await signInPage.submitCode(code === '000000' ? '111111' : '000000');
    await expect(signInPage.alert).toHaveText(signInPage.messages.errors.CodeMismatchException ?? '');
  });

  await test.step('SMS_OTP with the texted code: signed in, the ID token naming the user', async () => {
    await signInPage.submitCode(code);
    await signInPage.expectSignedIn();
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  });
});
