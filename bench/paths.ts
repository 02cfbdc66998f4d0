// Where the benchmark lives: the repository root and its gitignored scratch folder.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Gitignored scratch space: pinned peers, temporary apps, cognito-local's data. */
export const workDir = join(repoRoot, 'bench', '.work');
