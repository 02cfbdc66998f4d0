// Tests for the throughput phases: none can be scheduled with zero flows (issue 23).
import { describe, expect, it } from 'vitest';
import { runLoad } from './load.ts';
import { passwordPhases, passwordPlan, phase } from './phases.ts';

describe('passwordPhases', () => {
  it('issue 23: schedules every phase with at least one flow, for our emulator and for the peer', () => {
    for (const holdMs of [passwordPlan.holdMsOurs, passwordPlan.holdMsPeer]) {
      const { warmUp, sequential, concurrent, hold } = passwordPhases(holdMs);
      for (const scheduled of [warmUp, sequential, concurrent, hold]) {
        expect(scheduled.concurrency).toBeGreaterThanOrEqual(1);
        expect(scheduled.durationMs).toBeGreaterThan(0);
        if (scheduled.maxFlows !== undefined) expect(scheduled.maxFlows).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('gives the long run its own count, not what is left after the earlier phases', () => {
    expect(passwordPhases(passwordPlan.holdMsOurs).hold.maxFlows).toBe(passwordPlan.holdFlows);
  });
});

describe('phase', () => {
  it('refuses a phase that could finish without a single flow', () => {
    expect(() => phase('long run', { concurrency: 64, durationMs: 40_000, maxFlows: 0 })).toThrow(RangeError);
    expect(() => phase('long run', { concurrency: 64, durationMs: 40_000, maxFlows: -5 })).toThrow(RangeError);
    expect(() => phase('sequential', { concurrency: 1, durationMs: 0 })).toThrow(RangeError);
    expect(() => phase('concurrent', { concurrency: 0, durationMs: 8000 })).toThrow(RangeError);
  });
});

describe('runLoad', () => {
  it('refuses a run with zero flows instead of finishing empty', async () => {
    await expect(runLoad(() => Promise.resolve(), { concurrency: 64, durationMs: 1000, maxFlows: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
