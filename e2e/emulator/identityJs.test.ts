// amazon-cognito-identity-js, unchanged, signs in against the emulator through every challenge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from './demo.ts';
import { startEmulator, type Emulator } from './index.ts';
import { cognitoUser, signIn, userPool, verifiers } from './testHelpers.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

describe('identity-js against the demo pool', () => {
  it('signs srp-user in through PASSWORD_VERIFIER and the tokens verify with aws-jwt-verify', async () => {
    const pool = userPool(emulator, DEMO_POOL_ID, DEMO_CLIENT_ID);
    const result = await signIn(cognitoUser(pool, 'srp-user'), 'srp-user', DEMO_PASSWORD);
    if (result.kind !== 'success') throw new Error(`expected success, got ${JSON.stringify(result)}`);
    const { id, access } = verifiers(emulator, DEMO_POOL_ID, DEMO_CLIENT_ID);
    const idClaims = await id.verify(result.session.getIdToken().getJwtToken());
    const accessClaims = await access.verify(result.session.getAccessToken().getJwtToken());
    expect(idClaims['cognito:username']).toBe('srp-user');
    expect(idClaims.email).toBe('srp-user@example.com');
    expect(idClaims.email_verified).toBe(true);
    expect(accessClaims.username).toBe('srp-user');
    expect(accessClaims.scope).toBe('aws.cognito.signin.user.admin');
    expect(emulator.requests.map((r) => r.target.split('.')[1])).toContain('RespondToAuthChallenge');
  });

  it('rejects a wrong password with NotAuthorizedException', async () => {
    const pool = userPool(emulator, DEMO_POOL_ID, DEMO_CLIENT_ID);
    const result = await signIn(cognitoUser(pool, 'srp-user'), 'srp-user', 'Wrong-passw0rd');
    expect(result).toMatchObject({ kind: 'failure', code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
