// Passkey management through the account machine and its real actors against the emulator: register, list, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { accountActors } from '../../machines/accountActors.ts';
import { accountMachine } from '../../machines/account.machine.ts';
import type { WebAuthnPort } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { createCognitoHttp } from '../../src/adapters/cognitoHttp.ts';
import type { PoolConfig } from '../emulator/config.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { SoftAuthenticator } from '../emulator/softAuthenticator.ts';
import { containsSecret } from './containsSecret.ts';

const POOL = 'us-east-1_PasskeyAcct1';
const CLIENT = 'passkeyacctclient00000001';
const PASSWORD = 'Passk3y-Acc0unt!';
const ORIGIN = 'http://localhost:5173';

function pool(): PoolConfig {
  return {
    Id: POOL,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'preferred' },
    Clients: [{ ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    Users: ['reg', 'closed', 'nowebauthn'].map((Username) => ({
      Username,
      Password: PASSWORD,
      Attributes: { email: `${Username}@example.com`, email_verified: 'true' },
    })),
  };
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [pool()] } });
});
afterAll(async () => {
  await emulator.stop();
});

async function accessTokenOf(username: string): Promise<string> {
  const cognito = createCognitoHttp({ endpoint: emulator.url });
  const response = await cognito.call('InitiateAuth', {
    AuthFlow: 'USER_AUTH',
    ClientId: CLIENT,
    AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
  });
  return response.AuthenticationResult?.AccessToken ?? '';
}

/** The browser's create(), played by the software authenticator; `refuse` plays the user closing the dialog. */
function creatingPort(authenticator: SoftAuthenticator, refuse = false) {
  const seen: string[] = [];
  const port: WebAuthnPort = {
    getCredential: () => Promise.reject(new Error('not used')),
    createCredential: (creationOptions) => {
      if (refuse)
        return Promise.reject(
          new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
        );
      const options = JSON.parse(creationOptions.reveal()) as { challenge: string; rp: { id?: string } };
      const credential = JSON.stringify(authenticator.create(options));
      seen.push(options.challenge, credential);
      return Promise.resolve(secret(credential));
    },
  };
  return { port, seen };
}

async function start(username: string, webAuthn?: WebAuthnPort) {
  const accessToken = await accessTokenOf(username);
  const cognito = createCognitoHttp({ endpoint: emulator.url });
  const machine = accountMachine.provide({
    actors: accountActors({ cognito, ...(webAuthn === undefined ? {} : { webAuthn }) }),
  });
  const actor = createActor(machine, {
    input: { userPoolId: POOL, clientId: CLIENT, accessToken: secret(accessToken) },
  });
  const snapshots: string[] = [];
  actor.subscribe((snapshot) => snapshots.push(JSON.stringify(snapshot)));
  actor.start();
  const before = emulator.requests.length;
  return {
    actor,
    snapshots,
    accessToken,
    operations: () => emulator.requests.slice(before).map((r) => r.target.split('.').pop()),
  };
}

describe('passkeys in the account machine', () => {
  it('registers a passkey (Start, create(), Complete: two requests), lists it, and deletes it; nothing secret in any snapshot', async () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    const { port, seen } = creatingPort(authenticator);
    const { actor, snapshots, accessToken, operations } = await start('reg', port);

    actor.send({ type: 'passkey.register' });
    const registered = await waitFor(actor, (s) => s.matches('idle'));
    expect(registered.context.error).toBeNull();
    expect(registered.context.lastResult).toBe('passkeyRegistered');
    // The protocol minimum: Start and Complete (no list was on screen, so none is fetched).
    expect(operations()).toEqual(['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration']);

    actor.send({ type: 'passkeys.list' });
    const listed = await waitFor(actor, (s) => s.matches('idle'));
    expect(listed.context.lastResult).toBe('passkeysListed');
    expect(listed.context.passkeys).toEqual([
      expect.objectContaining({ credentialId: authenticator.id, relyingPartyId: 'localhost' }),
    ]);
    // CreatedAt is epoch seconds on the wire, epoch ms in the machine.
    expect(Math.abs((listed.context.passkeys[0]?.createdAt ?? 0) - emulator.clock.now())).toBeLessThan(2000);

    actor.send({ type: 'passkey.delete', credentialId: authenticator.id });
    const deleted = await waitFor(actor, (s) => s.matches('idle'));
    expect(deleted.context.lastResult).toBe('passkeyDeleted');
    expect(deleted.context.passkeys).toEqual([]);
    // A shown list is refreshed after the deletion.
    expect(operations().slice(3)).toEqual(['DeleteWebAuthnCredential', 'ListWebAuthnCredentials']);

    expect(seen).toHaveLength(2);
    for (const text of [...seen, accessToken])
      expect(snapshots.some((snapshot) => containsSecret(snapshot, text))).toBe(false);
  });

  it('a closed dialog (NotAllowedError) ends the registration with that error and registers nothing', async () => {
    const { port } = creatingPort(new SoftAuthenticator({ origin: ORIGIN }), true);
    const { actor, operations } = await start('closed', port);
    actor.send({ type: 'passkey.register' });
    const snapshot = await waitFor(actor, (s) => s.matches('idle') && s.context.error !== null);
    expect(snapshot.context.error?.code).toBe('NotAllowedError');
    expect(snapshot.children).toEqual({});
    expect(operations()).toEqual(['StartWebAuthnRegistration']);
    actor.send({ type: 'passkeys.list' });
    expect((await waitFor(actor, (s) => s.matches('idle'))).context.passkeys).toEqual([]);
  });

  it('without a WebAuthn port the registration fails as WebAuthnUnavailable', async () => {
    const { actor } = await start('nowebauthn');
    actor.send({ type: 'passkey.register' });
    const snapshot = await waitFor(actor, (s) => s.matches('idle') && s.context.error !== null);
    expect(snapshot.context.error?.code).toBe('WebAuthnUnavailable');
  });
});
