// Tests for the benchmark's percentile, median and rate math.
import { describe, expect, it } from 'vitest';
import { median, percentile, ratePerSecond, summarize } from './stats.ts';

describe('percentile', () => {
  it('returns the middle sample of an odd-sized set as the median, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('interpolates between the two middle samples of an even-sized set', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives the extremes at q = 0 and q = 1', () => {
    expect(percentile([3, 7, 5], 0)).toBe(3);
    expect(percentile([3, 7, 5], 1)).toBe(7);
  });

  it('interpolates p99 near the top of 1..101', () => {
    const samples = Array.from({ length: 101 }, (_, i) => i + 1);
    expect(percentile(samples, 0.99)).toBe(100);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty sample set and a quantile outside [0, 1]', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports count, p50, p99 and max', () => {
    expect(summarize([10, 20, 30])).toEqual({ n: 3, p50: 20, p99: 29.8, max: 30 });
  });
});

describe('ratePerSecond', () => {
  it('turns a count over milliseconds into a per-second rate', () => {
    expect(ratePerSecond(50, 250)).toBe(200);
  });

  it('refuses a zero elapsed time', () => {
    expect(() => ratePerSecond(1, 0)).toThrow(RangeError);
  });
});
