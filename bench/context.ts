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

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}
