// A mistyped code is refused (CodeMismatchException) and the same Session takes the right code after it.
import { expect, test } from './fixtures.ts';

test('a wrong SMS code is refused, the step stays, and the right code then signs in', async ({
  cognito,
  signInPage,
  users,
  outbox,
}) => {
  const user = users.take('sms');
  await signInPage.open(cognito);

  await test.step('credentials: SRP, then SMS_MFA', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SMS_MFA');
  });

  const code = await outbox.waitForCode(user.username, { channel: 'SMS' });

  await test.step('SMS_MFA with a wrong code: CodeMismatchException, shown in the alert, field cleared and focused', async () => {
    await signInPage.submitCode(code === '000000' ? '111111' : '000000');
    await expect(signInPage.alert).toHaveText(signInPage.messages.errors.CodeMismatchException ?? '');
    await signInPage.expectStep('SMS_MFA');
    await expect(signInPage.code).toBeFocused();
    await expect(signInPage.code).toHaveValue('');
  });

  await test.step('SMS_MFA with the right code on the same Session', async () => {
    await signInPage.submitCode(code);
    await signInPage.expectSignedIn();
  });
});
