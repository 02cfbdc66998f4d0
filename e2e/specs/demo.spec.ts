// The demo page that `npm start` serves loads in Chromium (on the kit's workers, so it needs no browser of its own).
import { expect, test } from './fixtures.ts';

test('the demo page loads and shows its heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cognito sign-in demo');
});
