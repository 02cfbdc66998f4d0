// Tests for the closed-loop load runner and its windowed rate.
import { describe, expect, it } from 'vitest';
import { fractionRate, runLoad, windowRate } from './load.ts';

describe('runLoad', () => {
  it('runs exactly maxFlows flows across the workers and times each one', async () => {
    const seen: number[] = [];
    const result = await runLoad(
      async (index) => {
        seen.push(index);
        await Promise.resolve();
      },
      { concurrency: 4, durationMs: 60_000, maxFlows: 10 },
    );
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.latencies).toHaveLength(10);
    expect(result.finishedAt).toHaveLength(10);
    expect(result.errors).toBe(0);
  });

  it('counts failed flows apart and keeps the first error message', async () => {
    const result = await runLoad(
      (index) => (index % 2 === 0 ? Promise.reject(new Error(`boom ${index}`)) : Promise.resolve()),
      { concurrency: 1, durationMs: 60_000, maxFlows: 4 },
    );
    expect(result.errors).toBe(2);
    expect(result.latencies).toHaveLength(2);
    expect(result.firstError).toBe('boom 0');
  });
});

describe('windowRate', () => {
  it('counts completions inside the window, per second', () => {
    expect(windowRate([100, 600, 900, 1500, 2500], 0, 1000)).toBe(3);
    expect(windowRate([100, 600, 900, 1500, 2500], 1000, 3000)).toBe(1);
  });
});

describe('fractionRate', () => {
  it('measures the rate between two fractions of the completions', () => {
    const steady = Array.from({ length: 101 }, (_, i) => i * 10);
    expect(fractionRate(steady, 0.1, 0.3)).toBe(100);
    expect(fractionRate(steady, 0.7, 0.9)).toBe(100);
  });

  it('shows a slowdown as a lower rate late in the run', () => {
    const slowing = Array.from({ length: 101 }, (_, i) => i * i);
    expect(fractionRate(slowing, 0.7, 0.9)).toBeLessThan(fractionRate(slowing, 0.1, 0.3));
  });
});
