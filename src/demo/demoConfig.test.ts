import { describe, expect, it } from 'vitest';
import { readDemoConfig, withDemoFlow } from './demoConfig.ts';

describe('readDemoConfig', () => {
  it('uses the env that npm start sets', () => {
    expect(
      readDemoConfig('', {
        VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229/',
        VITE_USER_POOL_ID: 'us-east-1_P',
        VITE_CLIENT_ID: 'c',
      }),
    ).toEqual({ endpoint: 'http://127.0.0.1:9229', userPoolId: 'us-east-1_P', clientId: 'c' });
  });

  it('lets query parameters point one page at its own emulator', () => {
    const config = readDemoConfig('?endpoint=http%3A%2F%2F127.0.0.1%3A4000&userPoolId=us-east-1_Q&clientId=q', {
      VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
    });
    expect(config).toEqual({ endpoint: 'http://127.0.0.1:4000', userPoolId: 'us-east-1_Q', clientId: 'q' });
  });

  it('falls back to the demo pool on real Cognito when nothing is set', () => {
    expect(readDemoConfig('', {})).toEqual({
      userPoolId: 'us-east-1_DemoPool1',
      clientId: 'demoappclient0000000000001',
    });
  });

  it('takes a sign-in flow from the query and ignores flows it does not offer', () => {
    expect(readDemoConfig('?authFlow=CUSTOM_AUTH_SRP', {}).authFlow).toBe('CUSTOM_AUTH_SRP');
    expect(readDemoConfig('?authFlow=SOMETHING', {}).authFlow).toBeUndefined();
  });

  it('signs in without a password, by a texted code, under the USER_AUTH flow', () => {
    expect(readDemoConfig('?authFlow=USER_AUTH', {})).toMatchObject({ authFlow: 'USER_AUTH', passwordless: 'SMS_OTP' });
    expect(withDemoFlow(readDemoConfig('?authFlow=USER_AUTH', {}), 'USER_SRP_AUTH')).toMatchObject({
      passwordless: undefined,
    });
  });

  it('signs in choice-based (the username first, then the offered factors) under the choice flow', () => {
    expect(readDemoConfig('?authFlow=choice', {})).toMatchObject({ authFlow: 'USER_AUTH', signInFlow: 'choice' });
    expect(withDemoFlow(readDemoConfig('?authFlow=choice', {}), 'USER_SRP_AUTH')).toMatchObject({
      signInFlow: 'password',
    });
  });

  it('takes where the SRP math runs from the query and ignores other values', () => {
    expect(readDemoConfig('?srp=inline', {}).srp).toBe('inline');
    expect(readDemoConfig('?srp=gpu', {}).srp).toBeUndefined();
  });
});
