// The React app signs in with SRP in the worker, and a reload keeps the user signed in (web-storage token store).
import { expect, test } from '@playwright/test';
import { SignInPage } from 'cognito-xstate/testing';
import { demoPassword, sharedPool } from './target.ts';

test('a user signed in on the React app stays signed in after a reload', async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.open(sharedPool);
  await signInPage.submitCredentials('srp-user', demoPassword);
  await signInPage.expectSignedIn();
  await expect(page.locator('body')).toHaveAttribute('data-srp-engine', 'worker');
  await page.reload();
  await signInPage.expectStep('signedIn');
});
