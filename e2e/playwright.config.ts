// Playwright: the demo's e2e build served static as webServer, Chromium found by the set-up step (its headless shell
// when installed), one emulator per worker.
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { demoBuildDir, demoPort, demoUrl } from './specs/demoBuild.ts';

// A person watching (`--headed`, `--ui`, `--debug`) needs a full browser; headless runs take the lighter headless
// shell when it is installed. Workers load this file again, so the runner hands the choice down through the env.
if (['--headed', '--ui', '--debug'].some((flag) => process.argv.includes(flag)) || process.env.PWDEBUG) {
  process.env.E2E_HEADED = '1';
}
const executablePath = findChromium({ headed: process.env.E2E_HEADED === '1' });
if (!executablePath) throw new Error('No Chromium found: run `node scripts/setup.mjs --browser` or set CHROMIUM_PATH.');

export default defineConfig({
  testDir: 'specs',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  outputDir: '../test-results',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: demoUrl,
    // A failing test keeps its trace: every action with its timing, the network, the console and the error, beside
    // the failure screenshot and the page's ARIA snapshot. Per-action DOM snapshots and screencast frames are left
    // out: recording them for every passing test cost a sixth of the suite's wall time (64 s → 54 s without them).
    // For a failure you want to step through, run that test again with `--trace on`.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  // The demo built once (about a second) and served static: every fresh browser context then loads one bundle of
  // production React instead of the dev server's per-module transforms.
  webServer: {
    command: `vite build -c e2e/specs/demo.vite.config.ts --mode e2e --outDir ${demoBuildDir} && node e2e/specs/staticServer.mjs ${demoBuildDir} ${String(demoPort)}`,
    cwd: '..',
    // No url, port or wait: Playwright goes on to load the specs (seconds of TypeScript transforms on a fresh
    // checkout) while the demo builds on the other core. Each worker waits for the server (fixtures.ts, demoServer).
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
