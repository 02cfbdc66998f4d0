// Sign-in identifiers as real pools show them (issue 19): an email alias where AliasAttributes allows it, and email
// as the username (UsernameAttributes) in a case-insensitive pool, where USER_ID_FOR_SRP is a UUID that differs from
// what was typed, so the remembered device must be keyed by it.
import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORD, DEMO_PHONE } from '../emulator/demo.ts';
import { expect, test, uniqueUsername } from './fixtures.ts';

test('a user signs in with the verified email alias of an AliasAttributes pool', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  const user = users.take('srp');
  await signInPage.open(cognito);
  await signInPage.submitCredentials(user.email, user.password);
  await signInPage.expectSignedIn();
  await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
});

/** A UsernameAttributes (email) pool with case-insensitive names, SMS MFA and devices remembered on request. */
async function emailUsernamePool(client: CognitoIdentityProviderClient): Promise<{ poolId: string; clientId: string }> {
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'email-as-username',
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      MfaConfiguration: 'OPTIONAL',
      DeviceConfiguration: { DeviceOnlyRememberedOnUserPrompt: true },
    }),
  );
  const poolId = UserPool?.Id ?? '';
  await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, SmsMfaConfiguration: {} }));
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'widget',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return { poolId, clientId: UserPoolClient?.ClientId ?? '' };
}

test('with email as the username, a user signs in typing the email in any case, and the remembered device skips MFA', async ({
  admin,
  cognito,
  signInPage,
  outbox,
  page,
}) => {
  const { poolId, clientId } = await emailUsernamePool(admin.client);
  const email = `${uniqueUsername('ada')}@example.com`;
  const { User } = await admin.client.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number', Value: DEMO_PHONE },
      ],
    }),
  );
  // The pool names the user by a UUID (its sub); the outbox files codes under it.
  const uuid = User?.Username ?? '';
  expect(uuid).not.toBe(email);
  await admin.client.send(
    new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: email, Password: DEMO_PASSWORD, Permanent: true }),
  );
  await admin.client.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: poolId,
      Username: email,
      SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  await signInPage.open({ endpoint: cognito.endpoint, userPoolId: poolId, clientId });

  await test.step('first sign-in with the email in upper case: SRP as the UUID, then SMS_MFA', async () => {
    await signInPage.submitCredentials(email.toUpperCase(), DEMO_PASSWORD);
    await signInPage.expectStep('SMS_MFA');
    await signInPage.submitCode(await outbox.waitForCode(uuid, { channel: 'SMS' }));
  });

  await test.step('remember this device, then sign out', async () => {
    await signInPage.expectSignedIn({ rememberDevice: true });
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
  });

  await test.step('sign in again typing it in lower case: the device found under USER_ID_FOR_SRP, no MFA', async () => {
    await signInPage.submitCredentials(email, DEMO_PASSWORD);
    await signInPage.expectStep('signedIn');
    await expect(signInPage.heading('SMS_MFA')).toHaveCount(0);
  });
});
