// The vanilla page mounts the widget with mountLoginWidget; unmounting ends the SRP worker.
import { expect, test } from '@playwright/test';
import { SignInPage } from 'cognito-xstate/testing';
import { demoPassword, sharedPool } from './target.ts';

test('a user signs in on a page that mounts the widget without React of its own', async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.open(sharedPool, { path: 'vanilla.html' });
  await signInPage.submitCredentials('srp-user', demoPassword);
  await signInPage.expectSignedIn();
  await expect(page.locator('body')).toHaveAttribute('data-srp-engine', 'worker');
});

test('mounting and unmounting the widget 10 times leaves no SRP worker alive', async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.open(sharedPool, { path: 'vanilla.html' });
  // The worker starts when the user first types, so each mount below types to start one and each unmount must end it.
  await signInPage.username.fill('srp-user');
  // page.workers() is Chromium's own list of live dedicated workers, as Playwright tracks them over CDP.
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  for (let cycle = 0; cycle < 10; cycle++) {
    await page.getByRole('button', { name: 'Unmount', exact: true }).click();
    await page.getByRole('button', { name: 'Mount', exact: true }).click();
    await signInPage.username.fill('srp-user');
  }
  await expect.poll(() => page.workers().length).toBe(1);
  await page.getByRole('button', { name: 'Unmount', exact: true }).click();
  await expect.poll(() => page.workers().length).toBe(0);
});
