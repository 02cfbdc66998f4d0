// The prerendered Next.js pages: the widget is in the static HTML, SRP runs in the worker Turbopack emitted, a real
// sign-in against the emulator succeeds, and the web-storage token store keeps the user across a reload. The
// kit's page object comes from cognito-xstate/testing, which loads without the AWS SDK (only `admin` needs it).
import { expect, test } from '@playwright/test';
import { SignInPage } from 'cognito-xstate/testing';

const pool = {
  endpoint: process.env.EMULATOR_URL ?? 'http://127.0.0.1:9229',
  userPoolId: 'us-east-1_DemoPool1',
  clientId: 'demoappclient0000000000001',
};

test('the prerendered page hydrates and signs a user in with SRP in the worker', async ({ page, request }) => {
  // The widget is in the prerendered HTML, waiting: no form a user could submit before React hydrates it.
  const html = await (await request.get('/')).text();
  expect(html).toContain('class="cx-widget"');
  expect(html).not.toContain('<form');

  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  const signInPage = new SignInPage(page);
  await signInPage.open(pool);
  await signInPage.submitCredentials('srp-user', 'Passw0rd!demo');
  await signInPage.expectSignedIn();
  await expect(page.locator('body')).toHaveAttribute('data-srp-engine', 'worker');
  expect(workers.some((url) => url.includes('/_next/'))).toBe(true);
  expect(errors).toEqual([]);

  await page.reload();
  await signInPage.expectStep('signedIn');
});

test('a server component renders the widget directly, and it hydrates to the sign-in form', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const signInPage = new SignInPage(page);
  await page.goto('/direct');
  await signInPage.expectStep('credentials');
  await expect(signInPage.password).toBeEditable();
  expect(errors).toEqual([]);
});
