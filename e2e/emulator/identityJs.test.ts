// amazon-cognito-identity-js, unchanged, signs in against the emulator through every challenge it knows.
/* eslint-disable @typescript-eslint/no-deprecated -- identity-js is the official client the issue judges the emulator by. */
import {
  AuthenticationDetails,
  CognitoRefreshToken,
  type CognitoUser,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_POOL_ID,
  DEMO_SELECT_TOTP_SECRET,
  DEMO_TEMP_PASSWORD,
  DEMO_TOTP_SECRET,
} from './demo.ts';
import { startEmulator, type Emulator } from './index.ts';
import {
  cognitoUser,
  expectKind,
  lastCode,
  signIn,
  step,
  totpCode,
  userPool,
  verifiers,
  type Step,
  type TestPool,
} from './testHelpers.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

function demoPool(): TestPool {
  return userPool(emulator, DEMO_POOL_ID, DEMO_CLIENT_ID);
}

function sendMfaCode(user: CognitoUser, code: string, mfaType?: string): Promise<Step> {
  return step((callbacks) => {
    user.sendMFACode(code, callbacks, mfaType);
  });
}

async function expectValidTokens(session: CognitoUserSession, username: string): Promise<void> {
  const { id, access } = verifiers(emulator, DEMO_POOL_ID, DEMO_CLIENT_ID);
  expect((await id.verify(session.getIdToken().getJwtToken()))['cognito:username']).toBe(username);
  expect((await access.verify(session.getAccessToken().getJwtToken())).username).toBe(username);
}

