// Runs the SRP helper's bench/srpEngines.ts when it exists (CPU per sign-in of the oracle vs the fast engine).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoFileExists, type BenchContext } from './context.ts';
import { repoRoot } from './paths.ts';
import { na, type Figure, type Row } from './table.ts';

const isFigure = (value: unknown): value is Figure =>
  typeof value === 'object' &&
  value !== null &&
  'kind' in value &&
  ((value.kind === 'value' && 'value' in value && typeof value.value === 'number') || (value.kind === 'na' && 'reason' in value && typeof value.reason === 'string'));

/** A row as bench/table.ts defines it, checked field by field (the module is loaded by path at run time). */
export function isRow(value: unknown): value is Row {
  return (
    typeof value === 'object' &&
    value !== null &&
    'metric' in value &&
    typeof value.metric === 'string' &&
    'unit' in value &&
    typeof value.unit === 'string' &&
    'ours' in value &&
    isFigure(value.ours) &&
    'peer' in value &&
    isFigure(value.peer) &&
    'peerName' in value &&
    typeof value.peerName === 'string' &&
    'aim' in value &&
    typeof value.aim === 'object' &&
    value.aim !== null &&
    'note' in value &&
    typeof value.note === 'string'
  );
}

const missing = (reason: string): Row[] => [
  { group: 'srp-engines', metric: 'SRP CPU per sign-in, fast engine vs AuthenticationHelper', unit: 'ms', ours: na(reason), peer: na(reason), peerName: '', aim: { kind: 'ratioAtMost', limit: 0.33 }, note: '' },
];

/** Expects `export async function measureSrpEngines(ctx: BenchContext): Promise<Row[]>` in bench/srpEngines.ts. */
export async function measureSrpEngines(ctx: BenchContext): Promise<Row[]> {
  if (!(await repoFileExists('bench/srpEngines.ts'))) return missing('bench/srpEngines.ts not written yet');
  // Loaded by path so the bench runs (and says n/a) before the SRP helper's file lands.
  const mod: unknown = await import(pathToFileURL(join(repoRoot, 'bench', 'srpEngines.ts')).href);
  if (typeof mod !== 'object' || mod === null || !('measureSrpEngines' in mod) || typeof mod.measureSrpEngines !== 'function') {
    return missing('bench/srpEngines.ts does not export measureSrpEngines');
  }
  const rows: unknown = await Reflect.apply(mod.measureSrpEngines, mod, [ctx]);
  if (!Array.isArray(rows) || !rows.every(isRow)) return missing('measureSrpEngines did not return table rows');
  return rows.map((row) => ({ ...row, group: 'srp-engines' }));
}
