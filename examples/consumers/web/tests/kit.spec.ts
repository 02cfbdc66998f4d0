// The Playwright kit from the package: its own emulator per worker, the outbox, and the widget's page object.
import { test } from 'cognito-xstate/testing';

test('an SMS-MFA user signs in with the code from the outbox', async ({ cognito, signInPage, outbox }) => {
  await signInPage.open(cognito);
  await signInPage.submitCredentials('sms-user', 'Passw0rd!demo');
  await signInPage.expectStep('SMS_MFA');
  await signInPage.submitCode(await outbox.waitForCode('sms-user', { channel: 'SMS' }));
  await signInPage.expectSignedIn();
});
