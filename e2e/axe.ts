// axe for the browser specs: no violations on the whole page, or on the widget alone where the page was checked.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Legacy mode runs axe in the page itself: the default (runPartial) opens an extra blank page to finish every run,
 * which costs more than the check on this page (which has no cross-origin frames to reach).
 */
export async function expectNoViolations(page: Page, scope: 'page' | 'widget'): Promise<void> {
  const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (scope === 'widget') axe.include('.cx-widget');
  const results = await axe.analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}
