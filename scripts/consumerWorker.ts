// `npx tsx scripts/consumerWorker.ts`: builds the library, installs it into a throwaway Vite app, and signs in from
// Chromium both on that app's dev server (with Vite's dependency pre-bundling) and on its production build, asserting
// that the SRP math ran in the library's Web Worker and not inline.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import * as repoVite from 'vite';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../e2e/emulator/demo.ts';
import { startEmulator } from '../e2e/emulator/index.ts';
import { SignInPage } from '../e2e/kit/index.ts';
import { chromiumArgs, findChromium } from './chromium.mjs';

const repoRoot = join(import.meta.dirname, '..');
// CONSUMER_VITE=/path/to/node_modules/vite/dist/node/index.js runs the consumer app on another Vite (e.g. 7, whose
// dependency optimizer does not rewrite `new URL(…, import.meta.url)`); the library is always built by ours.
const consumerVite: typeof repoVite =
  process.env.CONSUMER_VITE === undefined ? repoVite : ((await import(process.env.CONSUMER_VITE)) as typeof repoVite);
const { createServer, preview } = consumerVite;
const PACKAGE = 'cognito-xstate';

/** The consumer's whole app: the non-React mount, the theme, and a record of every engine report. */
const consumerMain = `import { mountLoginWidget } from '${PACKAGE}';
import '${PACKAGE}/style.css';
const query = new URLSearchParams(location.search);
window.srpEngineReports = [];
mountLoginWidget(document.getElementById('root'), {
  userPoolId: query.get('userPoolId'),
  clientId: query.get('clientId'),
  endpoint: query.get('endpoint'),
  onSrpEngine: (report) => { window.srpEngineReports.push(report); },
});
`;

const consumerHtml = `<!doctype html><html><head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,"></head>
<body><div id="root"></div><script type="module" src="/main.js"></script></body></html>
`;

/** `npm run build`'s Vite half into `<pkg>/dist`, plus the package.json a registry install would bring. */
async function packLibrary(pkg: string): Promise<void> {
  await repoVite.build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(pkg, 'dist'), emptyOutDir: true },
  });
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.scripts;
  delete manifest.devDependencies;
  await writeFile(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2));
}

/**
 * A Vite app whose node_modules holds the packed library as a real folder (so Vite pre-bundles it like any installed
 * dependency; a symlink out of node_modules would be treated as source) and links to the repository's other packages.
 */
async function makeConsumer(dir: string): Promise<void> {
  const modules = join(dir, 'node_modules');
  await mkdir(modules, { recursive: true });
  for (const entry of await readdir(join(repoRoot, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    await symlink(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  await packLibrary(join(modules, PACKAGE));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { [PACKAGE]: 'file:' } }),
  );
  await writeFile(join(dir, 'index.html'), consumerHtml);
  await writeFile(join(dir, 'main.js'), consumerMain);
}

interface Outcome {
  readonly mode: string;
  readonly signedIn: boolean;
  readonly workers: readonly string[];
  readonly reports: unknown;
  readonly warnings: readonly string[];
}

/** Signs `srp-user` in on `baseURL` and reports which workers ran and what the widget said about its engine. */
async function signIn(browser: Browser, mode: string, baseURL: string, endpoint: string): Promise<Outcome> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const workers: string[] = [];
  const warnings: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  page.on('pageerror', (error) => warnings.push(`page error: ${error.message}`));
  const widget = new SignInPage(page);
  let signedIn = false;
  try {
    await widget.open({ endpoint, userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID });
    await widget.submitCredentials('srp-user', DEMO_PASSWORD);
    await widget.expectSignedIn();
    signedIn = true;
  } catch (error) {
    warnings.push(`sign-in failed: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
  }
  const reports: unknown = await page.evaluate(
    () => (window as unknown as { srpEngineReports?: unknown }).srpEngineReports,
  );
  await context.close();
  return { mode, signedIn, workers, reports, warnings };
}

function workerWasUsed(outcome: Outcome): boolean {
  const { reports } = outcome;
  return (
    outcome.signedIn &&
    outcome.workers.length > 0 &&
    Array.isArray(reports) &&
    reports.length > 0 &&
    reports.every(
      (report: unknown) =>
        typeof report === 'object' && report !== null && 'engine' in report && report.engine === 'worker',
    )
  );
}

const executablePath = findChromium();
if (executablePath === undefined)
  throw new Error('No Chromium found: run `node scripts/setup.mjs --browser` or set CHROMIUM_PATH.');
const started = performance.now();
const dir = await mkdtemp(join(tmpdir(), 'cx-consumer-'));
const emulator = await startEmulator();
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
const outcomes: Outcome[] = [];
try {
  await makeConsumer(dir);
  // Dev server with default optimizeDeps: the library is pre-bundled into node_modules/.vite/deps.
  // CONSUMER_EXCLUDE=1 adds the README's `optimizeDeps.exclude` for Vite before 8.
  const optimizeDeps =
    process.env.CONSUMER_EXCLUDE === undefined
      ? {}
      : {
          exclude: [PACKAGE],
          include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', '@xstate/react'].map(
            (dep) => `${PACKAGE} > ${dep}`,
          ),
        };
  const dev = await createServer({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    optimizeDeps,
    server: { host: '127.0.0.1', port: 0 },
  });
  await dev.listen();
  try {
    outcomes.push(
      await signIn(
        browser,
        process.env.CONSUMER_EXCLUDE === undefined ? 'dev server (pre-bundled)' : 'dev server (package excluded)',
        dev.resolvedUrls?.local[0] ?? '',
        emulator.url,
      ),
    );
  } finally {
    await dev.close();
  }
  // Production build of the same app, served statically.
  await consumerVite.build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true },
  });
  const served = await preview({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist') },
    preview: { host: '127.0.0.1', port: 0 },
  });
  try {
    outcomes.push(await signIn(browser, 'production build', served.resolvedUrls?.local[0] ?? '', emulator.url));
  } finally {
    await new Promise<void>((resolve) => {
      served.httpServer.close(() => {
        resolve();
      });
    });
  }
} finally {
  await browser.close();
  await emulator.stop();
  if (process.env.KEEP_CONSUMER === undefined) await rm(dir, { recursive: true, force: true });
  else await cp(dir, process.env.KEEP_CONSUMER, { recursive: true, verbatimSymlinks: true });
}

let failed = false;
for (const outcome of outcomes) {
  const ok = workerWasUsed(outcome);
  failed ||= !ok;
  console.log(
    `${ok ? 'PASS' : 'FAIL'} ${outcome.mode}: ${outcome.signedIn ? 'signed in' : 'NOT signed in'}; workers ${JSON.stringify(outcome.workers)}; engine reports ${JSON.stringify(outcome.reports)}`,
  );
  for (const warning of outcome.warnings) console.log(`  console: ${warning}`);
}
console.log(
  `consumer app on Vite ${consumerVite.version}; check took ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (failed || outcomes.length < 2) process.exitCode = 1;
