// Bundle-size rows: what a sign-in UI adds to a minimal Vite + React app (all chunks, and what loads before the form paints), and the core alone.
import react from '@vitejs/plugin-react';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { errorText, repoFileExists, type BenchContext } from './context.ts';
import { measureInitialLoads, type InitialLoad } from './initialLoad.ts';
import { amplifySpec, ensurePeer } from './peers.ts';
import { repoRoot, workDir } from './paths.ts';
import { measureBuildOutput, subtractSizes, type BuildSizes, type Sizes } from './sizes.ts';
import { failed, value, type Figure, type Row } from './table.ts';

const html = (entry: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><div id="root"></div><script type="module" src="./${entry}"></script></body></html>\n`;

/** Writes a one-page app and builds it for production with the one config every app here shares. */
interface AppBuild extends BuildSizes {
  /** Every module bundled, by id (absolute path), to tell which packages ended up in the app. */
  readonly modules: readonly string[];
}

/** Module ids of every chunk in Vite's build result (one output or several). */
function bundledModules(result: unknown): string[] {
  const outputs = Array.isArray(result) ? (result as unknown[]) : [result];
  const ids: string[] = [];
  for (const output of outputs) {
    if (typeof output !== 'object' || output === null || !('output' in output) || !Array.isArray(output.output))
      continue;
    for (const chunk of output.output as unknown[]) {
      if (typeof chunk === 'object' && chunk !== null && 'moduleIds' in chunk && Array.isArray(chunk.moduleIds)) {
        ids.push(...(chunk.moduleIds as unknown[]).filter((id): id is string => typeof id === 'string'));
      }
    }
  }
  return ids;
}

async function buildApp(dir: string, entry: string, source: string): Promise<AppBuild> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html(entry));
  await writeFile(join(dir, entry), source);
  const outDir = join(dir, 'dist');
  const result: unknown = await build({
    root: dir,
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
    },
  });
  return { ...(await measureBuildOutput(outDir)), modules: bundledModules(result) };
}

/** An import specifier from an app folder to a repository file. */
const fromApp = (dir: string, repoRelative: string): string =>
  relative(dir, join(repoRoot, repoRelative)).replaceAll('\\', '/');

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

function sizeRows(
  group: string,
  name: string,
  ours: Sizes | string,
  peer: Sizes | string,
  peerName: string,
  aim: Row['aim'],
  note: string,
): Row[] {
  const pick = (s: Sizes | string, key: 'gzip' | 'brotli'): Figure =>
    typeof s === 'string' ? failed(s) : value(kb(s[key]));
  return [
    {
      group,
      metric: `${name}, gzip`,
      unit: 'KB',
      ours: pick(ours, 'gzip'),
      peer: pick(peer, 'gzip'),
      peerName,
      aim,
      note,
    },
    {
      group,
      metric: `${name}, brotli`,
      unit: 'KB',
      ours: pick(ours, 'brotli'),
      peer: pick(peer, 'brotli'),
      peerName,
      aim,
      note: '',
    },
  ];
}

/** The opt-in modules the "with modules" variant passes: entry file, export, and the prop it goes in. */
const OPT_IN_MODULES = [
  { file: 'src/managedLogin.ts', name: 'managedLogin' },
  { file: 'src/passkeys.ts', name: 'passkeys' },
] as const;

/** The widget app's source; with `optIn`, every opt-in module that exists is imported and passed as its prop. */
async function widgetSource(dir: string, optIn = false): Promise<string | undefined> {
  if (!(await repoFileExists('src/index.ts'))) return undefined;
  const index = await readFile(join(repoRoot, 'src/index.ts'), 'utf8');
  if (!/\bLoginWidget\b/.test(index)) return undefined;
  // The theme ships as a stylesheet the host imports, as Amplify's styles.css is.
  const theme = (await repoFileExists('src/theme.css')) ? `\nimport '${fromApp(dir, 'src/theme.css')}';` : '';
  const modules: (typeof OPT_IN_MODULES)[number][] = [];
  if (optIn) for (const module of OPT_IN_MODULES) if (await repoFileExists(module.file)) modules.push(module);
  if (optIn && modules.length === 0) return undefined;
  const imports = modules.map(({ file, name }) => `\nimport { ${name} } from '${fromApp(dir, file)}';`).join('');
  const props = modules.map(({ name }) => ` ${name}={${name}}`).join('');
  return reactApp(
    `import { LoginWidget } from '${fromApp(dir, 'src/index.ts')}';${theme}${imports}`,
    `<LoginWidget config={{ userPoolId: 'us-east-1_DemoPool1', clientId: 'demoappclient0000000000001' }}${props} />`,
  );
}

/** Informational: the same widget with every opt-in module passed (managed login, passkeys), so their cost stays visible. */
async function optInBuild(
  apps: string,
  baseline: AppBuild,
  ctx: BenchContext,
): Promise<{ readonly note: string; readonly dist?: string }> {
  const dir = join(apps, 'login-widget-modules');
  const source = await widgetSource(dir, true);
  if (source === undefined) return { note: '' };
  ctx.log('building the <LoginWidget> app with the opt-in modules');
  try {
    const widget = subtractSizes((await buildApp(dir, 'main.tsx', source)).total, baseline.total);
    const names = OPT_IN_MODULES.map(({ name }) => name).join(' + ');
    return {
      note: ` With the opt-in modules passed (${names}; no aim): ${kb(widget.gzip).toFixed(1)} KB gz, ${kb(widget.brotli).toFixed(1)} KB brotli.`,
      dist: join(dir, 'dist'),
    };
  } catch (error) {
    return { note: ` With the opt-in modules: build failed (${errorText(error)}).` };
  }
}

export async function measureWidgetSize(ctx: BenchContext): Promise<Row[]> {
  const apps = join(workDir, 'apps');
  // Our two apps build while the Amplify install (started by run.ts) is still under way; sizes do not depend on timing.
  const amplifyInstall = ensurePeer(await amplifySpec(), ctx.log);
  ctx.log('building the plain-button baseline app');
  const baseline = await buildApp(join(apps, 'baseline'), 'main.tsx', baselineSource);
  const oursDir = join(apps, 'login-widget');
  const source = await widgetSource(oursDir);
  let ours: Sizes | string = 'LoginWidget not built yet';
  let oursNote = '';
  let oursFiles = 0;
  let optInDist: string | undefined;
  if (source !== undefined) {
    ctx.log('building the <LoginWidget> app');
    try {
      const widget = await buildApp(oursDir, 'main.tsx', source);
      ours = subtractSizes(widget.total, baseline.total);
      oursFiles = widget.files.length;
      const identityJs = widget.modules.some((id) => id.includes('/amazon-cognito-identity-js/'));
      const verdict =
        widget.modules.length === 0 ? 'may or may not be (no module list from Vite)' : identityJs ? 'IS' : 'is not';
      ctx.log(`LoginWidget bundle: ${widget.modules.length} modules`);
      oursNote = ` LoginWidget JS ${kb(widget.js.gzip - baseline.js.gzip).toFixed(1)} + CSS ${kb(widget.css.gzip).toFixed(1)} KB gz; amazon-cognito-identity-js ${verdict} in the widget's bundle.`;
      const optIn = await optInBuild(apps, baseline, ctx);
      oursNote += optIn.note;
      optInDist = optIn.dist;
    } catch (error) {
      ours = `build failed: ${errorText(error)}`;
    }
  }
  const amplifyPrefix = await amplifyInstall;
  ctx.log('building the Amplify UI <Authenticator> app');
  const amplify = await buildApp(join(amplifyPrefix, 'app'), 'main.tsx', amplifySource);
  const note =
    `Production JS + CSS of a Vite + React app minus the same app rendering a plain button (baseline ${kb(baseline.total.gzip).toFixed(1)} KB gz); ` +
    `gzip -9 / brotli q11 per file; @aws-amplify/ui-react 6.15.6 + aws-amplify 6.22.1 (Amplify JS ${kb(amplify.js.gzip - baseline.js.gzip).toFixed(1)} + CSS ${kb(amplify.css.gzip).toFixed(1)} KB gz).${oursNote}`;
  const allChunks = sizeRows(
    'size',
    'Widget adds to a React app',
    ours,
    subtractSizes(amplify.total, baseline.total),
    'Amplify <Authenticator>',
    { kind: 'ratioAtMost', limit: 0.25 },
    note,
  );
  ctx.log('loading each app in Chromium until its sign-in form paints');
  const dists = [join(amplifyPrefix, 'app', 'dist'), ...(typeof ours === 'string' ? [] : [join(oursDir, 'dist')])];
  const [amplifyLoad, oursLoad, optInLoad] = await measureInitialLoads([
    ...dists,
    ...(optInDist === undefined || typeof ours === 'string' ? [] : [optInDist]),
  ]);
  if (amplifyLoad === undefined) throw new Error('no initial load measured for Amplify');
  const count = (load: InitialLoad | undefined): string => (load === undefined ? 'n/a' : String(load.files.length));
  const initialNote =
    `The JS + CSS files headless Chromium has fetched (Resource Timing) when the first input of the sign-in form is visible and a frame has painted, ` +
    `served by \`vite preview\` from the same builds; lazy chunks not yet fetched do not count. Minus the baseline app (all of which loads at once). ` +
    `Files: ours ${count(oursLoad)} of ${typeof ours === 'string' ? 'n/a' : String(oursFiles)}, Amplify ${count(amplifyLoad)} of ${String(amplify.files.length)}.` +
    (optInLoad === undefined
      ? ''
      : ` With the opt-in modules passed (no aim): ${kb(subtractSizes(optInLoad.sizes, baseline.total).gzip).toFixed(2)} KB gz, ${count(optInLoad)} files.`);
  const initial = sizeRows(
    'size',
    'Initial load (before the sign-in form paints) adds to a React app',
    oursLoad === undefined
      ? typeof ours === 'string'
        ? ours
        : 'not measured'
      : subtractSizes(oursLoad.sizes, baseline.total),
    subtractSizes(amplifyLoad.sizes, baseline.total),
    'Amplify <Authenticator>',
    { kind: 'ratioAtMost', limit: 0.15 },
    initialNote,
  );
  return [...allChunks, ...initial];
}

