// Refresh-token rotation: GetTokensFromRefreshToken, RefreshTokenRotation on the client, the grace period, reuse.
import {
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  UpdateUserPoolClientCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.ts';
import { advanceClock, createClient, createPool, createUser, passwordSignIn } from './settings.testkit.ts';
import { rejection, sdkClient } from './testHelpers.ts';

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
let poolId: string;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [] } });
  client = sdkClient(emulator.url);
  poolId = await createPool(client);
  await createUser(client, poolId, 'rota');
});
afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

const rotationClient = (grace: number, extra = {}) =>
  createClient(client, poolId, {
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: grace },
    ...extra,
  });

const refresh = (ClientId: string, RefreshToken: string, extra = {}) =>
  client.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken, ...extra }));

describe('GetTokensFromRefreshToken', () => {
  it('without rotation returns new ID and access tokens and no refresh token', async () => {
    const { ClientId } = await createClient(client, poolId);
    const first = await passwordSignIn(client, ClientId, 'rota');
    const { AuthenticationResult } = await refresh(ClientId, first.RefreshToken);
    expect(AuthenticationResult?.AccessToken).toBeTruthy();
    expect(AuthenticationResult?.IdToken).toBeTruthy();
    expect(AuthenticationResult?.RefreshToken).toBeUndefined();
    expect(decodeJwt(AuthenticationResult?.AccessToken ?? '').origin_jti).toBe(decodeJwt(first.AccessToken).origin_jti);
    expect((await refresh(ClientId, first.RefreshToken)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('with rotation issues a new refresh token; the old one works only within the grace period', async () => {
    const { ClientId } = await rotationClient(10);
    const first = await passwordSignIn(client, ClientId, 'rota');
    const rotated = (await refresh(ClientId, first.RefreshToken)).AuthenticationResult?.RefreshToken ?? '';
    expect(rotated).not.toBe('');
    expect(rotated).not.toBe(first.RefreshToken);
    // A retry inside the grace period (a lost response) gets the same new token: one live token per sign-in.
    await advanceClock(emulator.url, 5);
    expect((await refresh(ClientId, first.RefreshToken)).AuthenticationResult?.RefreshToken).toBe(rotated);
    await advanceClock(emulator.url, 6);
    expect(await rejection(refresh(ClientId, first.RefreshToken))).toEqual({
      name: 'RefreshTokenReuseException',
      message: 'Refresh token has been invalidated by refresh token rotation.',
    });
    const next = (await refresh(ClientId, rotated)).AuthenticationResult?.RefreshToken ?? '';
    expect(next).not.toBe(rotated);
  });

  it('with a grace period of 0 refuses the rotated-out token at once', async () => {
    const { ClientId } = await rotationClient(0);
    const first = await passwordSignIn(client, ClientId, 'rota');
    await refresh(ClientId, first.RefreshToken);
    expect((await rejection(refresh(ClientId, first.RefreshToken))).name).toBe('RefreshTokenReuseException');
  });

  it('keeps the original expiry through rotations', async () => {
    const { ClientId } = await rotationClient(0, {
      RefreshTokenValidity: 2,
      TokenValidityUnits: { RefreshToken: 'hours' },
    });
    const first = await passwordSignIn(client, ClientId, 'rota');
    await advanceClock(emulator.url, 3600);
    const rotated = (await refresh(ClientId, first.RefreshToken)).AuthenticationResult?.RefreshToken ?? '';
    await advanceClock(emulator.url, 3601);
    expect(await rejection(refresh(ClientId, rotated))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has expired',
    });
  });

  it('needs the ClientSecret of a secret client', async () => {
    const { ClientId, ClientSecret } = await createClient(client, poolId, {
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    });
    expect(await rejection(refresh(ClientId, 'not-a-token'))).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${ClientId}`,
    });
    expect((await rejection(refresh(ClientId, 'not-a-token', { ClientSecret }))).message).toBe('Invalid Refresh Token');
  });

  it('refuses an unknown DeviceKey', async () => {
    const { ClientId } = await rotationClient(0);
    const first = await passwordSignIn(client, ClientId, 'rota');
    expect((await rejection(refresh(ClientId, first.RefreshToken, { DeviceKey: 'us-east-1_nope' }))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('RevokeToken with any token of a rotated sign-in ends the whole sign-in', async () => {
    const { ClientId } = await rotationClient(30);
    const first = await passwordSignIn(client, ClientId, 'rota');
    const rotated = (await refresh(ClientId, first.RefreshToken)).AuthenticationResult?.RefreshToken ?? '';
    await client.send(new RevokeTokenCommand({ ClientId, Token: first.RefreshToken }));
    expect(await rejection(refresh(ClientId, rotated))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  });
});

describe('RefreshTokenRotation on the app client', () => {
  it('is echoed by DescribeUserPoolClient, DISABLED with grace 0 by default', async () => {
    const plain = await createClient(client, poolId);
    const described = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: plain.ClientId }),
    );
    expect(described.UserPoolClient?.RefreshTokenRotation).toEqual({ Feature: 'DISABLED', RetryGracePeriodSeconds: 0 });
    const { ClientId } = await rotationClient(45);
    const rotating = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId }));
    expect(rotating.UserPoolClient?.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 45 });
    expect(rotating.UserPoolClient?.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH']);
  });

  it('refuses REFRESH_TOKEN_AUTH on a rotation client, at set-up and at sign-in', async () => {
    expect(
      await rejection(
        client.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: 'both',
            ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            RefreshTokenRotation: { Feature: 'ENABLED' },
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'ALLOW_REFRESH_TOKEN_AUTH cannot be enabled when refresh token rotation is enabled.',
    });
    const { ClientId } = await createClient(client, poolId);
    const first = await passwordSignIn(client, ClientId, 'rota');
    await client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
      }),
    );
    const legacy = await rejection(
      client.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId,
          AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
        }),
      ),
    );
    expect(legacy.name).toBe('InvalidParameterException');
    // The same refresh token now rotates through GetTokensFromRefreshToken.
    expect((await refresh(ClientId, first.RefreshToken)).AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('refuses a RetryGracePeriodSeconds outside 0–60 and stores nothing', async () => {
    const error = await rejection(rotationClient(61));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toContain('less than or equal to 60');
  });
});
