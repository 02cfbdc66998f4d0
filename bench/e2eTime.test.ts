// Tests for reading Playwright's end-of-run summary.
import { describe, expect, it } from 'vitest';
import { playwrightSummary, testsRun } from './e2eTime.ts';

describe('playwrightSummary', () => {
  it('collects the passed, failed and skipped counts of the list reporter', () => {
    const output =
      'Running 12 tests using 2 workers\n  ✓ 1 a\n\n  1 failed\n    [chromium] › x.spec.ts\n  2 skipped\n  9 passed (31.2s)\n';
    expect(playwrightSummary(output)).toBe('1 failed, 2 skipped, 9 passed');
  });

  it('says when there is no summary', () => {
    expect(playwrightSummary('Error: no tests found')).toBe('no test summary');
  });
});

describe('testsRun', () => {
  it('counts the tests that ran to an outcome, not the skipped ones', () => {
    const output = '  1 failed\n    [chromium] › x.spec.ts\n  2 skipped\n  1 flaky\n  9 passed (31.2s)\n';
    expect(testsRun(output)).toBe(11);
  });
});
