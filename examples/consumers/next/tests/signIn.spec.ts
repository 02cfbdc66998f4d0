// The prerendered Next.js pages: the widget is in the static HTML, SRP runs in the worker Turbopack emitted,
// a real sign-in against the emulator succeeds, and the web-storage token store keeps the user across a reload.
// Plain Playwright: cognito-xstate/testing would pull in the AWS SDK, which this app does not need.
import { expect, test } from '@playwright/test';

const demoPassword = 'Passw0rd!demo';
const emulator = process.env.EMULATOR_URL ?? 'http://127.0.0.1:9229';

test('the prerendered page hydrates and signs a user in with SRP in the worker', async ({ page, request }) => {
  // The widget is in the prerendered HTML, waiting: no form a user could submit before React hydrates it.
  const html = await (await request.get('/')).text();
  expect(html).toContain('class="cx-widget"');
  expect(html).not.toContain('<form');

  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto(`/?endpoint=${encodeURIComponent(emulator)}`);
  await page.getByLabel('Username', { exact: true }).fill('srp-user');
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Not now', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'You’re signed in', exact: true })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-srp-engine', 'worker');
  expect(workers.some((url) => url.includes('/_next/'))).toBe(true);
  expect(errors).toEqual([]);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'You’re signed in', exact: true })).toBeVisible();
});

test('a server component renders the widget directly, and it hydrates to the sign-in form', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/direct');
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable();
  expect(errors).toEqual([]);
});
