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
  const { findChromium } = await import('./chromium.mjs');
  if (!findChromium()) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const hasApt = existsSync('/usr/bin/apt-get');
    if (isRoot && hasApt) {
      console.log('setup: no Chromium found, installing it with apt-get');
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', 'chromium']);
    }
    if (!findChromium()) {
      console.error('setup: no Chromium found. Install it (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.');
      process.exit(1);
    }
  }
}
