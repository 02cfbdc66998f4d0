// CUSTOM_AUTH with SRP first: after the password, the pool's trigger asks a question the user must answer.
import { expect, test } from './fixtures.ts';

const QUESTION = 'What is 6 × 7?';

test('a user answers the pool’s custom challenge after their password', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('custom');
  await signInPage.open(cognito, { authFlow: 'CUSTOM_AUTH_SRP' });

  await test.step('credentials: CUSTOM_AUTH with SRP_A, PASSWORD_VERIFIER, then CUSTOM_CHALLENGE', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('CUSTOM_CHALLENGE');
    // The trigger's public question is the answer field's label.
    await expect(page.getByLabel(QUESTION, { exact: true })).toBeVisible();
  });

  await test.step('CUSTOM_CHALLENGE: the answer the trigger verifies', async () => {
    await signInPage.submitAnswer(QUESTION, '42');
  });

  await test.step('signed in', async () => {
    await signInPage.expectSignedIn();
    await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  });
});
