import { describe, expect, it } from 'vitest';
import { longestTaskAfter, medianLongestTask } from './mainThread.ts';

describe('longestTaskAfter', () => {
  it('ignores tasks that ended before the user pressed Sign in', () => {
    const entries = [
      { startTime: 0, duration: 300 },
      { startTime: 1000, duration: 70 },
      { startTime: 1200, duration: 55 },
    ];
    expect(longestTaskAfter(entries, 500)).toBe(70);
  });

  it('counts a task that was running when the user pressed Sign in', () => {
    expect(longestTaskAfter([{ startTime: 400, duration: 200 }], 500)).toBe(200);
  });

  it('has no figure when no long task happened after the press', () => {
    expect(longestTaskAfter([{ startTime: 0, duration: 90 }], 500)).toBeUndefined();
  });
});

describe('medianLongestTask', () => {
  it('takes the median of runs that all had a long task', () => {
    expect(medianLongestTask([80, 60, 120])).toEqual({ kind: 'value', value: 80 });
  });

  it('ranks a run without a long task below every run with one', () => {
    expect(medianLongestTask([undefined, 90, 60])).toEqual({ kind: 'value', value: 60 });
  });

  it('says "< 50 ms" when most runs had no long task', () => {
    expect(medianLongestTask([undefined, 90, undefined])).toEqual({ kind: 'below', limit: 50, reason: 'no long task' });
  });
});
