// The CLI prints its URL once ready, serves a --seed pool (with a trigger module) persisted to --data, stops on SIGTERM,
// and refuses a bad seed or a busy port with one line and a non-zero exit.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/emulator/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
  return {
    url: first.slice('listening on '.length),
    stop: async () => {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

/** Runs the CLI to its exit; what it printed on stderr, and the exit code. */
async function runToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/emulator/cli.ts', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('cognito-emulator', () => {
  it('prints "listening on http://127.0.0.1:P", serves the demo pool, and exits 0 on SIGTERM', async () => {
    const emulator = await run(['--port', '0']);
    const health = await fetch(`${emulator.url}/_emulator/health`);
    expect(await health.json()).toEqual({ ok: true, pools: ['us-east-1_DemoPool1'] });
    expect(await emulator.stop()).toBe(0);
  });

  it('loads --seed with a trigger module next to it and persists the pool to --data', async () => {
    await writeFile(
      join(dir, 'claims.mjs'),
      'export const handler = (event) => { event.response = { claimsOverrideDetails: { claimsToAddOrOverride: { plan: "gold" } } }; return event; };\n',
    );
    const config = {
      Pools: [
        {
          Id: 'us-east-1_CliPool01',
          LambdaConfig: { PreTokenGeneration: './claims.mjs' },
          Clients: [{ ClientId: 'cliclient00000000000000001', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
          Users: [{ Username: 'cli-user', Password: 'Cli-Passw0rd!' }],
        },
      ],
    };
    await writeFile(join(dir, 'pool.json'), JSON.stringify(config));
    const data = join(dir, 'data');
    const emulator = await run(['--port', '0', '--seed', join(dir, 'pool.json'), '--data', data]);
    const response = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'cliclient00000000000000001',
        AuthParameters: { USERNAME: 'cli-user', PASSWORD: 'Cli-Passw0rd!' },
      }),
    });
    const body = (await response.json()) as { AuthenticationResult: { IdToken: string } };
    expect(decodeJwt(body.AuthenticationResult.IdToken).plan).toBe('gold');
    expect(await emulator.stop()).toBe(0);
    expect(await readdir(data)).toEqual(['pool-us-east-1_CliPool01.json']);
  });

  it('refuses a seed with a misspelt Pools with one line naming the file and the field, exit 2', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, '{"pools": []}');
    const { code, stderr } = await runToExit(['--seed', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`cognito-emulator: ${file}: pools: is not a known field (known: Pools)\n`);
  });

  it('names the field of a malformed user, and never echoes the value', async () => {
    const file = join(dir, 'bad-totp.json');
    const seed = {
      Pools: [
        { Id: 'us-east-1_Bad1', Users: [{ Username: 'a' }, { Username: 'b', Mfa: { TotpSecret: 'not base32!' } }] },
      ],
    };
    await writeFile(file, JSON.stringify(seed));
    const { code, stderr } = await runToExit(['--seed', file]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      `cognito-emulator: ${file}: Pools[0].Users[1].Mfa.TotpSecret: must be a base32 secret (A-Z, 2-7) of at least 16 characters`,
    ]);
  });

  it('says where a seed file is not JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{"Pools": [');
    const { code, stderr } = await runToExit(['--seed', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^cognito-emulator: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is not valid JSON \\(.+\\)\n$`),
    );
  });

  it('refuses a trigger module that does not exist, naming the trigger', async () => {
    const file = join(dir, 'missing-trigger.json');
    await writeFile(
      file,
      JSON.stringify({ Pools: [{ Id: 'us-east-1_Bad2', LambdaConfig: { PreSignUp: './nope.mjs' } }] }),
    );
    const { code, stderr } = await runToExit(['--seed', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `cognito-emulator: ${file}: Pools[0].LambdaConfig.PreSignUp: no module at ${join(dir, 'nope.mjs')}\n`,
    );
  });

  it('says the port is in use and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const { code, stderr } = await runToExit(['--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr).toBe(`cognito-emulator: port ${String(port)} on 127.0.0.1 is already in use\n`);
    } finally {
      blocker.close();
    }
  });
});
