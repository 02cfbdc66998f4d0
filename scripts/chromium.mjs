// Finds a Chromium executable for Playwright, which cannot download its own browsers here.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ENV_OVERRIDES = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Playwright's own browser cache, newest build first. */
function playwrightCacheCandidates() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith('chromium'))
    .sort()
    .reverse()
    .flatMap((name) => [
      join(root, name, 'chrome-linux', 'chrome'),
      join(root, name, 'chrome-linux64', 'chrome'),
      join(root, name, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
    ]);
}

/** @returns {string | undefined} the first Chromium that exists: env override, Playwright cache, system. */
export function findChromium() {
  const fromEnv = ENV_OVERRIDES.map((name) => process.env[name]).filter(Boolean);
  return [...fromEnv, ...playwrightCacheCandidates(), ...SYSTEM_PATHS].find((path) => existsSync(path));
}

/** Flags for headless Chromium as root on a machine with a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
