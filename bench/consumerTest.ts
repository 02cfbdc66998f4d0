// One-consumer-test row: an adopter's single Playwright spec on `cognito-xstate/testing` (SMS-MFA sign-in), process start to pass.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '../scripts/chromium.mjs';
import type { BenchContext } from './context.ts';
import { ensurePacked } from './packed.ts';
import { repoRoot, workDir } from './paths.ts';
import { freePort } from './servers.ts';
import { median } from './stats.ts';
import { failed, na, value, type Row } from './table.ts';

const run = promisify(execFile);
/** The spec `npm run consumers` runs too: sign in an SMS-MFA user with the kit's own emulator, outbox and page object. */
const spec = 'tests/kit.spec.ts';
const runs = 3;

/** The fixture's lockfile without the tarball's integrity: that changes with every build, the lockfile does not. */
function lockWithoutTarballIntegrity(lock: string): string {
  const parsed = JSON.parse(lock) as { packages?: Record<string, { integrity?: string }> };
  const entry = parsed.packages?.['node_modules/cognito-xstate'];
  if (entry !== undefined) delete entry.integrity;
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

/**
 * A consumer fixture (examples/consumers/<name>) in bench/.work/consumer-<name> with the freshly packed tarball, as
 * scripts/consumers.mjs installs it: `npm ci` from its lockfile, or only the tarball unpacked over it when nothing else changed.
 */
export async function installFixture(name: string, tarball: string, log: (line: string) => void): Promise<string> {
  const fixture = join(repoRoot, 'examples', 'consumers', name);
  const work = join(workDir, `consumer-${name}`);
  await mkdir(work, { recursive: true });
  for (const entry of await readdir(work))
    if (entry !== 'node_modules') await rm(join(work, entry), { recursive: true, force: true });
  await cp(fixture, work, { recursive: true, filter: (path) => !path.includes('node_modules') });
  // The fixture's package.json expects the tarball at ../.pack/cognito-xstate.tgz.
  await mkdir(join(workDir, '.pack'), { recursive: true });
  await copyFile(tarball, join(workDir, '.pack', 'cognito-xstate.tgz'));
  const lock = lockWithoutTarballIntegrity(await readFile(join(fixture, 'package-lock.json'), 'utf8'));
  await writeFile(join(work, 'package-lock.json'), lock);
  // What decides the installed tree besides the lockfile: the package's own dependencies and peers (as consumers.mjs).
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const dependencies = JSON.stringify([
    manifest.dependencies,
    manifest.peerDependencies,
    manifest.peerDependenciesMeta,
  ]);
  const stamp = createHash('sha256').update(lock).update(dependencies).digest('hex');
  const stampFile = join(work, 'node_modules', '.bench-stamp');
  const warm = existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === stamp;
  if (warm) {
    const target = join(work, 'node_modules', 'cognito-xstate');
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
    const { bin = {} } = JSON.parse(await readFile(join(target, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
    };
    await Promise.all(Object.values(bin).map((path) => chmod(join(target, path), 0o755)));
  } else {
    log(`npm ci in bench/.work/consumer-${name}`);
    await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: work,
      maxBuffer: 64 * 1024 * 1024,
    });
    await writeFile(stampFile, stamp);
  }
  return work;
}

interface SpecRun {
  readonly seconds: number;
  readonly code: number | null;
  readonly output: string;
}

/** `npx playwright test <spec>` as the adopter types it, from spawn to exit. */
function runSpec(work: string, chromium: string, port: number): Promise<SpecRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('npx', ['playwright', 'test', spec, '--reporter=line'], {
      cwd: work,
      env: { ...process.env, CI: '1', CHROMIUM_PATH: chromium, E2E_DEMO_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ seconds: (performance.now() - t0) / 1000, code, output });
    });
  });
}

export async function measureConsumerTest(ctx: BenchContext): Promise<Row[]> {
  const base = {
    group: 'consumer-test',
    metric: 'One consumer test: SMS-MFA sign-in with cognito-xstate/testing, process start to pass',
    unit: 's',
    peer: na('no peer ships a test kit'),
    peerName: '',
    aim: { kind: 'oursAtMost', limit: 5 },
  } as const;
  const chromium = findChromium();
  if (chromium === undefined) return [{ ...base, ours: failed('no Chromium (scripts/chromium.mjs)'), note: '' }];
  const packed = await ensurePacked(ctx.log);
  const work = await installFixture('web', packed.tarball, ctx.log);
  ctx.log('vite build of the consumer app');
  await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: work });
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    ctx.log(`npx playwright test ${spec} in the consumer app (${String(i + 1)}/${String(runs)})`);
    const result = await runSpec(work, chromium, await freePort());
    if (result.code !== 0 || !result.output.includes('1 passed')) {
      const tail = result.output.trim().split('\n').slice(-3).join(' | ');
      return [{ ...base, ours: failed(`spec failed (exit ${String(result.code)}): ${tail}`), note: '' }];
    }
    seconds.push(result.seconds);
  }
  const note =
    `\`npx playwright test ${spec}\` in examples/consumers/web installed from the packed tarball (bench/.work/consumer-web), ` +
    `spawn to exit, median of ${String(runs)} (${seconds.map((s) => s.toFixed(2)).join(', ')} s): the kit starts its own emulator, ` +
    `the app's config starts \`vite preview\` of the built app, Chromium launches, the user signs in with the SMS code from the outbox.`;
  return [{ ...base, ours: value(median(seconds)), note }];
}
