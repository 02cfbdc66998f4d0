// axe for the browser specs: no violations on the whole page, or on the widget alone where the page was checked.
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * AxeBuilder evaluates axe-core's 580 KB source in every frame twice per `analyze()`, and that, not the check,
 * is most of a run's cost (about 0.3 s of CPU per copy; the check on the widget takes under 0.1 s). So each page
 * gets the source once, and the builder is handed a no-op in its place.
 */
async function injectAxeOnce(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axe.source);
  }
}

/**
 * Legacy mode runs axe in the page itself: the default (runPartial) opens an extra blank page to finish every run,
 * which costs more than the check on this page (which has no cross-origin frames to reach).
 */
export async function expectNoViolations(page: Page, scope: 'page' | 'widget'): Promise<void> {
  await injectAxeOnce(page);
  const builder = new AxeBuilder({ page, axeSource: 'void 0' })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] });
  if (scope === 'widget') builder.include('.cx-widget');
  const results = await builder.analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}
