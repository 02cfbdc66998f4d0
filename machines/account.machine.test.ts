import { createActor, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { accountActors } from './accountActors.ts';
import { cognitoFailure, scriptedPort, type Script } from './account.testkit.ts';
import { accountMachine } from './account.machine.ts';
import { secret } from './secret.ts';

const ACCESS = 'ACCESS-TOKEN-1';
const OLD = 'Old!passw0rd';
const NEW = 'New!passw0rd';
const CODE = '112233';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

function start(script: Script) {
  const fake = scriptedPort(script);
  const machine = accountMachine.provide({ actors: accountActors({ cognito: fake.port, deviceName: 'test browser' }) });
  const actor = createActor(machine, {
    input: {
      userPoolId: 'us-east-1_Pool',
      clientId: 'client',
      accessToken: secret(ACCESS),
      clientMetadata: { app: 'demo' },
    },
  });
  actor.start();
  return { actor, ...fake };
}

function expectNoSecrets(value: unknown) {
  const json = JSON.stringify(value);
  for (const text of [ACCESS, OLD, NEW, CODE, TOTP_SECRET]) expect(json).not.toContain(text);
}

describe('accountMachine', () => {
  it('changes the password with ChangePassword and forgets both passwords afterwards', async () => {
    const { actor, requests } = start({});
    actor.send({ type: 'password.change', previousPassword: secret(OLD), proposedPassword: secret(NEW) });
    expect(actor.getSnapshot().matches('ChangePassword')).toBe(true);
    expectNoSecrets(actor.getSnapshot());
    await waitFor(actor, (s) => s.matches('idle'));
    expect(actor.getSnapshot().context.lastResult).toBe('passwordChanged');
    expect(actor.getSnapshot().context).not.toHaveProperty('previousPassword');
    expect(requests[0]?.request).toEqual({ PreviousPassword: OLD, ProposedPassword: NEW, AccessToken: ACCESS });
  });

  it('reports InvalidPasswordException and LimitExceededException from ChangePassword', async () => {
    const { actor } = start({
      changePassword: [cognitoFailure('InvalidPasswordException'), cognitoFailure('LimitExceededException')],
    });
    for (const code of ['InvalidPasswordException', 'LimitExceededException']) {
      actor.send({ type: 'password.change', previousPassword: secret(OLD), proposedPassword: secret(NEW) });
      await waitFor(actor, (s) => s.matches('idle') && s.context.error?.code === code);
    }
  });

  it('updates attributes and, when the email changes, verifies it with the code (resend via GetUserAttributeVerificationCode)', async () => {
    const { actor, requests } = start({
      updateUserAttributes: [
        { CodeDeliveryDetailsList: [{ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }] },
      ],
      verifyUserAttribute: [cognitoFailure('CodeMismatchException'), cognitoFailure('ExpiredCodeException'), {}],
      getUserAttributeVerificationCode: [
        { CodeDeliveryDetails: { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } },
      ],
    });
    actor.send({ type: 'attributes.update', attributes: { email: 'new@example.com', name: 'New Name' } });
    await waitFor(actor, (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }));
    expect(actor.getSnapshot().context.attributeName).toBe('email');
    expect(actor.getSnapshot().context.codeDelivery?.destination).toBe('n***@e***');
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(
      actor,
      (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }) && s.context.error?.code === 'CodeMismatchException',
    );
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(
      actor,
      (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }) && s.context.error?.code === 'ExpiredCodeException',
    );
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches({ VerifyUserAttribute: 'awaitingInput' }) && s.context.error === null);
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.matches('idle'));
    expect(actor.getSnapshot().context.lastResult).toBe('attributeVerified');
    expect(requests.map((r) => r.operation)).toEqual([
      'updateUserAttributes',
      'verifyUserAttribute',
      'verifyUserAttribute',
      'getUserAttributeVerificationCode',
      'verifyUserAttribute',
    ]);
    expect(requests[0]?.request).toEqual({
      UserAttributes: [
        { Name: 'email', Value: 'new@example.com' },
        { Name: 'name', Value: 'New Name' },
      ],
      AccessToken: ACCESS,
      ClientMetadata: { app: 'demo' },
    });
    expect(requests[3]?.request).toEqual({
      AccessToken: ACCESS,
      AttributeName: 'email',
      ClientMetadata: { app: 'demo' },
    });
    expect(requests[4]?.request).toEqual({ AccessToken: ACCESS, AttributeName: 'email', Code: CODE });
  });

  it('finishes an update of attributes that need no verification at once', async () => {
    const { actor } = start({ updateUserAttributes: [{ CodeDeliveryDetailsList: [] }] });
    actor.send({ type: 'attributes.update', attributes: { name: 'Only Name' } });
    await waitFor(actor, (s) => s.matches('idle') && s.context.lastResult === 'attributesUpdated');
  });

  it('enrols TOTP: AssociateSoftwareToken, VerifySoftwareToken with the app code, then SetUserMFAPreference makes it preferred', async () => {
    const { actor, requests } = start({
      associateSoftwareToken: [{ SecretCode: TOTP_SECRET }],
      verifySoftwareToken: [cognitoFailure('EnableSoftwareTokenMFAException'), { Status: 'SUCCESS' }],
    });
    actor.send({ type: 'totp.setUp' });
    await waitFor(actor, (s) => s.matches({ VerifySoftwareToken: 'awaitingInput' }));
    expect(actor.getSnapshot().context.totpSecret?.reveal()).toBe(TOTP_SECRET);
    expectNoSecrets(actor.getSnapshot());
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.matches({ VerifySoftwareToken: 'awaitingInput' }) && s.context.error !== null);
    actor.send({ type: 'code.submit', code: secret(CODE) });
    await waitFor(actor, (s) => s.matches('idle'));
    expect(actor.getSnapshot().context.lastResult).toBe('totpEnabled');
    expect(actor.getSnapshot().context.totpSecret).toBeNull();
    expect(requests.at(-2)?.request).toEqual({
      AccessToken: ACCESS,
      UserCode: CODE,
      FriendlyDeviceName: 'test browser',
    });
    expect(requests.at(-1)).toEqual({
      operation: 'setUserMFAPreference',
      request: { AccessToken: ACCESS, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    });
  });

  it('sets an MFA preference, sending only the methods named', async () => {
    const { actor, requests } = start({});
    actor.send({ type: 'mfaPreference.set', preference: { SMS_MFA: 'disabled', EMAIL_OTP: 'preferred' } });
    await waitFor(actor, (s) => s.matches('idle') && s.context.lastResult === 'mfaPreferenceSet');
    expect(requests[0]?.request).toEqual({
      AccessToken: ACCESS,
      SMSMfaSettings: { Enabled: false, PreferredMfa: false },
      EmailMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  });

  it('lists remembered devices across pages and forgets one, listing again afterwards', async () => {
    const device = (key: string, status: string) => ({
      DeviceKey: key,
      DeviceAttributes: [
        { Name: 'device_name', Value: `name-${key}` },
        { Name: 'dev:device_remembered_status', Value: status },
      ],
      DeviceLastAuthenticatedDate: 1_700_000_000,
    });
    const { actor, requests } = start({
      listDevices: [
        { Devices: [device('k1', 'remembered')], PaginationToken: 'p2' },
        { Devices: [device('k2', 'not_remembered')] },
        { Devices: [device('k2', 'not_remembered')] },
      ],
    });
    actor.send({ type: 'devices.list' });
    await waitFor(actor, (s) => s.matches('idle') && s.context.devices.length === 2);
    expect(actor.getSnapshot().context.devices[0]).toEqual({
      deviceKey: 'k1',
      name: 'name-k1',
      remembered: true,
      lastAuthenticatedAt: 1_700_000_000_000,
    });
    expect(requests[1]?.request).toEqual({ AccessToken: ACCESS, Limit: 60, PaginationToken: 'p2' });
    actor.send({ type: 'device.forget', deviceKey: 'k1' });
    await waitFor(actor, (s) => s.matches('idle') && s.context.devices.length === 1);
    expect(actor.getSnapshot().context.lastResult).toBe('deviceForgotten');
    expect(requests[2]).toEqual({ operation: 'forgetDevice', request: { AccessToken: ACCESS, DeviceKey: 'k1' } });
  });

  it('uses the newest access token after tokens.update', async () => {
    const { actor, requests } = start({});
    actor.send({ type: 'tokens.update', accessToken: secret('ACCESS-TOKEN-2') });
    actor.send({ type: 'devices.list' });
    await waitFor(actor, (s) => s.matches('idle'));
    expect(requests[0]?.request).toMatchObject({ AccessToken: 'ACCESS-TOKEN-2' });
  });
});
