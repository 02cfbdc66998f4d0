// Accessibility beyond the sign-in machine's own steps: the demo page, the credentials and code steps with an
// error, the remember prompt, the signed-in page and the account screen. Every step the machine can show is checked
// by the model-based walk (modelBased.spec.ts), on the first walk that reaches it.
import { expectNoViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

// One axe run costs a second or more of CPU on a 2-core runner; some tests below run it three times.
test.describe.configure({ timeout: 60_000 });

test('the credentials step and the demo page, with and without an error, have no axe violations', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  await signInPage.open(cognito);
  await expectNoViolations(page, 'page');
  await signInPage.submitCredentials(user.username, 'wrong-password');
  await expect(signInPage.alert).toHaveText(signInPage.messages.errors.NotAuthorizedException ?? '');
  await expectNoViolations(page, 'widget');
});

test('a wrong code error, the remember-device prompt and the signed-in page have no axe violations', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  const user = users.take('sms');
  await signInPage.open(cognito);
  await signInPage.submitCredentials(user.username, user.password);
  await expect(signInPage.code).toBeFocused();
  const code = await outbox.waitForCode(user.username, { channel: 'SMS' });
  await signInPage.submitCode(code === '000000' ? '111111' : '000000');
  await expect(signInPage.alert).toHaveText(signInPage.messages.errors.CodeMismatchException ?? '');
  await expectNoViolations(page, 'widget');
  await signInPage.submitCode(code);
  await signInPage.expectStep('rememberDevice');
  await expectNoViolations(page, 'widget');
  await signInPage.rememberDevice(false);
  await signInPage.expectStep('signedIn');
  // Signed in, the demo shows the claims and the account screen beside the widget: check them all.
  await expectNoViolations(page, 'page');
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
  await expectNoViolations(page, 'page');
});
