// What every measurement receives, and how it says a product piece is not there yet.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';
import type { Row } from './table.ts';

export interface BenchContext {
  /** Progress lines go to stderr, so stdout carries only the table. */
  readonly log: (line: string) => void;
}

export type Measurement = (ctx: BenchContext) => Promise<Row[]>;

/** Whether a repository file exists yet (others are still building the product). */
export async function repoFileExists(relative: string): Promise<boolean> {
  try {
    await access(join(repoRoot, relative));
    return true;
  } catch {
    return false;
  }
}

/** A short, one-line reason for a table cell: ANSI colours stripped, the first two non-empty lines. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex -- stripping terminal colour codes is the point
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const short = lines.slice(0, 2).join(' ');
  return short.length > 160 ? `${short.slice(0, 157)}...` : short;
}
