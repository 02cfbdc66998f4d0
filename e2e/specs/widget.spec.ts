// The widget used with the keyboard alone: focus lands on each step's first field, Enter submits, Tab moves on.
import { expect, test } from './fixtures.ts';

test('a TOTP user signs in with the keyboard only, focus landing on each step’s first field', async ({
  cognito,
  signInPage,
  users,
  totp,
  page,
}) => {
  const user = users.take('totp');
  await signInPage.open(cognito);
  await expect(signInPage.username).toBeFocused();
  await page.keyboard.type(user.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await signInPage.expectStep('SOFTWARE_TOKEN_MFA');
  await expect(signInPage.code).toBeFocused();
  await expect(signInPage.code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(signInPage.code).toHaveAttribute('inputmode', 'numeric');
  await page.keyboard.type(totp.code(user.totpSecret ?? ''));
  await page.keyboard.press('Enter');
  await expect(signInPage.button(signInPage.messages.rememberDevice)).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await signInPage.expectStep('signedIn');
});
