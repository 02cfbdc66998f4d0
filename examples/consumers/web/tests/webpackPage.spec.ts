// The same widget bundled by webpack 5 (webpack/build.mjs): webpack emits the SRP worker as a chunk of its own.
import { expect, test } from '@playwright/test';
import { SignInPage } from 'cognito-xstate/testing';
import { demoPassword, sharedPool } from './target.ts';

test('a user signs in on a webpack-built page with SRP in the worker webpack emitted', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const signInPage = new SignInPage(page);
  await signInPage.open(sharedPool, { path: 'webpack/' });
  await signInPage.submitCredentials('srp-user', demoPassword);
  await signInPage.expectSignedIn();
  await expect(page.locator('body')).toHaveAttribute('data-srp-engine', 'worker');
  expect(workers).toEqual([expect.stringMatching(/\/webpack\/\d+\.main\.js$/)]);
});
