// Lint: typescript-eslint strict + stylistic (type-checked), React hooks, jsx-a11y, and the one-way import edges.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/.work/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.configs.recommended.rules },
  },
  // machines/ is the pure core: xstate only.
  {
    files: ['machines/**/*.ts'],
    ignores: ['machines/**/*.test.ts'],
    rules: restrict([
      {
        group: ['react', 'react-dom', '@xstate/react', '**/src/**', '**/e2e/**', 'node:*'],
        message: 'machines/ depends on xstate only.',
      },
      { group: ['amazon-cognito-identity-js'], message: 'SRP lives behind the SrpPort in src/adapters.' },
    ]),
  },
  // The emulator is judged against the official clients, so it never borrows our client code.
  {
    files: ['e2e/emulator/**/*.ts'],
    ignores: ['e2e/emulator/**/*.test.ts'],
    rules: restrict([
      {
        group: ['**/machines/**', '**/src/**', 'xstate', 'react'],
        message: 'The emulator stands alone: node builtins and well-kept libraries only.',
      },
    ]),
  },
  // Components render; they never talk to xstate directly.
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: restrict([{ group: ['xstate', '@xstate/*'], message: 'Components use hooks, never xstate.' }]),
  },
);
