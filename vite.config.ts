// Vite: the demo dev server (index.html), the widget library build, and the Vitest block.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { demoSeedDefine } from './scripts/demoSeed.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // The demo's users come from the emulator's seed at build time (scripts/demoSeed.ts).
  define: demoSeedDefine(),
  // Examples import the package by name, as an adopter does (tsconfig.json `paths` says the same to tsc and tsx).
  resolve: {
    alias: {
      'cognito-xstate/core': fileURLToPath(new URL('src/core.ts', import.meta.url)),
      'cognito-xstate/emulator': fileURLToPath(new URL('e2e/emulator/index.ts', import.meta.url)),
    },
  },
  // Relative asset URLs, so the library's SRP worker resolves next to dist/index.js in the host app's bundle.
  base: './',
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // `core` is the React-free machines and adapters; `server` is the Node-only admin module for back-ends; the AWS SDK stays the host's (optional peer).
    // `srpWorker` is an entry so it keeps a stable name: index.js starts it as `new URL('./srpWorker.js', import.meta.url)`.
    lib: {
      entry: {
        index: 'src/lib.ts',
        // The drop-in widget's first screen, an entry of its own so no chunk it loads shares a module with the engine.
        loginWidget: 'src/widget/LoginWidget.tsx',
        core: 'src/core.ts',
        // Opt-in: managed login (oauth4webapi, the redirect machine) and passkeys stay out of apps that do not import them.
        managedLogin: 'src/managedLogin.ts',
        passkeys: 'src/passkeys.ts',
        authenticationHelper: 'src/adapters/srp.ts',
        server: 'src/server/admin.ts',
        srpWorker: 'src/adapters/srpWorker.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [
        /^amazon-cognito-identity-js($|\/)/,
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^xstate($|\/)/,
        /^@xstate\//,
        /^@aws-sdk\//,
      ],
    },
  },
  test: {
    include: ['{machines,src,e2e,bench,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
