import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { allowed, importTarget } from './importLayers.mjs';

const root = new URL('..', import.meta.url).pathname;
// The project's own eslint.config.js, minus type information: these snippets exist only in memory.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The layer errors ESLint reports for `code` as if it were the file at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'import-layers/allow-list')
    .map((message) => message.message);
}

describe('import layers', () => {
  it('rejects react and qrcode in machines/, naming what the layer may import', async () => {
    const errors = await layerErrors(
      'machines/fixture.ts',
      "import { useState } from 'react';\nimport QRCode from 'qrcode';\nexport { useState, QRCode };\n",
    );
    expect(errors).toEqual([
      "machines/ may import only xstate, machines/; 'react' reaches react.",
      "machines/ may import only xstate, machines/; 'qrcode' reaches qrcode.",
    ]);
  });

  it('lets machines/ import xstate and its own modules', async () => {
    const errors = await layerErrors(
      'machines/fixture.ts',
      "import { setup } from 'xstate';\nimport { Secret } from './secret.ts';\nexport { setup, Secret };\n",
    );
    expect(errors).toEqual([]);
  });

  it('rejects src/ reaching into e2e/, also from a file no layer names yet', async () => {
    const errors = await layerErrors(
      'src/newFolder/fixture.ts',
      "import { DEMO_USERS } from '../../e2e/emulator/demo.ts';\nexport { DEMO_USERS };\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'../../e2e/emulator/demo.ts' reaches e2e/emulator/demo.ts");
  });

  it('keeps amazon-cognito-identity-js in srp.ts alone among the adapters', async () => {
    const code =
      "import { AuthenticationHelper } from 'amazon-cognito-identity-js';\nexport { AuthenticationHelper };\n";
    expect(await layerErrors('src/adapters/srp.ts', code)).toEqual([]);
    expect(await layerErrors('src/adapters/cognitoHttp.ts', code)).toHaveLength(1);
  });

  it('keeps xstate and the adapters out of components', async () => {
    const errors = await layerErrors(
      'src/components/Fixture.tsx',
      "import { createActor } from 'xstate';\nimport { cognitoHttp } from '../adapters/cognitoHttp.ts';\n" +
        "import { useCodeStep } from '../hooks/useCodeStep.ts';\nexport { createActor, cognitoHttp, useCodeStep };\n",
    );
    expect(errors.map((error) => error.split('; ')[1])).toEqual([
      "'xstate' reaches xstate.",
      "'../adapters/cognitoHttp.ts' reaches src/adapters/cognitoHttp.ts.",
    ]);
  });

  it('keeps the emulator to node: builtins, its libraries and itself, also from a subfolder', async () => {
    const errors = await layerErrors(
      'e2e/emulator/handlers/fixture.ts',
      "import { randomBytes } from 'node:crypto';\nimport { SignJWT } from 'jose';\nimport { store } from '../store.ts';\n" +
        "import { toSignInError } from '../../../machines/errors.ts';\nexport { randomBytes, SignJWT, store, toSignInError };\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('reaches machines/errors.ts');
  });

  it('lets tests join layers', async () => {
    const errors = await layerErrors(
      'machines/fixture.test.ts',
      "import { render } from '@testing-library/react';\nexport { render };\n",
    );
    expect(errors).toEqual([]);
  });
});

describe('importTarget and allowed', () => {
  it('resolves relative specifiers to repository paths and leaves packages alone', () => {
    expect(importTarget(`${root}src/adapters/x.ts`, '../../machines/ports.ts')).toBe('machines/ports.ts');
    expect(importTarget(`${root}src/adapters/x.ts`, './srp.ts')).toBe('src/adapters/srp.ts');
    expect(importTarget(`${root}src/adapters/x.ts`, 'react/jsx-runtime')).toBe('react/jsx-runtime');
  });

  it('treats entries ending in / or : as prefixes and other entries as a package with its subpaths', () => {
    expect(allowed(['node:'], 'node:crypto')).toBe(true);
    expect(allowed(['react'], 'react/jsx-runtime')).toBe(true);
    expect(allowed(['react'], 'react-dom')).toBe(false);
    expect(allowed(['src/messages.ts'], 'src/messagesExtra.ts')).toBe(false);
    expect(allowed(['machines/'], 'machinesExtra/x.ts')).toBe(false);
  });
});
