// Remember this device: the next sign-in on it proves the device with DEVICE_SRP_AUTH instead of asking for MFA.
import { expect, test } from './fixtures.ts';

test('after “Remember this device”, signing in again on it skips the SMS code', async ({
  cognito,
  signInPage,
  users,
  outbox,
}) => {
  const user = users.take('sms');
  const sent = () => (cognito.emulator?.outbox ?? []).filter((message) => message.username === user.username).length;
  await signInPage.open(cognito);

  await test.step('first sign-in: SRP, then SMS_MFA with the texted code', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SMS_MFA');
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'SMS' }));
  });

  await test.step('ConfirmDevice, then “Remember this device” (UpdateDeviceStatus remembered)', async () => {
    await signInPage.expectSignedIn({ rememberDevice: true });
  });

  await test.step('sign out (the device keys stay)', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
  });

  await test.step('sign in again: PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, no MFA step', async () => {
    const codesBefore = sent();
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('signedIn');
    await expect(signInPage.heading('SMS_MFA')).toHaveCount(0);
    await expect(signInPage.heading('rememberDevice')).toHaveCount(0);
    expect(sent()).toBe(codesBefore);
  });
});
