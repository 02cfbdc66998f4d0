// `npm run consumers`: packs the library and installs the tarball into the fixture apps under examples/consumers/,
// then each signs in for real against one `cognito-emulator` started from the installed package.
//
// Each fixture is copied to a folder of its own under the system temp directory and installed there
// with `npm ci --prefer-offline` from its committed lockfile. A warm run whose fixture lockfile and package
// dependencies are unchanged skips `npm ci` and only unpacks the fresh tarball over node_modules/cognito-xstate.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';
import { consumersWorkRoot } from './consumersWorkRoot.mjs';

const repoRoot = join(import.meta.dirname, '..');
const fixturesDir = join(repoRoot, 'examples/consumers');
const workRoot = consumersWorkRoot;
const packDir = join(workRoot, '.pack');
const skipBuild = process.argv.includes('--no-build');

/** Runs a command, streaming its output with a prefix; rejects with its exit code. */
function run(label, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    const collect = (chunk) => {
      output += String(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${label}: \`${command} ${args.join(' ')}\` exited with ${String(code)}\n${output}`));
    });
  });
}

/** Wall time of one step, printed as it ends. */
async function timed(label, step) {
  const started = Date.now();
  const result = await step();
  console.log(`consumers: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

async function packTarball() {
  if (!skipBuild) await run('build', 'npm', ['run', 'build', '--silent'], { cwd: repoRoot });
  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir, { recursive: true });
  const [packed] = JSON.parse(
    await run('pack', 'npm', ['pack', '--json', '--pack-destination', packDir], { cwd: repoRoot }),
  );
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
  // What decides the installed tree besides the lockfile: the package's own dependencies and peers.
  const dependencies = JSON.stringify([
    manifest.dependencies,
    manifest.peerDependencies,
    manifest.peerDependenciesMeta,
  ]);
  return { tarball: join(packDir, packed.filename), dependencies };
}

/** The fixture's lockfile with the tarball's integrity removed: it changes with every build, the lockfile does not. */
function lockWithoutTarballIntegrity(lock) {
  const parsed = JSON.parse(lock);
  const entry = parsed.packages?.['node_modules/cognito-xstate'];
  if (entry !== undefined) delete entry.integrity;
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

/** Copies the fixture and installs it; reuses node_modules when nothing but the tarball's contents changed. */
async function install(name, tarball, packageJsonOfTarball) {
  const source = join(fixturesDir, name);
  const work = join(workRoot, name);
  await mkdir(work, { recursive: true });
  for (const entry of await readdir(work)) {
    if (entry !== 'node_modules') await rm(join(work, entry), { recursive: true, force: true });
  }
  await cp(source, work, { recursive: true, filter: (path) => !path.includes('node_modules') });
  // The tarball sits where the fixture's package.json expects it: ../.pack/cognito-xstate.tgz.
  await cp(tarball, join(workRoot, '.pack/cognito-xstate.tgz'));
  const lock = lockWithoutTarballIntegrity(await readFile(join(source, 'package-lock.json'), 'utf8'));
  await writeFile(join(work, 'package-lock.json'), lock);
  const stamp = createHash('sha256').update(lock).update(packageJsonOfTarball).digest('hex');
  const stampFile = join(work, 'node_modules/.consumers-stamp');
  const warm = existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === stamp;
  if (warm) {
    const target = join(work, 'node_modules/cognito-xstate');
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true });
    await run(name, 'tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
    // npm marks bin targets executable on install; an unpacked tarball keeps the packed modes, so do it here.
    const { bin = {} } = JSON.parse(await readFile(join(target, 'package.json'), 'utf8'));
    await Promise.all(Object.values(bin).map((path) => chmod(join(target, path), 0o755)));
  } else {
    await run(name, 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: work });
    await writeFile(stampFile, stamp);
  }
  return work;
}

/** Starts the installed package's `cognito-emulator` bin on a free port; resolves with its URL once it listens. */
function startEmulator(work) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(work, 'node_modules/.bin/cognito-emulator'), ['--port', '0'], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      reject(new Error(`cognito-emulator exited with ${String(code)} before listening`));
    });
    child.stdout.on('data', (chunk) => {
      const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
      if (match?.[1] !== undefined) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

async function nodeConsumer(work, emulatorUrl) {
  // The React-free entry points must not pull React in: a Node or edge app would carry it for nothing.
  if (existsSync(join(work, 'node_modules/react')))
    throw new Error('node: react is installed although the app depends only on cognito-xstate/core and /server');
  const output = await run('node', 'node', ['sign-in.mjs'], {
    cwd: work,
    env: { ...process.env, EMULATOR_URL: emulatorUrl },
  });
  if (!output.includes('through SRP and SMS_MFA')) throw new Error(`node: unexpected output\n${output}`);
}

/** Runs the installed bin to its exit; resolves with the exit code and stderr. */
function binExit(work, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(work, 'node_modules/.bin/cognito-emulator'), args, {
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The installed bin refuses bad input with one line and a non-zero exit: a malformed seed, a port in use. */
async function binRefusals(work, emulatorUrl) {
  const seed = join(work, 'bad-seed.json');
  await writeFile(seed, JSON.stringify({ Pools: [{ Id: 'us-east-1_Bad1', Users: [{ Usernme: 'a' }] }] }));
  const refused = await binExit(work, ['--seed', seed]);
  const lines = refused.stderr.trim().split('\n');
  if (refused.code === 0 || lines.length !== 1 || !lines[0].includes(seed) || !lines[0].includes('Pools[0].Users[0]'))
    throw new Error(`bin: a malformed seed gave exit ${String(refused.code)} and\n${refused.stderr}`);
  const port = new URL(emulatorUrl).port;
  const busy = await binExit(work, ['--port', port]);
  if (busy.code === 0 || !busy.stderr.includes(`port ${port} on 127.0.0.1 is already in use`))
    throw new Error(`bin: a port in use gave exit ${String(busy.code)} and\n${busy.stderr}`);
}

async function webConsumer(work, emulatorUrl) {
  await run('web', 'node', ['check-readme.mjs', join(repoRoot, 'README.md')], { cwd: work });
  // The app's own code against the package's types, as its author's editor would check it.
  await run('web', 'npx', ['tsc', '-p', '.'], { cwd: work });
  const chromium = findChromium();
  if (chromium === undefined) throw new Error('No Chromium found: run `node scripts/setup.mjs --browser`.');
  await run('web', 'npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: work });
  // The vanilla page again, bundled by webpack 5 into dist/webpack/: its SRP worker must be webpack's own chunk.
  await run('web', 'node', ['webpack/build.mjs'], { cwd: work });
  await run('web', 'npx', ['playwright', 'test'], {
    cwd: work,
    env: { ...process.env, CHROMIUM_PATH: chromium, EMULATOR_URL: emulatorUrl },
  });
}

async function nextConsumer(work, emulatorUrl) {
  const chromium = findChromium();
  if (chromium === undefined) throw new Error('No Chromium found: run `node scripts/setup.mjs --browser`.');
  // The page is prerendered: a widget that touched `window` or fired onSrpEngine during server render fails here.
  const build = await run('next', 'npx', ['next', 'build'], {
    cwd: work,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (/is not defined|prerender-error/.test(build)) throw new Error(`next: the build reported an error\n${build}`);
  await run('next', 'npx', ['playwright', 'test'], {
    cwd: work,
    env: { ...process.env, CHROMIUM_PATH: chromium, EMULATOR_URL: emulatorUrl, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

const started = Date.now();
const { tarball, dependencies } = await timed('build and pack', packTarball);
const [nodeWork, webWork, nextWork] = await timed('install fixtures', () =>
  Promise.all([
    install('node', tarball, dependencies),
    install('web', tarball, dependencies),
    install('next', tarball, dependencies),
  ]),
);
const emulator = await startEmulator(nodeWork);
// Every app runs even when one fails, so one report names every broken promise.
const failures = [];
const check = async (label, step) => {
  try {
    await timed(label, step);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
    console.error(`consumers: FAILED ${label}`);
  }
};
try {
  await check('node: SRP + SMS_MFA with core and server only', () => nodeConsumer(nodeWork, emulator.url));
  await check('bin: a malformed seed and a port in use are refused in one line, exit non-zero', () =>
    binRefusals(nodeWork, emulator.url),
  );
  await check('web: README blocks type-check, Vite React app, vanilla page (Vite and webpack 5), Playwright kit', () =>
    webConsumer(webWork, emulator.url),
  );
  await check('next: App Router app, prerendered, SRP in the Turbopack-built worker', () =>
    nextConsumer(nextWork, emulator.url),
  );
} finally {
  emulator.stop();
}
if (failures.length > 0) {
  console.error(failures.join('\n\n'));
  process.exit(1);
}
console.log(`consumers: all passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
