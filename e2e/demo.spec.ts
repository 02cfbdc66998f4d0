// The demo page that `npm start` serves loads in Chromium.
import { expect, test } from '@playwright/test';

test('the demo page loads and shows its heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cognito sign-in demo');
});
