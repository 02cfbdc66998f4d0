// The peers we measure against, pinned, installed by the bench into bench/.work/<name> (never the project's package.json).
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, workDir } from './paths.ts';

const run = promisify(execFile);

export interface PeerSpec {
  /** Folder under bench/.work. */
  readonly name: string;
  /** Package name → exact version. */
  readonly packages: Readonly<Record<string, string>>;
}

/** The version of a package in a node_modules tree, or undefined if it is not there. */
export async function installedVersion(prefix: string, pkg: string): Promise<string | undefined> {
  try {
    const json: unknown = JSON.parse(await readFile(join(prefix, 'node_modules', pkg, 'package.json'), 'utf8'));
    if (typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'string')
      return json.version;
    return undefined;
  } catch {
    return undefined;
  }
}

/** The project's own React version, so peer apps render with the very same React. */
async function projectVersion(pkg: string): Promise<string> {
  const version = await installedVersion(repoRoot, pkg);
  if (version === undefined) throw new Error(`${pkg} is not installed in the project`);
  return version;
}

export async function amplifySpec(): Promise<PeerSpec> {
  return {
    name: 'amplify',
    packages: {
      '@aws-amplify/ui-react': '6.15.6',
      'aws-amplify': '6.22.1',
      react: await projectVersion('react'),
      'react-dom': await projectVersion('react-dom'),
    },
  };
}

export const cognitoLocalSpec: PeerSpec = { name: 'cognito-local', packages: { 'cognito-local': '5.3.0' } };

const installs = new Map<string, Promise<string>>();

/**
 * Installs the peer's pinned packages unless exactly those versions are already there; returns its prefix.
 * One install per peer per run: `run.ts` starts them all at once, so a clean clone pays for the slowest, not the sum.
 */
export function ensurePeer(spec: PeerSpec, log: (line: string) => void): Promise<string> {
  let install = installs.get(spec.name);
  if (install === undefined) {
    install = installPeer(spec, log);
    installs.set(spec.name, install);
    // Handled where it is awaited; this only keeps a failed early start from crashing the run.
    install.catch(() => undefined);
  }
  return install;
}

async function installPeer(spec: PeerSpec, log: (line: string) => void): Promise<string> {
  const prefix = join(workDir, spec.name);
  const entries = Object.entries(spec.packages);
  const versions = await Promise.all(entries.map(([pkg]) => installedVersion(prefix, pkg)));
  if (entries.every(([, version], i) => versions[i] === version)) return prefix;
  await mkdir(prefix, { recursive: true });
  const specs = entries.map(([pkg, version]) => `${pkg}@${version}`);
  log(`installing ${specs.join(' ')} into bench/.work/${spec.name}`);
  const t0 = performance.now();
  await run(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix, ...specs],
    {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  log(`installed ${spec.name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return prefix;
}
