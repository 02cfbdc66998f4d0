// Where `npm run consumers` installs and builds its fixture apps: one folder per checkout under the system temp dir.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');

// Outside the repository: Playwright does not transform TypeScript under a node_modules folder. One folder per
// checkout, so warm runs reuse their installs and two clones never share one.
export const consumersWorkRoot = join(
  tmpdir(),
  `cognito-xstate-consumers-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 8)}`,
);
