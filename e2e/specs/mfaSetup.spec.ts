// A user who must set up MFA scans (reads) the key, proves it with a code, and from then on signs in with TOTP.
import { expect, test } from './fixtures.ts';

test('a user sets up an authenticator app at MFA_SETUP, then signs in again with it', async ({
  cognito,
  signInPage,
  users,
  totp,
  page,
}) => {
  const user = users.take('mfaSetup');
  let secret = '';
  await signInPage.open(cognito);

  await test.step('credentials: SRP, then MFA_SETUP (AssociateSoftwareToken gives a key)', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('MFA_SETUP');
    await expect(page.getByRole('img', { name: signInPage.messages.mfaSetupQrAlt })).toBeVisible();
  });

  await test.step('scan: read the key from the otpauth:// link', async () => {
    const uri = await signInPage.totpSetupUri();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    secret = totp.secretOf(uri);
    // The key shown for typing by hand is the same one, in groups of four.
    await expect(page.getByText(secret.replace(/(.{4})(?=.)/g, '$1 '), { exact: true })).toBeVisible();
  });

  await test.step('MFA_SETUP: VerifySoftwareToken with a code, then RespondToAuthChallenge', async () => {
    await signInPage.submitCode(totp.code(secret));
    await signInPage.expectSignedIn();
  });

  await test.step('sign out, sign in again: now SOFTWARE_TOKEN_MFA with the same app', async () => {
    await signInPage.signOut();
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SOFTWARE_TOKEN_MFA');
    await signInPage.submitCode(totp.code(secret));
    await signInPage.expectStep('signedIn');
  });
});
