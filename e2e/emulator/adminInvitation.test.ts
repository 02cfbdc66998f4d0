// AdminCreateUser's invitation goes through the CustomMessage_AdminCreateUser trigger, ClientMetadata included.
import { AdminCreateUserCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TriggerEvent } from './config.ts';
import { startEmulator, type Emulator } from './index.ts';
import { sdkClient } from './testHelpers.ts';

const POOL_ID = 'us-east-1_InvitePool';
const events: TriggerEvent[] = [];
let emulator: Emulator;
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      Pools: [
        {
          Id: POOL_ID,
          LambdaConfig: {
            CustomMessage: (event) => {
              events.push(structuredClone(event));
              const metadata = event.request.clientMetadata;
              if (typeof metadata === 'object' && metadata !== null && 'custom' in metadata) {
                event.response.emailMessage = 'Hello {username}, your first password is {####}.';
              }
              return event;
            },
          },
          Clients: [{ ClientId: 'inviteclient00000000000001', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }],
          Users: [],
        },
      ],
    },
  });
  client = sdkClient(emulator.url);
});

afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

function invite(username: string, clientMetadata: Record<string, string>) {
  return client.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: username,
      TemporaryPassword: 'Temp0rary!pw',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      DesiredDeliveryMediums: ['EMAIL'],
      ClientMetadata: clientMetadata,
    }),
  );
}

describe('AdminCreateUser invitation', () => {
  it('runs CustomMessage_AdminCreateUser with the ClientMetadata and the {username} / {####} placeholders', async () => {
    await invite('invited-ann', { campaign: 'spring' });
    const event = events.find((candidate) => candidate.userName === 'invited-ann');
    expect(event?.triggerSource).toBe('CustomMessage_AdminCreateUser');
    expect(event?.request.clientMetadata).toEqual({ campaign: 'spring' });
    expect(event?.request).toMatchObject({ codeParameter: '{####}', usernameParameter: '{username}' });
    expect(emulator.outbox.findLast((message) => message.username === 'invited-ann')?.message).toBe(
      'Your username is invited-ann and temporary password is Temp0rary!pw.',
    );
  });

  it('sends the trigger’s own text with both placeholders filled in', async () => {
    await invite('invited-bo', { custom: 'yes' });
    const message = emulator.outbox.findLast((sent) => sent.username === 'invited-bo');
    expect(message?.channel).toBe('EMAIL');
    expect(message?.message).toBe('Hello invited-bo, your first password is Temp0rary!pw.');
  });

  it('runs no custom message when the invitation is suppressed', async () => {
    await client.send(
      new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'quiet-cy', MessageAction: 'SUPPRESS' }),
    );
    expect(events.some((event) => event.userName === 'quiet-cy')).toBe(false);
  });
});
