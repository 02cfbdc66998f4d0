import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import { CognitoServiceError } from '../../machines/errors.ts';
import { ClientSecretInBrowserError, createCognitoHttp } from './cognitoHttp.ts';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.stop();
});

async function rejection(promise: Promise<unknown>): Promise<CognitoServiceError> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof CognitoServiceError) return thrown;
    throw thrown;
  }
  throw new Error('expected a rejection');
}

describe('createCognitoHttp', () => {
  it('posts InitiateAuth as AWS JSON 1.1 and returns the tokens', async () => {
    const cognito = createCognitoHttp({ endpoint: emulator.url });
    const before = emulator.requests.length;
    const response = await cognito.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_CLIENT_ID,
      AuthParameters: { USERNAME: 'srp-user', PASSWORD: DEMO_PASSWORD },
    });
    expect(response.AuthenticationResult?.TokenType).toBe('Bearer');
    expect(response.AuthenticationResult?.IdToken?.split('.')).toHaveLength(3);
    expect(emulator.requests.slice(before).map((r) => r.target)).toEqual([
      'AWSCognitoIdentityProviderService.InitiateAuth',
    ]);
  });

  it('throws CognitoServiceError with the Cognito code on a wrong password', async () => {
    const cognito = createCognitoHttp({ endpoint: emulator.url });
    const error = await rejection(
      cognito.call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME: 'srp-user', PASSWORD: 'wrong' },
      }),
    );
    expect(error.error).toMatchObject({ code: 'NotAuthorizedException', retryable: false });
  });

  it('throws a retryable NetworkError when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const url = `http://127.0.0.1:${String(address.port)}`;
    await new Promise((resolve) => server.close(resolve));
    const error = await rejection(createCognitoHttp({ endpoint: url }).call('GlobalSignOut', { AccessToken: 'x' }));
    expect(error.error).toMatchObject({ code: 'NetworkError', retryable: true });
  });

  it('computes SECRET_HASH as Base64(HMAC-SHA256(secret, username + clientId))', async () => {
    const cognito = createCognitoHttp({ endpoint: emulator.url, clientId: 'client123', clientSecret: 's3cr3t' });
    const expected = createHmac('sha256', 's3cr3t')
      .update('alice' + 'client123')
      .digest('base64');
    expect(await cognito.secretHash?.('alice')).toBe(expected);
  });

  it('refuses a client secret in a browser with ClientSecretInBrowserError', () => {
    const scope = globalThis as { window?: unknown };
    scope.window = { document: {} };
    try {
      expect(() => createCognitoHttp({ endpoint: emulator.url, clientId: 'c', clientSecret: 's' })).toThrow(
        ClientSecretInBrowserError,
      );
      expect(() => createCognitoHttp({ endpoint: emulator.url })).not.toThrow();
    } finally {
      delete scope.window;
    }
  });

  it('builds the regional endpoint from a region', async () => {
    const seen: string[] = [];
    const cognito = createCognitoHttp({
      region: 'eu-west-1',
      fetch: (input) => {
        seen.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        return Promise.resolve(new Response('{}', { status: 200 }));
      },
    });
    await cognito.call('GlobalSignOut', { AccessToken: 'x' });
    expect(seen).toEqual(['https://cognito-idp.eu-west-1.amazonaws.com/']);
  });
});
