// Tests for the shape check applied to rows from the SRP helper's module.
import { describe, expect, it } from 'vitest';
import { isRow } from './srpEnginesRow.ts';
import { na, value } from './table.ts';

describe('isRow', () => {
  it('accepts a row built with the table helpers', () => {
    expect(isRow({ group: 'x', metric: 'm', unit: 'ms', ours: value(1), peer: na('none'), peerName: '', aim: { kind: 'none' }, note: '' })).toBe(true);
  });

  it('rejects a figure that is a bare number', () => {
    expect(isRow({ metric: 'm', unit: 'ms', ours: 1, peer: na('none'), peerName: '', aim: { kind: 'none' }, note: '' })).toBe(false);
  });
});
