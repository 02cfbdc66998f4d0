// Accessibility: axe finds no violations on any step of the widget (and the demo page around it).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type DemoPath } from './fixtures.ts';

// One axe run costs a second or more of CPU on a 2-core runner; some tests below run it three times.
test.describe.configure({ timeout: 60_000 });

/**
 * axe on the whole page, or only on the widget (`.cx-widget`) where the demo around it was checked already.
 * Legacy mode runs axe in the page itself: the default (runPartial) opens an extra blank page to finish every run,
 * which costs more than the check on this page (which has no cross-origin frames to reach).
 */
async function expectNoViolations(page: Page, scope: 'page' | 'widget'): Promise<void> {
  const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (scope === 'widget') axe.include('.cx-widget');
  const results = await axe.analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

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

const challengeSteps: readonly { path: DemoPath; heading: string; authFlow?: string }[] = [
  { path: 'sms', heading: 'Enter the code from your text message' },
  { path: 'totp', heading: 'Enter the code from your authenticator app' },
  { path: 'email', heading: 'Enter the code from your email' },
  { path: 'selectMfa', heading: 'Choose how to verify it’s you' },
  { path: 'newPassword', heading: 'Choose a new password' },
  { path: 'custom', heading: 'One more step', authFlow: 'CUSTOM_AUTH_SRP' },
];

for (const step of challengeSteps) {
  test(`the "${step.heading}" step (${step.path} user) has no axe violations`, async ({
    cognito,
    signInPage,
    users,
    page,
  }) => {
    const user = users.take(step.path);
    await signInPage.open(cognito, step.authFlow === undefined ? {} : { authFlow: step.authFlow });
    await signInPage.submitCredentials(user.username, user.password);
    await expect(page.getByRole('heading', { name: step.heading })).toBeVisible();
    await expectNoViolations(page, 'widget');
  });
}

test('the passwordless credentials step has no axe violations', async ({ cognito, signInPage, page }) => {
  await signInPage.open(cognito, { authFlow: 'USER_AUTH' });
  await expect(signInPage.button(signInPage.messages.textMeACode)).toBeVisible();
  await expectNoViolations(page, 'widget');
});

test('the MFA set-up step, with its QR code and key, has no axe violations', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('mfaSetup');
  await signInPage.open(cognito);
  await signInPage.submitCredentials(user.username, user.password);
  await signInPage.expectStep('MFA_SETUP');
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
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

test('the session-expired step has no axe violations', async ({ cognito, signInPage, users, clock }) => {
  const user = users.take('totp');
  await signInPage.open(cognito);
  await signInPage.submitCredentials(user.username, user.password);
  await expect(signInPage.code).toBeFocused();
  // Cognito's sign-in Session lasts 3 to 15 minutes; move the emulator's clock past any of them.
  await clock.advance(20 * 60);
  await signInPage.submitCode('123456');
  await signInPage.expectStep('sessionExpired');
  await expect(signInPage.button(signInPage.messages.startAgain)).toBeFocused();
  await expectNoViolations(signInPage.page, 'widget');
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
