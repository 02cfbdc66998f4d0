// The CLI prints its URL once ready, serves a --config pool (with a trigger module) persisted to --data, and stops on SIGTERM.
import { spawn } from 'node:child_process';
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

describe('npm run emulator', () => {
  it('prints "listening on http://127.0.0.1:P", serves the demo pool, and exits 0 on SIGTERM', async () => {
    const emulator = await run(['--port', '0']);
    const health = await fetch(`${emulator.url}/_emulator/health`);
    expect(await health.json()).toEqual({ ok: true, pools: ['us-east-1_DemoPool1'] });
    expect(await emulator.stop()).toBe(0);
  });

  it('loads --config with a trigger module next to it and persists the pool to --data', async () => {
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
    const emulator = await run(['--port', '0', '--config', join(dir, 'pool.json'), '--data', data]);
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

  it('refuses a config without a Pools array', async () => {
    await writeFile(join(dir, 'bad.json'), '{"pools": []}');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'e2e/emulator/cli.ts', '--config', join(dir, 'bad.json')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
  });
});
