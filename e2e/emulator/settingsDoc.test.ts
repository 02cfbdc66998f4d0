// docs/emulator-settings.md stays honest: a row for every request member the SDK knows, a real test for every honoured row.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'emulator-settings.md'), 'utf8');

/** The request shapes of the installed SDK, from its type declarations (the API reference, generated). */
function sdkMembers(shape: string): string[] {
  const entry = createRequire(import.meta.url).resolve('@aws-sdk/client-cognito-identity-provider');
  const models = join(dirname(entry), '..', 'dist-types', 'models');
  const source = ['models_0.d.ts', 'models_1.d.ts'].map((file) => readFileSync(join(models, file), 'utf8')).join('\n');
  const start = source.indexOf(`export interface ${shape} {`);
  if (start < 0) throw new Error(`${shape} not found in the SDK models`);
  const body = source.slice(start, source.indexOf('\n}', start));
  return [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1] ?? '');
}

interface Row {
  members: string[];
  status: string;
  proof: string;
}

function section(heading: string): Row[] {
  const start = DOC.indexOf(`## ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = DOC.indexOf('\n## ', start + 1);
  const text = DOC.slice(start, end < 0 ? undefined : end);
  return text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [members = '', status = '', proof = ''] = line.slice(1, -1).split(' | ');
      // `Schema[].Required` and `DeviceConfiguration.X` both belong to their top-level member.
      const names = [...members.matchAll(/`([A-Za-z]+)/g)].map((m) => m[1] ?? '');
      return { members: names, status: status.trim(), proof };
    });
}

const SECTIONS = {
  'CreateUserPool and UpdateUserPool': ['CreateUserPoolRequest', 'UpdateUserPoolRequest'],
  'CreateUserPoolClient and UpdateUserPoolClient': ['CreateUserPoolClientRequest', 'UpdateUserPoolClientRequest'],
  SetUserPoolMfaConfig: ['SetUserPoolMfaConfigRequest'],
} as const;

describe('docs/emulator-settings.md', () => {
  for (const [heading, shapes] of Object.entries(SECTIONS)) {
    it(`has a row for every member of ${shapes.join(' and ')}`, () => {
      const rows = section(heading);
      const documented = new Set(rows.flatMap((row) => row.members));
      const missing = shapes.flatMap((shape) => sdkMembers(shape)).filter((member) => !documented.has(member));
      expect(missing).toEqual([]);
      for (const row of rows) expect(['honoured', 'refused', 'stored only']).toContain(row.status);
    });
  }

  it('names, for every honoured row, a test that exists in the file it names', () => {
    const rows = Object.keys(SECTIONS).flatMap(section);
    const absent: string[] = [];
    for (const row of rows.filter((r) => r.status === 'honoured')) {
      let file: string | undefined;
      let titles = 0;
      for (const token of row.proof.matchAll(/`([\w/.-]+\.test\.ts)`|“([^”]+)”/g)) {
        if (token[1] !== undefined) file = token[1];
        const title = token[2];
        if (title === undefined) continue;
        titles += 1;
        const source = file === undefined ? '' : readFileSync(join(ROOT, file), 'utf8');
        if (!source.includes(`'${title}'`) && !source.includes(`\`${title}\``)) absent.push(`${file ?? '?'}: ${title}`);
      }
      if (titles === 0) absent.push(`${row.members.join(', ')}: no test named`);
    }
    expect(absent).toEqual([]);
  });
});
