// Tests for the benchmark table: ratios, aims and markdown formatting.
import { describe, expect, it } from 'vitest';
import {
  aimMet,
  below,
  benchExitCode,
  failed,
  formatNumber,
  formatTable,
  na,
  ratioOf,
  toResult,
  unmeasuredRows,
  value,
  type Row,
} from './table.ts';

const row = (over: Partial<Row>): Row => ({
  group: 'size',
  metric: 'Widget adds',
  unit: 'KB gz',
  ours: value(40),
  peer: value(160),
  peerName: 'Amplify UI',
  aim: { kind: 'ratioAtMost', limit: 0.25 },
  note: '',
  ...over,
});

describe('ratioOf', () => {
  it('divides ours by the peer', () => {
    expect(ratioOf(value(40), value(160))).toBe(0.25);
  });

  it('has no ratio when either side is missing or the peer is zero', () => {
    expect(ratioOf(na('not built yet'), value(1))).toBeNull();
    expect(ratioOf(value(1), na('cannot'))).toBeNull();
    expect(ratioOf(value(1), value(0))).toBeNull();
  });
});

describe('aimMet', () => {
  it('meets a ratio ceiling at the limit and misses it above', () => {
    expect(aimMet(row({}))).toBe(true);
    expect(aimMet(row({ ours: value(41) }))).toBe(false);
  });

  it('judges a floor on our figure alone even when the peer cannot be measured', () => {
    const srp = row({ ours: value(45), peer: na('no SRP'), aim: { kind: 'oursAtLeast', limit: 40 } });
    expect(aimMet(srp)).toBe(true);
  });

  it('compares round trips for equality', () => {
    expect(aimMet(row({ ours: value(2), peer: value(2), aim: { kind: 'equal' } }))).toBe(true);
    expect(aimMet(row({ ours: value(3), peer: value(2), aim: { kind: 'equal' } }))).toBe(false);
  });

  it('meets a combined aim only when every part is met', () => {
    const aim = {
      kind: 'all',
      aims: [
        { kind: 'oursAtMost', limit: 500 },
        { kind: 'ratioAtMost', limit: 1 },
      ],
    } as const;
    expect(aimMet(row({ ours: value(300), peer: value(900), aim }))).toBe(true);
    expect(aimMet(row({ ours: value(600), peer: value(900), aim }))).toBe(false);
    expect(aimMet(row({ ours: value(300), peer: value(200), aim }))).toBe(false);
    expect(aimMet(row({ ours: value(300), peer: na('no peer'), aim }))).toBeNull();
    expect(toResult(row({ aim })).aim).toBe('ours ≤ 500 and ratio ≤ 1');
  });

  it('is undecided when our figure is missing', () => {
    expect(aimMet(row({ ours: na('LoginWidget not built yet') }))).toBeNull();
  });
});

describe('formatNumber', () => {
  it('keeps about three significant digits', () => {
    expect(formatNumber(1234.4)).toBe('1234');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(7)).toBe('7');
  });
});

describe('formatTable', () => {
  it('prints one markdown line per row, with the ratio, the aim and whether it is met', () => {
    const text = formatTable([row({ note: 'n = 1 build each' })]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('| # | Metric | Unit | Ours | Peer | Ratio | Aim | Met |');
    expect(lines[2]).toBe('| 1 | Widget adds | KB gz | 40 | 160 (Amplify UI) | 0.25× | ratio ≤ 0.25 | yes |');
    expect(lines.at(-1)).toBe('1. n = 1 build each');
  });

  it('says n/a with the reason instead of a number', () => {
    const text = formatTable([row({ ours: na('LoginWidget not built yet') })]);
    expect(text).toContain('| n/a (LoginWidget not built yet) | 160 (Amplify UI) | — | ratio ≤ 0.25 | — |');
  });

  it('escapes pipes inside cells', () => {
    expect(formatTable([row({ metric: 'a|b' })])).toContain('a\\|b');
  });
});

describe('toResult', () => {
  it('keeps numbers as numbers and explains missing figures in results.json', () => {
    expect(toResult(row({ peer: na('cannot') }))).toMatchObject({
      ours: 40,
      peer: 'n/a (cannot)',
      ratio: null,
      aimMet: null,
    });
  });
});

describe('a figure below what the method can see', () => {
  it('meets an "ours at most" aim at or above its limit, prints as "< limit"', () => {
    const quiet = row({ ours: below(50, 'no long task'), peer: na('no peer'), aim: { kind: 'oursAtMost', limit: 50 } });
    expect(aimMet(quiet)).toBe(true);
    expect(aimMet({ ...quiet, aim: { kind: 'oursAtMost', limit: 40 } })).toBe(false);
    expect(formatTable([quiet])).toContain('< 50 (no long task)');
  });
});

describe('benchExitCode', () => {
  it('exits 0 when every row of ours has a figure or no number by nature', () => {
    const rows = [row({}), row({ ours: below(50, 'no long task'), peer: na('no long task') })];
    expect(benchExitCode(rows)).toBe(0);
  });

  it('issue 23: exits non-zero when any row of ours failed to measure, even if the peer did', () => {
    const empty = row({ metric: 'sequential', ours: failed('failed: Error: ours: no sign-in succeeded (no error)') });
    expect(benchExitCode([row({}), empty])).toBe(1);
    expect(unmeasuredRows([row({}), empty])).toEqual([empty]);
  });

  it('exits non-zero when the peer failed to measure, since the row then has no ratio to judge', () => {
    expect(benchExitCode([row({ peer: failed('failed: npm install') })])).toBe(1);
  });

  it('still prints a failed row as n/a with its reason', () => {
    expect(formatTable([row({ ours: failed('failed: boom') })])).toContain('| n/a (failed: boom) |');
  });
});
