// The wire: AWS JSON 1.1 errors, CORS, the test endpoints and token discovery, over loopback HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_POOL_ID } from './demo.ts';
import { startEmulator, type Emulator } from './index.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

function call(target: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${emulator.url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
      ...headers,
    },
    body,
  });
}

describe('AWS JSON 1.1 errors', () => {
  it('answers an unknown operation with UnknownOperationException, HTTP 400 and the error headers', async () => {
    const response = await call('NoSuchThing', '{}');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException:');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body: unknown = await response.json();
    expect(body).toEqual({
      __type: 'UnknownOperationException',
      message: 'Unknown operation AWSCognitoIdentityProviderService.NoSuchThing',
    });
    expect(response.headers.get('x-amzn-errormessage')).toBe(
      'Unknown operation AWSCognitoIdentityProviderService.NoSuchThing',
    );
  });

  it('answers malformed JSON with SerializationException', async () => {
    const response = await call('InitiateAuth', '{"AuthFlow":');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'SerializationException',
      message: 'Start of structure or map found where not expected.',
    });
  });

  it('answers a member of the wrong type with SerializationException', async () => {
    const response = await call('InitiateAuth', JSON.stringify({ AuthFlow: 7, ClientId: DEMO_CLIENT_ID }));
    expect(await response.json()).toEqual({
      __type: 'SerializationException',
      message: 'Unexpected value for AuthFlow: expected a string',
    });
  });

  it('answers a missing member with InvalidParameterException', async () => {
    const response = await call('InitiateAuth', JSON.stringify({ ClientId: DEMO_CLIENT_ID }));
    expect(await response.json()).toEqual({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers a member longer than the API allows with its length constraint, never echoing the value', async () => {
    const password = `${'p'.repeat(256)}!`;
    const response = await call(
      'SignUp',
      JSON.stringify({ ClientId: DEMO_CLIENT_ID, Username: 'fine', Password: password }),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256",
    });
    expect(text).not.toContain('ppp');
  });

  it('answers a page size outside 0..60 with its range constraint', async () => {
    for (const target of ['ListUsers', 'AdminListDevices']) {
      const response = await call(
        target,
        JSON.stringify({ UserPoolId: DEMO_POOL_ID, Username: 'srp-user', Limit: 61 }),
      );
      expect(await response.json()).toEqual({
        __type: 'InvalidParameterException',
        message:
          "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
      });
    }
    const users: unknown = await (
      await call('ListUsers', JSON.stringify({ UserPoolId: DEMO_POOL_ID, Limit: 2 }))
    ).json();
    expect(users).toMatchObject({ Users: [{}, {}], PaginationToken: expect.any(String) as unknown });
  });

  it('answers an unknown client with ResourceNotFoundException', async () => {
    const response = await call(
      'InitiateAuth',
      JSON.stringify({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: 'nope',
        AuthParameters: { USERNAME: 'x', SRP_A: '2' },
      }),
    );
    expect(await response.json()).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'User pool client nope does not exist.',
    });
  });

  it('refuses a body over 1 MiB', async () => {
    const response = await call('InitiateAuth', `{"x":"${'a'.repeat(1024 * 1024 + 10)}"}`);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      __type: 'SerializationException',
      message: 'Request body too large',
    });
  });

  it('ignores unknown members', async () => {
    const response = await call(
      'InitiateAuth',
      JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME: 'srp-user', PASSWORD: 'Passw0rd!demo' },
        Extra: 1,
      }),
    );
    expect(response.status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight with 204, the origin and the requested headers', async () => {
    const response = await fetch(`${emulator.url}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent,cache-control',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type,x-amz-target,x-amz-user-agent,cache-control',
    );
  });

  it('exposes the error headers to browser callers', async () => {
    const response = await call('Nope', '{}', {
      Origin: 'http://127.0.0.1:5173',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });
});

describe('test endpoints and discovery', () => {
  it('reports health, logs requests and moves the clock', async () => {
    expect(await (await fetch(`${emulator.url}/_emulator/health`)).json()).toEqual({ ok: true, pools: [DEMO_POOL_ID] });
    const before = emulator.clock.now();
    const moved = await fetch(`${emulator.url}/_emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceSeconds: 60 }),
    });
    expect(moved.status).toBe(200);
    expect(emulator.clock.now() - before).toBeGreaterThanOrEqual(60_000);
    const bad = await fetch(`${emulator.url}/_emulator/clock`, {
      method: 'POST',
      body: '{"advanceSeconds":"x"}',
    });
    expect(bad.status).toBe(400);
    const log: unknown = await (await fetch(`${emulator.url}/_emulator/requests`)).json();
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          target: 'AWSCognitoIdentityProviderService.NoSuchThing',
        }),
      ]),
    );
  });

  it('serves the JWKS and the OpenID configuration under the issuer', async () => {
    const issuer = `${emulator.url}/${DEMO_POOL_ID}`;
    const config = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(config.issuer).toBe(issuer);
    expect(config.jwks_uri).toBe(`${issuer}/.well-known/jwks.json`);
    const jwks = (await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({
        kty: 'RSA',
        alg: 'RS256',
        use: 'sig',
        e: 'AQAB',
      });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${emulator.url}/nope/.well-known/jwks.json`)).status).toBe(404);
  });
});
