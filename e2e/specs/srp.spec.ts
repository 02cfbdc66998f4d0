// A user without MFA signs in with SRP: InitiateAuth (USER_SRP_AUTH) then PASSWORD_VERIFIER, and nothing more. A wrong
// password first is refused exactly as an unknown user is.
import { expect, test } from './fixtures.ts';

test('a wrong password is refused without saying whether the account exists; the right one signs in over SRP', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  const requests = cognito.emulator?.requests ?? [];
  await signInPage.open(cognito);

  await test.step('PASSWORD_VERIFIER with a wrong password: NotAuthorizedException', async () => {
    await signInPage.submitCredentials(user.username, 'Wrong-passw0rd!');
    // Announced in the alert region; the password is cleared and focused for the next try.
    await expect(signInPage.alert).toHaveText(signInPage.messages.errors.NotAuthorizedException ?? '');
    await expect(signInPage.password).toBeFocused();
    await expect(signInPage.password).toHaveValue('');
  });

  await test.step('an unknown user gets the very same answer', async () => {
    await signInPage.submitCredentials('nobody-here', 'Wrong-passw0rd!');
    await expect(signInPage.alert).toHaveText(signInPage.messages.errors.NotAuthorizedException ?? '');
    await signInPage.expectStep('credentials');
  });

  const before = requests.length;
  await test.step('credentials: USER_SRP_AUTH, then the PASSWORD_VERIFIER claim', async () => {
    await signInPage.submitCredentials(user.username, user.password);
  });

  await test.step('signed in: the ID token names the user, and no password went over the wire', async () => {
    await signInPage.expectSignedIn();
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
    expect(requests.slice(before, before + 2).map((request) => request.target.split('.').pop())).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
    ]);
  });
});
