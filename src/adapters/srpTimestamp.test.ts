// Tests that TIMESTAMP strings match amazon-cognito-identity-js's DateHelper for any instant.
import { DateHelper } from 'amazon-cognito-identity-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VectorSource } from './srpTestVectors.testkit.ts';
import { formatTimestamp } from './srpTimestamp.ts';

describe('formatTimestamp', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('formats the documented example with an unpadded day', () => {
    expect(formatTimestamp(new Date(Date.UTC(2026, 2, 4, 18, 0, 7)))).toBe('Wed Mar 4 18:00:07 UTC 2026');
  });

  it('matches DateHelper.getNowString for 2,000 random instants between 1970 and 2100', () => {
    const source = new VectorSource(3);
    vi.useFakeTimers({ toFake: ['Date'] });
    const helper = new DateHelper();
    for (let i = 0; i < 2000; i += 1) {
      const now = source.date();
      vi.setSystemTime(now);
      expect(formatTimestamp(now)).toBe(helper.getNowString());
    }
  });
});
