// Finds a Chromium executable for Playwright, which cannot download its own browsers here.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ENV_OVERRIDES = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
// The old headless shell is what Playwright itself runs for headless tests: no browser UI to composite, so the e2e
// suite takes about half the CPU time of full Chromium in --headless mode. Debian packages it as
// chromium-headless-shell, next to chromium.
const SYSTEM_HEADLESS_SHELLS = ['/usr/bin/chromium-headless-shell'];
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Playwright's own browser cache, newest build first: headless shells, then full browsers. */
function playwrightCache() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  const dirs = existsSync(root)
    ? readdirSync(root)
        .filter((name) => name.startsWith('chromium'))
        .sort()
        .reverse()
    : [];
  return {
    shells: dirs.map((name) => join(root, name, 'chrome-headless-shell-linux64', 'chrome-headless-shell')),
    browsers: dirs.flatMap((name) => [
      join(root, name, 'chrome-linux', 'chrome'),
      join(root, name, 'chrome-linux64', 'chrome'),
    ]),
  };
}

/**
 * The first Chromium that exists: an env override, then (unless `headed`, which needs a full browser) a headless
 * shell, then a full browser, each from Playwright's cache before the system's.
 * @param {{ headed?: boolean }} [options]
 * @returns {string | undefined}
 */
export function findChromium({ headed = false } = {}) {
  const fromEnv = ENV_OVERRIDES.map((name) => process.env[name]).filter(Boolean);
  const cache = playwrightCache();
  const shells = headed ? [] : headlessShells(cache);
  return [...fromEnv, ...shells, ...cache.browsers, ...SYSTEM_BROWSERS].find((path) => existsSync(path));
}

/** Headless shells from Playwright's cache, then the system's. */
function headlessShells(cache = playwrightCache()) {
  return [...cache.shells, ...SYSTEM_HEADLESS_SHELLS];
}

/** A headless shell from Playwright's cache or the system, if one is installed. */
export function findHeadlessShell() {
  return headlessShells().find((path) => existsSync(path));
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
