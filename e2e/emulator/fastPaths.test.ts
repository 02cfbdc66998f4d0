// The emulator's fast paths stay faithful: the matched-password shortcut, ready-made seed verifiers, per-pool keys.
import { AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorConfig } from './config.ts';
import { startEmulator, type Emulator } from './index.ts';
import { createVerifier } from './srpServer.ts';
import { rejection, sdkClient, verifiers } from './testHelpers.ts';

const PASSWORD = 'Passw0rd!fast';
const pools = [
  { id: 'us-east-1_FastPoolA', client: 'fastpoolaclient00000000001' },
  { id: 'us-east-1_FastPoolB', client: 'fastpoolbclient00000000001' },
] as const;

function config(): EmulatorConfig {
  // The seeded verifier is made exactly as a password seed would be: realm = pool id after `_`, user = username.
  const ready = createVerifier('FastPoolA', 'ready-user', PASSWORD);
  return {
    Pools: pools.map(({ id, client }) => ({
      Id: id,
      Clients: [{ ClientId: client, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
      Users: [
        { Username: 'plain-user', Password: PASSWORD },
        ...(id === pools[0].id
          ? [{ Username: 'ready-user', SrpVerifier: { Salt: ready.salt, Verifier: ready.verifier } }]
          : []),
      ],
    })),
  };
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ config: config() });
});
afterAll(() => emulator.stop());

function passwordAuth(clientId: string, username: string, password: string) {
  return sdkClient(emulator.url).send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
}

const wrong = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describe('USER_PASSWORD_AUTH after a password has already matched', () => {
  it('still rejects a wrong password between two right ones', async () => {
    const [a] = pools;
    expect((await passwordAuth(a.client, 'plain-user', PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
    expect(await rejection(passwordAuth(a.client, 'plain-user', `${PASSWORD}x`))).toEqual(wrong);
    expect((await passwordAuth(a.client, 'plain-user', PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('rejects the old password once an admin sets a new one, and accepts the new one', async () => {
    const [, b] = pools;
    expect((await passwordAuth(b.client, 'plain-user', PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
    await sdkClient(emulator.url).send(
      new AdminSetUserPasswordCommand({
        UserPoolId: b.id,
        Username: 'plain-user',
        Password: 'N3w!Passw0rd',
        Permanent: true,
      }),
    );
    expect(await rejection(passwordAuth(b.client, 'plain-user', PASSWORD))).toEqual(wrong);
    expect((await passwordAuth(b.client, 'plain-user', 'N3w!Passw0rd')).AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe('a user seeded with a ready SRP verifier', () => {
  it('signs in with the password the verifier was made from, and not with another', async () => {
    const [a] = pools;
    expect(await rejection(passwordAuth(a.client, 'ready-user', 'Other!Passw0rd'))).toEqual(wrong);
    expect((await passwordAuth(a.client, 'ready-user', PASSWORD)).AuthenticationResult?.IdToken).toBeTruthy();
  });
});

describe('signing keys', () => {
  it('gives each pool its own keys: a token verifies against its own pool JWKS only', async () => {
    const [a, b] = pools;
    const tokens = (await passwordAuth(a.client, 'plain-user', PASSWORD)).AuthenticationResult;
    const idToken = tokens?.IdToken ?? '';
    const own = verifiers(emulator, a.id, a.client);
    await expect(own.id.verify(idToken)).resolves.toMatchObject({ 'cognito:username': 'plain-user', token_use: 'id' });
    await expect(own.access.verify(tokens?.AccessToken ?? '')).resolves.toMatchObject({ username: 'plain-user' });
    const jwksA: unknown = await (await fetch(`${emulator.url}/${a.id}/.well-known/jwks.json`)).json();
    const jwksB: unknown = await (await fetch(`${emulator.url}/${b.id}/.well-known/jwks.json`)).json();
    const moduli = (jwks: unknown): string[] =>
      typeof jwks === 'object' && jwks !== null && 'keys' in jwks && Array.isArray(jwks.keys)
        ? jwks.keys.map((key: unknown) => (typeof key === 'object' && key !== null && 'n' in key ? String(key.n) : ''))
        : [];
    const all = [...moduli(jwksA), ...moduli(jwksB)];
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
  });
});
