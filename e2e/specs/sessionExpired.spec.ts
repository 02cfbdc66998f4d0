// A sign-in left waiting past the Session's lifetime (3 minutes) times out; starting again keeps the username.
import { expect, test } from './fixtures.ts';

test('a code typed after the Session expired shows the time-out, and starting again keeps the username', async ({
  cognito,
  signInPage,
  users,
  clock,
  outbox,
}) => {
  const user = users.take('sms');
  await signInPage.open(cognito);

  await test.step('credentials: SRP, then SMS_MFA', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SMS_MFA');
  });

  await test.step('the user waits: the emulator clock moves past AuthSessionValidity (3 min)', async () => {
    await clock.advance(3 * 60 + 1);
  });

  await test.step('SMS_MFA with the (right) code: NotAuthorizedException for the Session → sessionExpired', async () => {
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'SMS' }));
    await signInPage.expectStep('sessionExpired');
    await expect(signInPage.button(signInPage.messages.startAgain)).toBeFocused();
  });

  await test.step('start again: the credentials form keeps the username, not the password', async () => {
    await signInPage.startAgain();
    await signInPage.expectStep('credentials');
    await expect(signInPage.username).toHaveValue(user.username);
    await expect(signInPage.password).toHaveValue('');
  });

  await test.step('a fresh sign-in goes through', async () => {
    await signInPage.password.fill(user.password);
    await signInPage.button(signInPage.messages.signIn).click();
    await signInPage.expectStep('SMS_MFA');
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'SMS' }));
    await signInPage.expectSignedIn();
  });
});
