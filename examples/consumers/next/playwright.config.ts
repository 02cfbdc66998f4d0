// The consumer's own Playwright config: the app built by `next build` and served by `next start`, Chromium from
// CHROMIUM_PATH.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_DEMO_PORT ?? '41804');

export default defineConfig({
  testDir: 'tests',
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${String(port)}/`,
    launchOptions: {
      ...(process.env.CHROMIUM_PATH === undefined ? {} : { executablePath: process.env.CHROMIUM_PATH }),
      args: ['--no-sandbox'],
    },
  },
  webServer: {
    command: `npx next start --port ${String(port)} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${String(port)}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
