// Playwright: the Vite demo as webServer, Debian's (or Playwright's cached) Chromium, one emulator per worker.
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';

const demoPort = Number(process.env.E2E_DEMO_PORT ?? 41731);
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `node scripts/setup.mjs --browser` or set CHROMIUM_PATH.');

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  outputDir: '../test-results',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${demoPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  webServer: {
    command: `vite --host 127.0.0.1 --port ${demoPort} --strictPort`,
    cwd: '..',
    url: `http://127.0.0.1:${demoPort}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
