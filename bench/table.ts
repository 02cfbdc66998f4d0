// Benchmark rows: figures, aims, ratios, and the markdown table printed by `npm run bench`.

/**
 * A measured figure (never a made-up number); or `na`, no number by nature (a peer without the flow); `below`, under the method's threshold;
 * or `failed`, a figure this run should have measured and did not, which makes `npm run bench` exit non-zero.
 */
export type Figure =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'na'; readonly reason: string }
  /** Under what the method can see (Chromium reports no task shorter than 50 ms): known to be below `limit`. */
  | { readonly kind: 'below'; readonly limit: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** What a row promises: on the ratio ours / peer, or on our figure alone. */
export type Aim =
  | { readonly kind: 'ratioAtMost'; readonly limit: number }
  | { readonly kind: 'ratioAtLeast'; readonly limit: number }
  | { readonly kind: 'oursAtMost'; readonly limit: number }
  | { readonly kind: 'oursAtLeast'; readonly limit: number }
  | { readonly kind: 'equal' }
  | { readonly kind: 'none' }
  /** Every one of several aims, e.g. "ours ≤ 500 ms and below the peer". */
  | { readonly kind: 'all'; readonly aims: readonly Aim[] };

export interface Row {
  /** The `--only` group this row belongs to. */
  readonly group: string;
  readonly metric: string;
  readonly unit: string;
  readonly ours: Figure;
  readonly peer: Figure;
  readonly peerName: string;
  readonly aim: Aim;
  /** How it was measured (n, method); printed under the table. */
  readonly note: string;
}

export interface ResultRow {
  readonly group: string;
  readonly metric: string;
  readonly unit: string;
  readonly ours: number | string;
  readonly peer: number | string;
  readonly peerName: string;
  readonly ratio: number | null;
  readonly aim: string;
  /** null when the figures the aim needs were not measured. */
  readonly aimMet: boolean | null;
  readonly note: string;
}

export const value = (v: number): Figure => ({ kind: 'value', value: v });
export const na = (reason: string): Figure => ({ kind: 'na', reason });
export const failed = (reason: string): Figure => ({ kind: 'failed', reason });
export const below = (limit: number, reason: string): Figure => ({ kind: 'below', limit, reason });

/** Rows with a figure (ours or the peer's, which the ratio needs) that failed to measure. */
export function unmeasuredRows(rows: readonly Row[]): Row[] {
  return rows.filter((row) => row.ours.kind === 'failed' || row.peer.kind === 'failed');
}

/** The bench's exit code: non-zero when any row failed to measure, so a gap is never mistaken for a pass. */
export function benchExitCode(rows: readonly Row[]): number {
  return unmeasuredRows(rows).length > 0 ? 1 : 0;
}

/** ours / peer, when both exist and the peer is not zero. */
export function ratioOf(ours: Figure, peer: Figure): number | null {
  if (ours.kind !== 'value' || peer.kind !== 'value' || peer.value === 0) return null;
  return ours.value / peer.value;
}

export function aimText(aim: Aim): string {
  switch (aim.kind) {
    case 'ratioAtMost':
      return `ratio ≤ ${aim.limit}`;
    case 'ratioAtLeast':
      return `ratio ≥ ${aim.limit}`;
    case 'oursAtMost':
      return `ours ≤ ${aim.limit}`;
    case 'oursAtLeast':
      return `ours ≥ ${aim.limit}`;
    case 'equal':
      return 'ours = peer';
    case 'none':
      return '—';
    case 'all':
      return aim.aims.map(aimText).join(' and ');
  }
}

export function aimMet(row: Row): boolean | null {
  const { aim, ours, peer } = row;
  if (aim.kind === 'all') {
    const verdicts = aim.aims.map((one) => aimMet({ ...row, aim: one }));
    return verdicts.includes(null) ? null : verdicts.every(Boolean);
  }
  const ratio = ratioOf(ours, peer);
  switch (aim.kind) {
    case 'ratioAtMost':
      return ratio === null ? null : ratio <= aim.limit;
    case 'ratioAtLeast':
      return ratio === null ? null : ratio >= aim.limit;
    case 'oursAtMost':
      if (ours.kind === 'below') return ours.limit <= aim.limit;
      return ours.kind === 'value' ? ours.value <= aim.limit : null;
    case 'oursAtLeast':
      return ours.kind === 'value' ? ours.value >= aim.limit : null;
    case 'equal':
      return ours.kind === 'value' && peer.kind === 'value' ? ours.value === peer.value : null;
    case 'none':
      return null;
  }
}

/** Three significant-ish digits: 1234 → "1234", 12.34 → "12.3", 1.234 → "1.23", 0.01234 → "0.0123". */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 100 || Number.isInteger(v)) return Math.round(v).toString();
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  if (abs === 0) return '0';
  return Number(v.toPrecision(3)).toString();
}

function figureText(figure: Figure): string {
  if (figure.kind === 'value') return formatNumber(figure.value);
  if (figure.kind === 'below') return `< ${formatNumber(figure.limit)} (${figure.reason})`;
  return `n/a (${figure.reason})`;
}

const resultFigure = (figure: Figure): number | string =>
  figure.kind === 'value'
    ? figure.value
    : figure.kind === 'below'
      ? `< ${String(figure.limit)} (${figure.reason})`
      : `n/a (${figure.reason})`;

export function toResult(row: Row): ResultRow {
  const ratio = ratioOf(row.ours, row.peer);
  return {
    group: row.group,
    metric: row.metric,
    unit: row.unit,
    ours: resultFigure(row.ours),
    peer: resultFigure(row.peer),
    peerName: row.peerName,
    ratio,
    aim: aimText(row.aim),
    aimMet: aimMet(row),
    note: row.note,
  };
}

const metText = (met: boolean | null): string => (met === null ? '—' : met ? 'yes' : 'NO');

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** A markdown table (one line per row) followed by numbered notes, ready to paste into the README. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['#', 'Metric', 'Unit', 'Ours', 'Peer', 'Ratio', 'Aim', 'Met'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  const notes: string[] = [];
  rows.forEach((row, index) => {
    const result = toResult(row);
    const cells = [
      String(index + 1),
      row.metric,
      row.unit,
      figureText(row.ours),
      `${figureText(row.peer)}${row.peerName ? ` (${row.peerName})` : ''}`,
      result.ratio === null ? '—' : `${formatNumber(result.ratio)}×`,
      result.aim,
      metText(result.aimMet),
    ];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
    if (row.note) notes.push(`${index + 1}. ${row.note}`);
  });
  return notes.length > 0 ? `${lines.join('\n')}\n\n${notes.join('\n')}` : lines.join('\n');
}
