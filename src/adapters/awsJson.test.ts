import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../machines/errors.ts';
import { createAwsJsonClient } from './awsJson.ts';

describe('createAwsJsonClient', () => {
  let silent: Server;
  let endpoint = '';

  beforeAll(async () => {
    // A server that accepts the request and never answers: what a dead proxy looks like to the browser.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('fails a request the server never answers as a retryable NetworkError after timeoutMs', async () => {
    const client = createAwsJsonClient({ endpoint, timeoutMs: 200 });
    const failure: unknown = await client.call('InitiateAuth', {}).catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(CognitoServiceError);
    expect((failure as CognitoServiceError).error).toMatchObject({ code: 'NetworkError', retryable: true });
  });
});