const coreApp = (imports: string, body: string): string =>
  `${imports}\ndocument.getElementById('root')?.addEventListener('click', () => {\n${body}\n});\n`;

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
  const identity = subtractSizes(
    (await buildApp(join(apps, 'identity-js'), 'main.ts', identitySource)).total,
    empty.total,
  );
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
  let wired: Sizes | string = 'src/adapters not built yet';
  if (
    (await repoFileExists('machines/index.ts')) &&
    (await repoFileExists('src/adapters/cognitoHttp.ts')) &&
    (await repoFileExists('src/adapters/srpFast.ts'))
  ) {
    const dir = join(apps, 'machine-adapters');
    wired = subtractSizes(
      (
        await buildApp(
          dir,
          'main.ts',
          coreApp(
            `import { createActor } from 'xstate';
import { createSignInMachine, secret } from '${fromApp(dir, 'machines/index.ts')}';
import { createCognitoHttp } from '${fromApp(dir, 'src/adapters/cognitoHttp.ts')}';
import { createFastSrp } from '${fromApp(dir, 'src/adapters/srpFast.ts')}';`,
            `  const machine = createSignInMachine({ cognito: createCognitoHttp({ region: 'us-east-1' }), srp: createFastSrp() });
  const actor = createActor(machine, { input: { userPoolId: 'us-east-1_DemoPool1', clientId: 'demoappclient0000000000001' } });
  actor.start();
  actor.send({ type: 'credentials.submit', username: 'srp-user', password: secret('x') });`,
          ),
        )
      ).total,
      empty.total,
    );
  }
  const note =
    'No React, each minus an empty app: the sign-in actor alone (machine + xstate), and wired to its default adapters (fetch transport + fast SRP), ' +
    'vs an app that calls CognitoUser.authenticateUser (amazon-cognito-identity-js 6.3.21 from the project).';
  return [
    ...sizeRows(
      'core-size',
      'Machine alone (no React)',
      machine,
      identity,
      'amazon-cognito-identity-js',
      { kind: 'none' },
      note,
    ),
    ...sizeRows(
      'core-size',
      'Machine + default adapters (no React)',
      wired,
      identity,
      'amazon-cognito-identity-js',
      { kind: 'none' },
      '',
    ),
  ];
}
