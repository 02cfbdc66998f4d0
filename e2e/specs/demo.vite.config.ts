// Vite: the demo page (index.html) built for the Playwright suite, served static by staticServer.mjs.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { demoSeedDefine } from '../../scripts/demoSeed.ts';
import { defineConfig } from 'vite';

// One bundle and production React load and run faster in every fresh browser context than the dev server's
// per-module transforms; `--mode e2e` keeps the dev-only emulator panel (see DemoApp.tsx).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [react()],
  // The demo's users come from the emulator's seed at build time (scripts/demoSeed.ts).
  define: demoSeedDefine(),
  // The session harness imports the package by name, as an adopter does.
  resolve: { alias: { 'cognito-xstate/core': fileURLToPath(new URL('../../src/core.ts', import.meta.url)) } },
  logLevel: 'warn',
  // No source maps and no plugin-timing report: the build sits on the suite's critical path.
  build: {
    outDir: 'node_modules/.cache/e2e-demo/build',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // The demo, and the session harness the tab specs open (served at /e2e/specs/sessionHarness/).
      input: {
        demo: fileURLToPath(new URL('../../index.html', import.meta.url)),
        sessionHarness: fileURLToPath(new URL('sessionHarness/index.html', import.meta.url)),
        // The drop-in <LoginWidget> alone, for its first screen (paintFirst.spec.ts).
        widgetHarness: fileURLToPath(new URL('widgetHarness/index.html', import.meta.url)),
      },
    },
  },
});
