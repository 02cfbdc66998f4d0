// Type-checks every ts/tsx code block of the README (path given as argument) against the installed package.
// A block preceded by `<!-- not-compiled -->` is a deliberate fragment and is skipped.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const readme = readFileSync(process.argv[2], 'utf8');
const blocks = [...readme.matchAll(/(<!-- not-compiled -->\s*)?```(tsx?)\n([\s\S]*?)```/g)];
const dir = 'readme-blocks';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
let compiled = 0;
for (const [index, [, skip, lang, code]] of blocks.entries()) {
  if (skip !== undefined) continue;
  const line = readme.slice(0, blocks[index].index).split('\n').length;
  // Each block is its own module, named after its README line so tsc's errors point at it.
  writeFileSync(join(dir, `README.md-line-${String(line)}.${lang}`), `${code}\nexport {};\n`);
  compiled += 1;
}
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: '../tsconfig.json',
    include: ['*.ts', '*.tsx'],
    compilerOptions: { types: ['node', 'vite/client'] },
  }),
);
try {
  execFileSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
} catch (error) {
  console.error(String(error.stdout));
  console.error(
    `README: ${String(compiled)} code blocks checked; the errors above are in README.md at the lines named.`,
  );
  process.exit(1);
}
console.log(`README: ${String(compiled)} ts/tsx code blocks type-check against the installed package`);
