// A user with both SMS and an authenticator app enabled (no preference) picks one at SELECT_MFA_TYPE, each sign-in.
import { expect, test } from './fixtures.ts';

test('a user with two MFA methods picks the authenticator app, then after signing out picks text message', async ({
  cognito,
  signInPage,
  users,
  totp,
  outbox,
}) => {
  const user = users.take('selectMfa');
  await signInPage.open(cognito);

  await test.step('credentials: SRP, then SELECT_MFA_TYPE offers both methods', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SELECT_MFA_TYPE');
    await expect(signInPage.button(signInPage.messages.mfaMethods.SMS_MFA)).toBeVisible();
    await expect(signInPage.button(signInPage.messages.mfaMethods.SOFTWARE_TOKEN_MFA)).toBeVisible();
  });

  await test.step('SELECT_MFA_TYPE: the authenticator app → SOFTWARE_TOKEN_MFA', async () => {
    await signInPage.chooseMfa('SOFTWARE_TOKEN_MFA');
    await signInPage.expectStep('SOFTWARE_TOKEN_MFA');
  });

  await test.step('SOFTWARE_TOKEN_MFA: the code for the user’s secret', async () => {
    await signInPage.submitCode(totp.code(user.totpSecret ?? ''));
    await signInPage.expectSignedIn();
  });

  await test.step('signed out, then SRP again: SELECT_MFA_TYPE asks again', async () => {
    await signInPage.signOut();
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SELECT_MFA_TYPE');
  });

  await test.step('SELECT_MFA_TYPE: text message → SMS_MFA, and a code is sent', async () => {
    await signInPage.chooseMfa('SMS_MFA');
    await signInPage.expectStep('SMS_MFA');
  });

  await test.step('SMS_MFA: the texted code; this browser is a known device now, so no remember prompt', async () => {
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'SMS' }));
    await signInPage.expectStep('signedIn');
  });
});
