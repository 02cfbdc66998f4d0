// The package as adopters get it: built, packed by `npm pack`, installed from the tarball into an empty folder.
import { execFile } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, workDir } from './paths.ts';

const run = promisify(execFile);
const npmOptions = { maxBuffer: 64 * 1024 * 1024 } as const;

/** An `npm install` into an empty folder, and what it left on disk. */
export interface Install {
  readonly prefix: string;
  /** What was asked for: a tarball path or `name@version`s. */
  readonly specs: readonly string[];
}

export interface Packed {
  readonly tarball: string;
  readonly tarballBytes: number;
  /** What the tarball holds, unpacked (npm pack's own figure). */
  readonly unpackedBytes: number;
  readonly fileCount: number;
  readonly install: Install;
}

export interface Footprint {
  /** Bytes on disk (allocated blocks, as `du` counts them) under node_modules. */
  readonly diskBytes: number;
  /** Bytes of file content (apparent size). */
  readonly bytes: number;
  /** Installed packages, nested copies included (npm's hidden lockfile). */
  readonly packages: number;
}

interface PackInfo {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
}

function isPackInfo(value: unknown): value is PackInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    'filename' in value &&
    typeof value.filename === 'string' &&
    'size' in value &&
    typeof value.size === 'number' &&
    'unpackedSize' in value &&
    typeof value.unpackedSize === 'number' &&
    'entryCount' in value &&
    typeof value.entryCount === 'number'
  );
}

/** `npm pack --json` of a folder or a registry spec into `destination`; the tarball's path and npm's figures. */
export async function npmPack(source: string, destination: string): Promise<PackInfo & { readonly path: string }> {
  await mkdir(destination, { recursive: true });
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--loglevel=error', '--pack-destination', destination, source],
    { cwd: repoRoot, ...npmOptions },
  );
  const parsed: unknown = JSON.parse(stdout);
  const info: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
  if (!isPackInfo(info)) throw new Error(`npm pack ${source}: unexpected output ${stdout.slice(0, 200)}`);
  return { ...info, path: join(destination, info.filename) };
}

/**
 * `npm install <specs>` into a fresh folder holding only a private package.json, as an adopter's new app starts;
 * npm installs required peers (React for us and Amplify UI) on its own. `reuse` keeps an earlier identical install.
 */
export async function installIntoEmptyFolder(
  name: string,
  specs: readonly string[],
  reuse: boolean,
  log: (line: string) => void,
): Promise<Install> {
  const prefix = join(workDir, 'installs', name);
  const marker = join(prefix, 'bench-specs.json');
  const wanted = JSON.stringify(specs);
  if (reuse && (await readFile(marker, 'utf8').catch(() => '')) === wanted) return { prefix, specs };
  await rm(prefix, { recursive: true, force: true });
  await mkdir(prefix, { recursive: true });
  await writeFile(join(prefix, 'package.json'), `${JSON.stringify({ name: `bench-${name}`, private: true })}\n`);
  log(
    `npm install ${specs.map((spec) => spec.replace(`${workDir}/`, '')).join(' ')} into bench/.work/installs/${name}`,
  );
  const t0 = performance.now();
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
    cwd: prefix,
    ...npmOptions,
  });
  log(`installed ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await writeFile(marker, wanted);
  return { prefix, specs };
}

async function walk(dir: string): Promise<{ diskBytes: number; bytes: number }> {
  let diskBytes = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const info = await lstat(path);
    diskBytes += info.blocks * 512;
    if (entry.isDirectory()) {
      const inner = await walk(path);
      diskBytes += inner.diskBytes;
      bytes += inner.bytes;
    } else if (entry.isFile()) bytes += info.size;
  }
  return { diskBytes, bytes };
}

/** Installed packages per npm's hidden lockfile (`node_modules/.package-lock.json`), links left out. */
export function countPackages(hiddenLockfile: unknown): number {
  if (typeof hiddenLockfile !== 'object' || hiddenLockfile === null || !('packages' in hiddenLockfile)) return 0;
  const packages = hiddenLockfile.packages;
  if (typeof packages !== 'object' || packages === null) return 0;
  const isLink = (meta: unknown): boolean =>
    typeof meta === 'object' && meta !== null && 'link' in meta && meta.link === true;
  return Object.entries(packages as Record<string, unknown>).filter(
    ([path, meta]) => path.includes('node_modules/') && !isLink(meta),
  ).length;
}

export async function footprint(install: Install): Promise<Footprint> {
  const modules = join(install.prefix, 'node_modules');
  const sizes = await walk(modules);
  const lock: unknown = JSON.parse(await readFile(join(modules, '.package-lock.json'), 'utf8'));
  return { ...sizes, packages: countPackages(lock) };
}

let packed: Promise<Packed> | undefined;

/** Builds (`npm run build`), packs and installs the package once per run; the install-size and cold-start rows share it. */
export function ensurePacked(log: (line: string) => void): Promise<Packed> {
  packed ??= (async () => {
    log('npm run build (library and types)');
    const t0 = performance.now();
    await run('npm', ['run', 'build', '--silent'], { cwd: repoRoot, ...npmOptions });
    log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s; npm pack`);
    const destination = join(workDir, 'pack');
    await rm(destination, { recursive: true, force: true });
    const info = await npmPack(repoRoot, destination);
    const install = await installIntoEmptyFolder('cognito-xstate', [info.path], false, log);
    return {
      tarball: info.path,
      tarballBytes: (await stat(info.path)).size,
      unpackedBytes: info.unpackedSize,
      fileCount: info.entryCount,
      install,
    };
  })();
  // Awaited by each group that needs it; this only keeps an early start from crashing the run.
  packed.catch(() => undefined);
  return packed;
}

/** The package's bin path for `name` in an install, when the installed package.json declares it. */
export async function installedBin(install: Install, pkg: string, name: string): Promise<string | undefined> {
  const manifest: unknown = JSON.parse(
    await readFile(join(install.prefix, 'node_modules', pkg, 'package.json'), 'utf8'),
  );
  if (typeof manifest !== 'object' || manifest === null || !('bin' in manifest)) return undefined;
  const bin = manifest.bin;
  const declared =
    typeof bin === 'string'
      ? bin
      : typeof bin === 'object' && bin !== null && name in bin
        ? (bin as Record<string, unknown>)[name]
        : undefined;
  return typeof declared === 'string' ? join(install.prefix, 'node_modules', '.bin', name) : undefined;
}
