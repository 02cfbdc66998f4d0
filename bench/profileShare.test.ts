// Tests for the modPow-share arithmetic over a V8 CPU profile.
import type { Profiler, Runtime } from 'node:inspector';
import { describe, expect, it } from 'vitest';
import { frameShare } from './profileShare.ts';

const frame = (functionName: string): Runtime.CallFrame => ({
  functionName,
  scriptId: '0',
  url: '',
  lineNumber: 0,
  columnNumber: 0,
});

// (root) → signIn → modPow → square ; signIn → hash ; (root) → (idle)
const profile: Profiler.Profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6] },
    { id: 2, callFrame: frame('signIn'), children: [3, 5] },
    { id: 3, callFrame: frame('modPow'), children: [4] },
    { id: 4, callFrame: frame('square') },
    { id: 5, callFrame: frame('hash') },
    { id: 6, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 10,
  samples: [3, 4, 4, 5, 2, 6, 6, 6],
  timeDeltas: [1, 1, 1, 1, 1, 1, 1, 1],
};

describe('frameShare', () => {
  it('counts samples inside matching frames, callees included, over the non-idle samples', () => {
    expect(frameShare(profile, /modPow/)).toEqual({ matched: 3, busy: 5, names: ['modPow'] });
  });

  it('matches nothing when no frame has the name', () => {
    expect(frameShare(profile, /bnModPow/).matched).toBe(0);
  });
});
