// Accessibility beyond the views the model walk shows (modelBased.spec.ts checks each of those with axe on the first
// walk that reaches it): the demo page around the widget, the credentials and code steps with an error, and the
// signed-in page with the account screen open.
import { expectNoViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

// The first axe check on a page costs about half a second of CPU on a 2-core runner (loading axe-core), later ones
// about 0.15 s; the first test below runs three.
test.describe.configure({ timeout: 60_000 });

test('the demo page, the credentials step with a wrong password and the SMS step with a wrong code have no axe violations', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('sms');
  await signInPage.open(cognito);
  await expectNoViolations(page, 'page');
  await test.step('the credentials step with its error', async () => {
    await signInPage.submitCredentials(user.username, 'wrong-password');
    await expect(signInPage.alert).toHaveText(signInPage.messages.errors.NotAuthorizedException ?? '');
    await expectNoViolations(page, 'widget');
  });
  await test.step('the SMS step with its error', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await expect(signInPage.code).toBeFocused();
    const code = await outbox.waitForCode(user.username, { channel: 'SMS' });
    await signInPage.submitCode(code === '000000' ? '111111' : '000000');
    await expect(signInPage.alert).toHaveText(signInPage.messages.errors.CodeMismatchException ?? '');
    await expectNoViolations(page, 'widget');
  });
});

test('the account screen, its authenticator enrolment and its device list have no axe violations', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  await signInPage.open(cognito);
  await signInPage.submitCredentials(user.username, user.password);
  await signInPage.expectSignedIn();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  const devices = page.getByRole('region', { name: 'Remembered devices' });
  await devices.getByRole('button', { name: 'Show remembered devices' }).click();
  await expect(devices.getByRole('listitem')).toHaveCount(1);
  const mfa = page.getByRole('region', { name: 'Two-step verification' });
  await mfa.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(mfa.getByRole('img', { name: /QR code/ })).toBeVisible();
  // The whole signed-in page: the widget's signed-in view, the claims and the account screen.
  await expectNoViolations(page, 'page');
});
