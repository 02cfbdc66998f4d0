// Bundle-size rows: what a sign-in UI adds to a minimal Vite + React app, and the core alone, built by one Vite config.
import react from '@vitejs/plugin-react';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { errorText, repoFileExists, type BenchContext } from './context.ts';
import { amplifySpec, ensurePeer } from './peers.ts';
import { repoRoot, workDir } from './paths.ts';
import { measureBuildOutput, subtractSizes, type BuildSizes, type Sizes } from './sizes.ts';
import { na, value, type Figure, type Row } from './table.ts';

const html = (entry: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><div id="root"></div><script type="module" src="./${entry}"></script></body></html>\n`;

/** Writes a one-page app and builds it for production with the one config every app here shares. */
async function buildApp(dir: string, entry: string, source: string): Promise<BuildSizes> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html(entry));
  await writeFile(join(dir, entry), source);
  const outDir = join(dir, 'dist');
  await build({
    root: dir,
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, modulePreload: { polyfill: false } },
  });
  return measureBuildOutput(outDir);
}

/** An import specifier from an app folder to a repository file. */
const fromApp = (dir: string, repoRelative: string): string => relative(dir, join(repoRoot, repoRelative)).replaceAll('\\', '/');

const reactApp = (imports: string, element: string): string =>
  `${imports}\nimport { createRoot } from 'react-dom/client';\nconst root = document.getElementById('root');\nif (root) createRoot(root).render(${element});\n`;

const baselineSource = reactApp('', `<button type="button">Sign in</button>`);

const amplifySource = reactApp(
  `import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
Amplify.configure({ Auth: { Cognito: { userPoolId: 'us-east-1_DemoPool1', userPoolClientId: 'demoappclient0000000000001' } } });`,
  `<Authenticator>{({ signOut }) => <button type="button" onClick={signOut}>Sign out</button>}</Authenticator>`,
);

const kb = (bytes: number): number => bytes / 1024;

function sizeRows(group: string, name: string, ours: Sizes | string, peer: Sizes | string, peerName: string, aim: Row['aim'], note: string): Row[] {
  const pick = (s: Sizes | string, key: 'gzip' | 'brotli'): Figure => (typeof s === 'string' ? na(s) : value(kb(s[key])));
  return [
    { group, metric: `${name}, gzip`, unit: 'KB', ours: pick(ours, 'gzip'), peer: pick(peer, 'gzip'), peerName, aim, note },
    { group, metric: `${name}, brotli`, unit: 'KB', ours: pick(ours, 'brotli'), peer: pick(peer, 'brotli'), peerName, aim, note: '' },
  ];
}

async function widgetSource(dir: string): Promise<string | undefined> {
  if (!(await repoFileExists('src/index.ts'))) return undefined;
  const index = await readFile(join(repoRoot, 'src/index.ts'), 'utf8');
  if (!/\bLoginWidget\b/.test(index)) return undefined;
  // The theme ships as a stylesheet the host imports, as Amplify's styles.css is.
  const theme = (await repoFileExists('src/theme.css')) ? `\nimport '${fromApp(dir, 'src/theme.css')}';` : '';
  return reactApp(
    `import { LoginWidget } from '${fromApp(dir, 'src/index.ts')}';${theme}`,
    `<LoginWidget config={{ userPoolId: 'us-east-1_DemoPool1', clientId: 'demoappclient0000000000001' }} />`,
  );
}

export async function measureWidgetSize(ctx: BenchContext): Promise<Row[]> {
  const apps = join(workDir, 'apps');
  const amplifyPrefix = await ensurePeer(await amplifySpec(), ctx.log);
  ctx.log('building the plain-button baseline app');
  const baseline = await buildApp(join(apps, 'baseline'), 'main.tsx', baselineSource);
  ctx.log('building the Amplify UI <Authenticator> app');
  const amplify = await buildApp(join(amplifyPrefix, 'app'), 'main.tsx', amplifySource);
  const oursDir = join(apps, 'login-widget');
  const source = await widgetSource(oursDir);
  let ours: Sizes | string = 'LoginWidget not built yet';
  if (source !== undefined) {
    ctx.log('building the <LoginWidget> app');
    try {
      ours = subtractSizes((await buildApp(oursDir, 'main.tsx', source)).total, baseline.total);
    } catch (error) {
      ours = `build failed: ${errorText(error)}`;
    }
  }
  const note =
    `Production JS + CSS of a Vite + React app minus the same app rendering a plain button (baseline ${kb(baseline.total.gzip).toFixed(1)} KB gz); ` +
    `gzip -9 / brotli q11 per file; @aws-amplify/ui-react 6.15.6 + aws-amplify 6.22.1 (Amplify JS ${kb(amplify.js.gzip - baseline.js.gzip).toFixed(1)} + CSS ${kb(amplify.css.gzip).toFixed(1)} KB gz).`;
  return sizeRows('size', 'Widget adds to a React app', ours, subtractSizes(amplify.total, baseline.total), 'Amplify <Authenticator>', { kind: 'ratioAtMost', limit: 0.25 }, note);
}

const coreApp = (imports: string, body: string): string => `${imports}\ndocument.getElementById('root')?.addEventListener('click', () => {\n${body}\n});\n`;

const identitySource = coreApp(
  `import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';`,
  `  const pool = new CognitoUserPool({ UserPoolId: 'us-east-1_DemoPool1', ClientId: 'demoappclient0000000000001' });
  const user = new CognitoUser({ Username: 'srp-user', Pool: pool });
  user.authenticateUser(new AuthenticationDetails({ Username: 'srp-user', Password: 'x' }), {
    onSuccess: (session) => { console.log(session.isValid()); },
    onFailure: (error: unknown) => { console.error(error); },
  });`,
);

export async function measureCoreSize(ctx: BenchContext): Promise<Row[]> {
  const apps = join(workDir, 'apps');
  ctx.log('building the empty, identity-js and machine-only apps');
  const empty = await buildApp(join(apps, 'empty'), 'main.ts', coreApp('', '  console.log(1);'));
  const identity = subtractSizes((await buildApp(join(apps, 'identity-js'), 'main.ts', identitySource)).total, empty.total);
  let machine: Sizes | string = 'machines/index.ts not built yet';
  if (await repoFileExists('machines/index.ts')) {
    const dir = join(apps, 'machine');
    machine = subtractSizes(
      (
        await buildApp(
          dir,
          'main.ts',
          coreApp(
            `import { createActor } from 'xstate';\nimport { signInMachine } from '${fromApp(dir, 'machines/index.ts')}';`,
            `  const actor = createActor(signInMachine);\n  actor.start();\n  console.log(actor.getSnapshot().value);`,
          ),
        )
      ).total,
      empty.total,
    );
  }
  const note =
    'No React: an app that creates the sign-in actor (machine + xstate, no adapters) vs one that calls CognitoUser.authenticateUser ' +
    '(amazon-cognito-identity-js 6.3.21 from the project), each minus an empty app.';
  return sizeRows('core-size', 'Core alone (no React)', machine, identity, 'amazon-cognito-identity-js', { kind: 'none' }, note);
}