describe('identity-js CognitoUser.authenticateUser', () => {
  it('signs srp-user in through PASSWORD_VERIFIER and the tokens verify with aws-jwt-verify', async () => {
    const result = expectKind(await signIn(cognitoUser(demoPool(), 'srp-user'), 'srp-user', DEMO_PASSWORD), 'success');
    await expectValidTokens(result.session, 'srp-user');
    const { id } = verifiers(emulator, DEMO_POOL_ID, DEMO_CLIENT_ID);
    const claims = await id.verify(result.session.getIdToken().getJwtToken());
    expect(claims.email).toBe('srp-user@example.com');
    expect(claims.email_verified).toBe(true);
    expect(result.session.getAccessToken().decodePayload().scope).toBe('aws.cognito.signin.user.admin');
  });

  it('rejects a wrong password with NotAuthorizedException', async () => {
    const result = await signIn(cognitoUser(demoPool(), 'srp-user'), 'srp-user', 'Wrong-passw0rd');
    expect(result).toEqual({
      kind: 'failure',
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('answers an unknown user like a wrong password (PreventUserExistenceErrors)', async () => {
    const result = await signIn(cognitoUser(demoPool(), 'nobody'), 'nobody', DEMO_PASSWORD);
    expect(result).toEqual({
      kind: 'failure',
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('signs sms-user in through SMS_MFA with the code from the outbox, after one wrong code', async () => {
    const user = cognitoUser(demoPool(), 'sms-user');
    const challenge = expectKind(await signIn(user, 'sms-user', DEMO_PASSWORD), 'mfaRequired');
    expect(challenge.challengeName).toBe('SMS_MFA');
    expect(challenge.parameters).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: '+*******0100',
    });
    const sent = emulator.outbox.at(-1);
    expect(sent).toMatchObject({
      poolId: DEMO_POOL_ID,
      username: 'sms-user',
      channel: 'SMS',
      destination: '+15555550100',
    });
    const code = lastCode(emulator, 'sms-user');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await sendMfaCode(user, wrong)).toEqual({
      kind: 'failure',
      code: 'CodeMismatchException',
      message: 'Invalid code received for user',
    });
    const done = expectKind(await sendMfaCode(user, code), 'success');
    await expectValidTokens(done.session, 'sms-user');
  });

  it('signs totp-user in through SOFTWARE_TOKEN_MFA with an otpauth code', async () => {
    const user = cognitoUser(demoPool(), 'totp-user');
    const challenge = expectKind(await signIn(user, 'totp-user', DEMO_PASSWORD), 'totpRequired');
    expect(challenge.challengeName).toBe('SOFTWARE_TOKEN_MFA');
    const done = expectKind(
      await sendMfaCode(user, totpCode(DEMO_TOTP_SECRET, emulator), 'SOFTWARE_TOKEN_MFA'),
      'success',
    );
    await expectValidTokens(done.session, 'totp-user');
  });

  it('signs newpass-user in through NEW_PASSWORD_REQUIRED, then with the new password', async () => {
    const user = cognitoUser(demoPool(), 'newpass-user');
    const challenge = expectKind(await signIn(user, 'newpass-user', DEMO_TEMP_PASSWORD), 'newPasswordRequired');
    expect(challenge.requiredAttributes).toEqual(['name']);
    expect(challenge.userAttributes).toMatchObject({
      email: 'newpass-user@example.com',
      email_verified: 'true',
    });
    const weak = await step((callbacks) => {
      user.completeNewPasswordChallenge('short', { name: 'New User' }, callbacks);
    });
    expect(weak).toEqual({
      kind: 'failure',
      code: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    const missing = await step((callbacks) => {
      user.completeNewPasswordChallenge('N3w-Passw0rd!', {}, callbacks);
    });
    expect(missing).toEqual({
      kind: 'failure',
      code: 'InvalidParameterException',
      message: 'Invalid attributes given, name is missing',
    });
    const done = expectKind(
      await step((callbacks) => {
        user.completeNewPasswordChallenge('N3w-Passw0rd!', { name: 'New User' }, callbacks);
      }),
      'success',
    );
    expect(done.session.getIdToken().decodePayload().name).toBe('New User');
    expectKind(await signIn(cognitoUser(demoPool(), 'newpass-user'), 'newpass-user', 'N3w-Passw0rd!'), 'success');
    expect(await signIn(cognitoUser(demoPool(), 'newpass-user'), 'newpass-user', DEMO_TEMP_PASSWORD)).toMatchObject({
      code: 'NotAuthorizedException',
    });
  });

  it('lets select-user choose TOTP in SELECT_MFA_TYPE', async () => {
    const user = cognitoUser(demoPool(), 'select-user');
    const challenge = expectKind(await signIn(user, 'select-user', DEMO_PASSWORD), 'selectMFAType');
    expect(challenge.parameters).toEqual({
      MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]',
    });
    const totp = expectKind(
      await step((callbacks) => {
        user.sendMFASelectionAnswer('SOFTWARE_TOKEN_MFA', callbacks);
      }),
      'totpRequired',
    );
    expect(totp.challengeName).toBe('SOFTWARE_TOKEN_MFA');
    expectKind(await sendMfaCode(user, totpCode(DEMO_SELECT_TOTP_SECRET, emulator), 'SOFTWARE_TOKEN_MFA'), 'success');
  });

  it('lets select-user choose SMS in SELECT_MFA_TYPE', async () => {
    const user = cognitoUser(demoPool(), 'select-user');
    expectKind(await signIn(user, 'select-user', DEMO_PASSWORD), 'selectMFAType');
    expectKind(
      await step((callbacks) => {
        user.sendMFASelectionAnswer('SMS_MFA', callbacks);
      }),
      'mfaRequired',
    );
    expectKind(await sendMfaCode(user, lastCode(emulator, 'select-user')), 'success');
  });

  it('takes setup-user through MFA_SETUP: associate, verify a TOTP code, signed in; next time TOTP is asked', async () => {
    const user = cognitoUser(demoPool(), 'setup-user');
    const challenge = expectKind(await signIn(user, 'setup-user', DEMO_PASSWORD), 'mfaSetup');
    expect(challenge.parameters).toEqual({
      MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]',
    });
    const secret = await new Promise<string>((resolve, reject) => {
      user.associateSoftwareToken({
        associateSecretCode: resolve,
        onFailure: reject,
      });
    });
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const done = await new Promise<CognitoUserSession>((resolve, reject) => {
      user.verifySoftwareToken(totpCode(secret, emulator), 'my phone', {
        onSuccess: resolve,
        onFailure: reject,
      });
    });
    await expectValidTokens(done, 'setup-user');
    const again = cognitoUser(demoPool(), 'setup-user');
    expectKind(await signIn(again, 'setup-user', DEMO_PASSWORD), 'totpRequired');
  });

  it('signs custom-user in through CUSTOM_CHALLENGE (initiateAuth, no SRP)', async () => {
    const user = cognitoUser(demoPool(), 'custom-user');
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const challenge = expectKind(
      await step((callbacks) => {
        user.initiateAuth(new AuthenticationDetails({ Username: 'custom-user' }), callbacks);
      }),
      'customChallenge',
    );
    expect(challenge.parameters).toEqual({
      question: 'What is 6 × 7?',
      USERNAME: 'custom-user',
    });
    const retry = expectKind(
      await step((callbacks) => {
        user.sendCustomChallengeAnswer('41', callbacks);
      }),
      'customChallenge',
    );
    expect(retry.parameters).toMatchObject({ question: 'What is 6 × 7?' });
    const done = expectKind(
      await step((callbacks) => {
        user.sendCustomChallengeAnswer('42', callbacks);
      }),
      'success',
    );
    await expectValidTokens(done.session, 'custom-user');
  });

  it('signs custom-user in through SRP first, then CUSTOM_CHALLENGE', async () => {
    const user = cognitoUser(demoPool(), 'custom-user');
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    expectKind(await signIn(user, 'custom-user', DEMO_PASSWORD), 'customChallenge');
    expectKind(
      await step((callbacks) => {
        user.sendCustomChallengeAnswer('42', callbacks);
      }),
      'success',
    );
    const wrong = cognitoUser(demoPool(), 'custom-user');
    wrong.setAuthenticationFlowType('CUSTOM_AUTH');
    expect(await signIn(wrong, 'custom-user', 'Wrong-passw0rd')).toMatchObject({
      code: 'NotAuthorizedException',
    });
  });

  it('signs srp-user in with USER_PASSWORD_AUTH', async () => {
    const user = cognitoUser(demoPool(), 'srp-user');
    user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
    expectKind(await signIn(user, 'srp-user', DEMO_PASSWORD), 'success');
  });

  it('refreshes the session with refreshSession', async () => {
    const user = cognitoUser(demoPool(), 'srp-user');
    const first = expectKind(await signIn(user, 'srp-user', DEMO_PASSWORD), 'success');
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) => {
      user.refreshSession(
        new CognitoRefreshToken({
          RefreshToken: first.session.getRefreshToken().getToken(),
        }),
        (error: unknown, session: CognitoUserSession) => {
          if (error instanceof Error) reject(error);
          else if (error) reject(new Error('refreshSession failed'));
          else resolve(session);
        },
      );
    });
    await expectValidTokens(refreshed, 'srp-user');
    expect(refreshed.getAccessToken().getJwtToken()).not.toBe(first.session.getAccessToken().getJwtToken());
    expect(refreshed.getAccessToken().decodePayload().origin_jti).toBe(
      first.session.getAccessToken().decodePayload().origin_jti,
    );
  });

  it('remembers the device after SMS_MFA, then signs in again through DEVICE_SRP_AUTH without MFA', async () => {
    const pool = demoPool();
    const user = cognitoUser(pool, 'sms-user');
    expectKind(await signIn(user, 'sms-user', DEMO_PASSWORD), 'mfaRequired');
    const first = expectKind(await sendMfaCode(user, lastCode(emulator, 'sms-user')), 'success');
    // The demo pool remembers devices only on user prompt, so ConfirmDevice says a prompt is needed.
    expect(first.userConfirmationNecessary).toBe(true);
    await new Promise<string>((resolve, reject) => {
      user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject });
    });
    const deviceKey = first.session.getAccessToken().decodePayload().device_key as unknown;
    expect(deviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);

    const codesBefore = emulator.outbox.length;
    const requestsBefore = emulator.requests.length;
    const again = expectKind(await signIn(cognitoUser(pool, 'sms-user'), 'sms-user', DEMO_PASSWORD), 'success');
    expect(emulator.outbox.length).toBe(codesBefore);
    // InitiateAuth, PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER.
    expect(emulator.requests.length - requestsBefore).toBe(4);
    expect(again.session.getAccessToken().decodePayload().device_key).toBe(deviceKey);
    await expectValidTokens(again.session, 'sms-user');
  });

  it('still asks for MFA on a device the user chose not to remember', async () => {
    const pool = demoPool();
    const user = cognitoUser(pool, 'sms-user');
    expectKind(await signIn(user, 'sms-user', DEMO_PASSWORD), 'mfaRequired');
    expectKind(await sendMfaCode(user, lastCode(emulator, 'sms-user')), 'success');
    await new Promise<string>((resolve, reject) => {
      user.setDeviceStatusNotRemembered({
        onSuccess: resolve,
        onFailure: reject,
      });
    });
    expectKind(await signIn(cognitoUser(pool, 'sms-user'), 'sms-user', DEMO_PASSWORD), 'mfaRequired');
  });
});
