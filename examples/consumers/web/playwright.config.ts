// The consumer's own Playwright config: the built app served by `vite preview`, Chromium from CHROMIUM_PATH.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_DEMO_PORT ?? '41803');

export default defineConfig({
  testDir: 'tests',
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${String(port)}/`,
    launchOptions: {
      ...(process.env.CHROMIUM_PATH === undefined ? {} : { executablePath: process.env.CHROMIUM_PATH }),
      args: ['--no-sandbox'],
    },
  },
  webServer: {
    // No npx: the runner (npx or npm test) already put node_modules/.bin on PATH, and npx costs ~0.7 s to resolve.
    command: `vite preview --port ${String(port)} --strictPort`,
    url: `http://127.0.0.1:${String(port)}/`,
    reuseExistingServer: false,
    // Ready as soon as Vite prints its address: polling the url backs off to 1 s steps and costs up to a second.
    wait: { stdout: /Local:/ },
  },
});
