// The drop-in widget's first screen as npm ships it: what dist/loginWidget.js loads before the engine is React alone.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

// `npm test` builds before this runs (a fresh clone has no dist); a lone `vitest run` builds here if dist is missing.
beforeAll(async () => {
  if (!existsSync(join(root, 'dist/loginWidget.js'))) await promisify(execFile)('npm', ['run', 'build'], { cwd: root });
}, 300_000);

/** Bare specifiers reachable from `entry` through relative imports: static ones only, or dynamic ones too. */
async function reachable(entry: string, followDynamic: boolean): Promise<Set<string>> {
  const bare = new Set<string>();
  const seen = new Set<string>();
  const queue = [join(root, entry)];
  const importPattern = followDynamic
    ? /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)["']([^"']+)["']/gm
    : /(?:\bfrom\s*|^\s*import\s*)["']([^"']+)["']/gm;
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of (await readFile(file, 'utf8')).matchAll(importPattern)) {
      const specifier = match[1] ?? '';
      // Text inside a message (MissingModuleError names `from '${module}'`), not an import.
      if (specifier.includes('${')) continue;
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier));
      else bare.add(specifier);
    }
  }
  return bare;
}

describe('the packed <LoginWidget>', () => {
  it('paints from chunks that import React alone; xstate and @xstate/react come with the engine', async () => {
    const firstScreen = await reachable('dist/loginWidget.js', false);
    expect([...firstScreen].sort()).toEqual(['react', 'react-dom', 'react/jsx-runtime']);
    const withEngine = await reachable('dist/loginWidget.js', true);
    expect(withEngine).toContain('xstate');
    expect(withEngine).toContain('@xstate/react');
  });
});
