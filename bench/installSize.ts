// Install-size rows: `npm install` of our packed tarball into an empty folder vs Amplify UI and identity-js.
import { join } from 'node:path';
import type { BenchContext } from './context.ts';
import { ensurePacked, footprint, installIntoEmptyFolder, npmPack, type Footprint } from './packed.ts';
import { workDir } from './paths.ts';
import { value, type Row } from './table.ts';

/** The peers as an adopter would install them; npm adds their required peers (React for Amplify UI) itself. */
const amplifyInstallSpecs = ['aws-amplify@6.22.1', '@aws-amplify/ui-react@6.15.6'] as const;
const identityJsSpec = 'amazon-cognito-identity-js@6.3.21';

const mb = (bytes: number): number => bytes / (1024 * 1024);

/** Starts the peer installs (network and disk, not CPU), so run.ts can overlap them with the size builds. */
function startPeerInstalls(log: (line: string) => void): Promise<readonly [Footprint, Footprint]> {
  const install = async (name: string, specs: readonly string[]): Promise<Footprint> =>
    footprint(await installIntoEmptyFolder(name, specs, true, log));
  const both = Promise.all([
    install('amplify', amplifyInstallSpecs),
    install('identity-js', [identityJsSpec]),
  ] as const);
  both.catch(() => undefined);
  return both;
}

let peers: Promise<readonly [Footprint, Footprint]> | undefined;

export function ensurePeerInstalls(log: (line: string) => void): Promise<readonly [Footprint, Footprint]> {
  peers ??= startPeerInstalls(log);
  return peers;
}

export async function measureInstallSize(ctx: BenchContext): Promise<Row[]> {
  const peerInstalls = ensurePeerInstalls(ctx.log);
  const packed = await ensurePacked(ctx.log);
  const ours = await footprint(packed.install);
  const [amplify, identityJs] = await peerInstalls;
  const peerTarball = await npmPack(identityJsSpec, join(workDir, 'pack-peers'));
  const describe = (name: string, f: Footprint): string =>
    `${name} ${mb(f.diskBytes).toFixed(1)} MB on disk (${mb(f.bytes).toFixed(1)} MB of content), ${f.packages} packages`;
  const note =
    `\`npm run build && npm pack\`, then \`npm install <tarball>\` into an empty folder holding only a private package.json, as a new app starts; ` +
    `peers the same way: \`npm install ${amplifyInstallSpecs.join(' ')}\` and \`npm install ${identityJsSpec}\`. ` +
    `npm installs required peers itself (React for us and for Amplify UI); optional peers (our AWS SDK) are not installed. ` +
    `Disk = allocated blocks under node_modules, as du counts them; packages from npm's hidden lockfile, nested copies included. ` +
    `${describe('Ours', ours)}; ${describe('Amplify', amplify)}; ${describe('identity-js', identityJs)}.`;
  const row = (
    metric: string,
    unit: string,
    pick: (f: Footprint) => number,
    peer: Footprint,
    amplifyPeer: boolean,
  ): Row => ({
    group: 'install-size',
    metric,
    unit,
    ours: value(pick(ours)),
    peer: value(pick(peer)),
    peerName: amplifyPeer ? 'aws-amplify + @aws-amplify/ui-react' : 'amazon-cognito-identity-js',
    aim: amplifyPeer ? { kind: 'ratioAtMost', limit: 0.2 } : { kind: 'none' },
    note: '',
  });
  return [
    { ...row('Installed size, on disk', 'MB', (f) => mb(f.diskBytes), amplify, true), note },
    row('Installed packages', 'packages', (f) => f.packages, amplify, true),
    row('Installed size, on disk', 'MB', (f) => mb(f.diskBytes), identityJs, false),
    row('Installed packages', 'packages', (f) => f.packages, identityJs, false),
    {
      group: 'install-size',
      metric: 'Packed tarball (npm pack)',
      unit: 'KB',
      ours: value(packed.tarballBytes / 1024),
      peer: value(peerTarball.size / 1024),
      peerName: 'amazon-cognito-identity-js',
      aim: { kind: 'none' },
      note: `Ours: ${packed.fileCount} files, ${(packed.unpackedBytes / 1024).toFixed(0)} KB unpacked; identity-js ${peerTarball.entryCount} files, ${(peerTarball.unpackedSize / 1024).toFixed(0)} KB unpacked (npm pack's own figures).`,
    },
  ];
}
