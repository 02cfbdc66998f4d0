// Every name an entry point exports carries a TSDoc line, so editors show what it is for (issue 18's public surface).
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const entries = {
  'cognito-xstate': 'src/index.ts',
  'cognito-xstate/core': 'src/core.ts',
  'cognito-xstate/managed-login': 'src/managedLogin.ts',
  'cognito-xstate/passkeys': 'src/passkeys.ts',
  'cognito-xstate/server': 'src/server/admin.ts',
  'cognito-xstate/emulator': 'e2e/emulator/index.ts',
  'cognito-xstate/testing': 'e2e/kit/index.ts',
};

const program = ts.createProgram(
  Object.values(entries).map((file) => path.join(root, file)),
  {
    allowImportingTsExtensions: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  },
);
const checker = program.getTypeChecker();

/** The exported names of one entry file that have no documentation comment at their declaration. */
function undocumented(file: string): string[] {
  const source = program.getSourceFile(path.join(root, file));
  if (source === undefined) throw new Error(`no source file ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${file} is not a module`);
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // A third-party name passed through (Playwright's `expect`) carries its own package's documentation.
      if (symbol.declarations?.some((declaration) => declaration.getSourceFile().fileName.includes('/node_modules/')))
        return false;
      return symbol.getDocumentationComment(checker).length === 0 && symbol.getJsDocTags(checker).length === 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}

describe('public API', () => {
  for (const [entry, file] of Object.entries(entries)) {
    it(`${entry}: every export has a TSDoc line`, () => {
      expect(undocumented(file)).toEqual([]);
    });
  }
});
