// Lint: typescript-eslint strict + stylistic (type-checked), React hooks, jsx-a11y, and the one-way import edges.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importLayers from './scripts/importLayers.mjs';

const testFiles = ['**/*.{test,spec}.{ts,tsx}', '**/*.testkit.{ts,tsx}', 'e2e/emulator/testHelpers.ts'];

// The one-way import edges, as allow-lists: a layer imports only what it lists; anything unlisted is an error.
// An entry ending in `/` or `:` is a prefix; later entries override earlier ones for the files they match.
// Test files are exempt: they may join layers (the real emulator under a hook test, say).
const srcRoot = ['machines/', 'src/adapters/', 'src/hooks/', 'src/components/', 'src/widget/', 'src/messages.ts'];
const layers = [
  // Anything new under src/ starts here: our own core and src/, no package, never e2e/.
  { layer: 'src/', files: ['src/**/*.{ts,tsx}'], allow: ['machines/', 'src/'] },
  { layer: 'machines/', files: ['machines/**/*.ts'], allow: ['xstate', 'machines/'] },
  // Core adapters implement the machines' ports on the web platform (fetch, crypto.subtle, Worker, storage).
  { layer: 'src/adapters/', files: ['src/adapters/**/*.ts'], allow: ['machines/', 'src/adapters/'] },
  {
    layer: 'src/adapters/srp.ts',
    files: ['src/adapters/srp.ts', 'src/adapters/amazonCognitoIdentityInternals.d.ts'],
    allow: ['machines/', 'src/adapters/', 'amazon-cognito-identity-js'],
  },
  // The redirect port is the only importer of oauth4webapi (the OAuth protocol work, PKCE, the callback's checks).
  {
    layer: 'src/adapters/oauthRedirect.ts',
    files: ['src/adapters/oauthRedirect.ts'],
    allow: ['machines/', 'oauth4webapi'],
  },
  // Hooks read machines through @xstate/react; xstate for its actor and snapshot types; qrcode's core draws the
  // TOTP QR code without its canvas and file-system renderers. Ports come through context, never src/adapters.
  {
    layer: 'src/hooks/',
    files: ['src/hooks/**/*.{ts,tsx}'],
    allow: ['react', '@xstate/react', 'xstate', 'qrcode/lib/core/', 'machines/', 'src/hooks/'],
  },
  {
    layer: 'src/components/',
    files: ['src/components/**/*.{ts,tsx}'],
    allow: ['react', 'src/components/', 'src/hooks/', 'src/messages.ts'],
  },
  { layer: 'src/messages.ts', files: ['src/messages.ts'], allow: ['machines/'] },
  // The server entry wraps the AWS SDK's admin calls (an optional peer dependency).
  {
    layer: 'src/server/',
    files: ['src/server/**/*.ts'],
    allow: ['@aws-sdk/client-cognito-identity-provider', 'machines/', 'src/server/'],
  },
  // The composition roots: the widget and the package entries wire adapters into machines under React.
  {
    layer: 'src/widget/',
    files: ['src/widget/**/*.{ts,tsx}'],
    allow: ['react', 'react-dom', 'react-dom/', ...srcRoot],
  },
  {
    layer: 'src/index.ts',
    files: ['src/index.ts', 'src/lib.ts'],
    allow: [...srcRoot, 'src/index.ts', 'src/theme.css'],
  },
  {
    layer: 'src/demo/',
    files: ['src/demo/**/*.{ts,tsx}'],
    allow: ['react', 'react-dom/', '@statelyai/inspect', 'otpauth', ...srcRoot, 'src/demo/', 'src/theme.css'],
  },
  // The emulator is judged against the official clients, so it never borrows our client code.
  {
    layer: 'e2e/emulator/',
    files: ['e2e/emulator/**/*.ts'],
    allow: ['node:', 'jose', 'otpauth', '@simplewebauthn/server', 'e2e/emulator/'],
  },
  // The kit drives the widget by the texts it shows and seeds users through the package's admin client.
  {
    layer: 'e2e/kit/',
    files: ['e2e/kit/**/*.ts'],
    allow: [
      '@playwright/test',
      '@aws-sdk/client-cognito-identity-provider',
      'otpauth',
      'e2e/kit/',
      'e2e/emulator/',
      'src/server/admin.ts',
      'src/messages.ts',
    ],
  },
];

const allowList = (layer, allow) => ({ 'import-layers/allow-list': ['error', { layer, allow }] });

export default tseslint.config(
  {
    // examples/consumers/ are apps with their own dependencies on the packed package (scripts/consumers.mjs).
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/.work/',
      'docs/',
      'examples/consumers/',
    ],
  },
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
  { plugins: { 'import-layers': importLayers } },
  ...layers.map(({ layer, files, allow }) => ({ files, ignores: testFiles, rules: allowList(layer, allow) })),
);
