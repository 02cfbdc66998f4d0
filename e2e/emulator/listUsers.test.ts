// ListUsers as the API reference describes it: Filter (=, ^=, quoting, case rules), AttributesToGet, paging.
import {
  AdminDisableUserCommand,
  ListUsersCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.ts';
import { createPool, createUser } from './settings.testkit.ts';
import { rejection, sdkClient } from './testHelpers.ts';

let emulator: Emulator;
let client: CognitoIdentityProviderClient;
let UserPoolId: string;
beforeAll(async () => {
  emulator = await startEmulator({ config: { Pools: [] } });
  client = sdkClient(emulator.url);
  UserPoolId = await createPool(client);
  await createUser(client, UserPoolId, 'jon', { given_name: 'Jon', family_name: 'Reddy', email: 'jon@example.com' });
  await createUser(client, UserPoolId, 'jonas', { given_name: 'Jonas', family_name: 'O"Brien' });
  await createUser(client, UserPoolId, 'Joan', { given_name: 'joan', email: 'joan@example.com' });
  await client.send(new AdminDisableUserCommand({ UserPoolId, Username: 'jonas' }));
});
afterAll(async () => {
  client.destroy();
  await emulator.stop();
});

const names = async (Filter: string): Promise<string[]> =>
  ((await client.send(new ListUsersCommand({ UserPoolId, Filter }))).Users ?? []).map((u) => u.Username ?? '').sort();

describe('ListUsers', () => {
  it('Filter: = matches exactly and ^= by prefix, with or without spaces and with a quoted attribute name', async () => {
    expect(await names('given_name = "Jon"')).toEqual(['jon']);
    expect(await names('given_name ^= "Jo"')).toEqual(['jon', 'jonas']);
    expect(await names('"given_name"^="Jon"')).toEqual(['jon', 'jonas']);
    expect(await names('family_name = "O\\"Brien"')).toEqual(['jonas']);
    expect(await names('')).toEqual(['Joan', 'jon', 'jonas']);
  });

  it('Filter: username and status match case-sensitively, cognito:user_status in any case', async () => {
    expect(await names('username = "joan"')).toEqual([]);
    expect(await names('username = "Joan"')).toEqual(['Joan']);
    expect(await names('status = "Disabled"')).toEqual(['jonas']);
    expect(await names('status = "disabled"')).toEqual([]);
    expect(await names('cognito:user_status = "confirmed"')).toEqual(['Joan', 'jon', 'jonas']);
  });

  it('Filter: refuses custom attributes, unknown operators and unquoted values with InvalidParameterException', async () => {
    for (const Filter of ['custom:tier = "gold"', 'given_name != "Jon"', 'given_name = Jon', 'given_name']) {
      expect((await rejection(client.send(new ListUsersCommand({ UserPoolId, Filter })))).name).toBe(
        'InvalidParameterException',
      );
    }
  });

  it('AttributesToGet returns only the attributes asked for', async () => {
    const { Users } = await client.send(
      new ListUsersCommand({ UserPoolId, Filter: 'username = "jon"', AttributesToGet: ['email'] }),
    );
    expect(Users?.[0]?.Attributes).toEqual([{ Name: 'email', Value: 'jon@example.com' }]);
  });

  it('Limit and PaginationToken page through every user once; a Limit over 60 is refused', async () => {
    const seen: string[] = [];
    let PaginationToken: string | undefined;
    do {
      const page = await client.send(new ListUsersCommand({ UserPoolId, Limit: 2, PaginationToken }));
      expect((page.Users ?? []).length).toBeLessThanOrEqual(2);
      seen.push(...(page.Users ?? []).map((u) => u.Username ?? ''));
      PaginationToken = page.PaginationToken;
    } while (PaginationToken !== undefined);
    expect(seen.sort()).toEqual(['Joan', 'jon', 'jonas']);
    expect((await rejection(client.send(new ListUsersCommand({ UserPoolId, Limit: 61 })))).name).toBe(
      'InvalidParameterException',
    );
  });
});
