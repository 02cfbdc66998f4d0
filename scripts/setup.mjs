// Fresh-clone set-up with Node built-ins only: installs dependencies and, with --browser, Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

function dependenciesAreCurrent() {
  // npm writes node_modules/.package-lock.json on every install: older than the lockfile means stale.
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lockfile = join(root, 'package-lock.json');
  return existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs;
}

if (!dependenciesAreCurrent()) {
  console.log('setup: installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--browser')) {
  const { findChromium, findHeadlessShell } = await import('./chromium.mjs');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canInstall = isRoot && existsSync('/usr/bin/apt-get');
  /** apt-get install, refreshing the package lists only when the first try fails (they are often current). */
  const aptInstall = (packages) => {
    try {
      run('apt-get', ['install', '-y', ...packages]);
    } catch {
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', ...packages]);
    }
  };
  if (!findChromium({ headed: true }) && canInstall) {
    console.log('setup: no Chromium found, installing it with apt-get');
    aptInstall(['chromium', 'chromium-headless-shell']);
  } else if (!findHeadlessShell() && !process.env.CHROMIUM_PATH && canInstall) {
    // Optional: the headless shell halves the e2e suite's CPU time; full Chromium still works without it.
    console.log('setup: installing chromium-headless-shell (what Playwright runs headless; about 2x faster e2e)');
    try {
      aptInstall(['chromium-headless-shell']);
    } catch {
      console.warn('setup: could not install chromium-headless-shell; the e2e suite will use full Chromium');
    }
  }
  if (!findChromium()) {
    console.error('setup: no Chromium found. Install it (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.');
    process.exit(1);
  }
}
