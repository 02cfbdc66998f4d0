// The package as npm ships it: no tests, bench or demo in the tarball; a React- and node:-free core; a bin on plain Node.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const run = promisify(execFile);

interface PackageJson {
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
}

let files: string[] = [];
let pkg: PackageJson;
let dir = '';

// `npm test` builds before this runs (a fresh clone has no dist); a lone `vitest run` builds here if dist is missing.
beforeAll(async () => {
  if (!existsSync(join(root, 'dist/core.js'))) await run('npm', ['run', 'build'], { cwd: root });
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
  const [packed] = JSON.parse(stdout) as [{ files: { path: string }[] }];
  files = packed.files.map((file) => file.path);
  pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson;
  dir = await mkdtemp(join(tmpdir(), 'cx-package-'));
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every bare specifier reachable from a built file through its relative static and dynamic imports. */
async function bareImports(entry: string): Promise<{ bare: Set<string>; reached: Set<string> }> {
  const bare = new Set<string>();
  const reached = new Set<string>();
  const queue = [join(root, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)["']([^"']+)["']/gm)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier));
      else bare.add(specifier);
    }
  }
  return { bare, reached: new Set([...reached].map((file) => relative(root, file))) };
}

const isNodeBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');

describe('npm pack', () => {
  it('holds only dist, the README, the licence and package.json: no tests, bench, demo or source maps', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(file).toMatch(/^(dist\/|README\.md$|LICENSE$|package\.json$)/);
    const unwanted = files.filter((file) => /\.(test|spec)\.|testkit|testHelpers|bench|\/demo\/|\.map$/.test(file));
    expect(unwanted).toEqual([]);
  });

  it('holds every file the exports map and the bin point at', () => {
    expect(Object.keys(pkg.exports)).toEqual([
      '.',
      './core',
      './managed-login',
      './passkeys',
      './authentication-helper',
      './server',
      './emulator',
      './testing',
      './style.css',
      './package.json',
    ]);
    const targets = Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : [target.types, target.default],
    );
    for (const target of [...targets, ...Object.values(pkg.bin)]) expect(files).toContain(target.replace(/^\.\//, ''));
  });
});

describe('cognito-xstate/core', () => {
  it('reaches no react and nothing of Node through its whole import graph', async () => {
    const { bare } = await bareImports('dist/core.js');
    expect([...bare].filter((specifier) => /^react(-dom)?($|\/)/.test(specifier) || isNodeBuiltin(specifier))).toEqual(
      [],
    );
    // xstate only: the AuthenticationHelper engine and its optional peer are an entry of their own.
    expect([...bare].sort()).toEqual(['xstate']);
  });

  it('never reaches the emulator or the kit, nor does the React entry', async () => {
    for (const entry of ['dist/core.js', 'dist/index.js']) {
      const { bare, reached } = await bareImports(entry);
      expect([...reached].filter((file) => file.startsWith('dist/node/'))).toEqual([]);
      expect([...bare].filter(isNodeBuiltin)).toEqual([]);
    }
  });
});

/** The text of every built file `entry` reaches, static and dynamic imports alike (its lazy chunks included). */
async function reachableText(entry: string): Promise<string> {
  const { reached } = await bareImports(entry);
  const sources = await Promise.all([...reached].map((file) => readFile(join(root, file), 'utf8')));
  return sources.join('\n');
}

describe('opt-in entries', () => {
  // The library build keeps a `// <source path>` line above each module; oauth4webapi names itself in its user agent.
  const managedLogin = ['oauth4webapi', '// src/widget/federation.ts', '// src/hooks/useRedirectCallback.ts'];
  const passkeys = [
    '// src/adapters/webAuthn.ts',
    '// src/components/PasskeyStep.tsx',
    '// src/components/PasskeyOffer.tsx',
  ];

  it('the React entry reaches none of managed login or the passkey screens and ceremony, not even lazily', async () => {
    const main = await reachableText('dist/index.js');
    expect([...managedLogin, ...passkeys].filter((marker) => main.includes(marker))).toEqual([]);
  });

  it('cognito-xstate/managed-login and cognito-xstate/passkeys reach what they stand for', async () => {
    const withManagedLogin = await reachableText('dist/managedLogin.js');
    expect(managedLogin.filter((marker) => !withManagedLogin.includes(marker))).toEqual([]);
    const withPasskeys = await reachableText('dist/passkeys.js');
    expect(passkeys.filter((marker) => !withPasskeys.includes(marker))).toEqual([]);
  });
});

describe('require()', () => {
  it('loads every JavaScript entry on Node ≥ 20.19, which requires ES modules synchronously', async () => {
    const entries = [
      'cognito-xstate/core',
      'cognito-xstate/server',
      'cognito-xstate/emulator',
      'cognito-xstate/testing',
    ];
    const script = `for (const entry of ${JSON.stringify(entries)}) if (typeof require(entry) !== 'object') process.exit(1);`;
    // The package's own name resolves through its exports map from inside it (a self-reference), as after install.
    await expect(run(process.execPath, ['-e', script], { cwd: root })).resolves.toBeDefined();
  });
});

describe('the cognito-emulator bin, built', () => {
  it('runs on plain Node (no tsx) and refuses a malformed seed with one line naming the file and field', async () => {
    const seed = join(dir, 'seed.json');
    await writeFile(seed, JSON.stringify({ Pools: [{ Id: 'us-east-1_X1', Clients: [{ ClientName: 'web' }] }] }));
    const child = spawn(process.execPath, [join(root, pkg.bin['cognito-emulator'] ?? ''), '--seed', seed], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe(`cognito-emulator: ${seed}: Pools[0].Clients[0].ClientId: is required\n`);
    expect(code).toBe(2);
  });
});
