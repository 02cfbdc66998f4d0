import { describe, expect, it } from 'vitest';
import {
  demoFlowOf,
  demoQuery,
  readDemoConfig,
  withDemoFlow,
  withDemoOAuth,
  withoutPasskeysModule,
} from './demoConfig.ts';

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

  it('?passkeys=off leaves the passkeys module out, and survives the managed-login round trip like the rest', () => {
    expect(withoutPasskeysModule('?passkeys=off')).toBe(true);
    expect(withoutPasskeysModule('?authFlow=choice')).toBe(false);
    const storage = new Map<string, string>();
    const kept = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    };
    demoQuery('?authFlow=choice&passkeys=off', kept);
    expect(withoutPasskeysModule(demoQuery('', kept))).toBe(true);
  });

  it('choice-password is the choice flow whose "Use my password" answers PASSWORD (authFlow USER_PASSWORD_AUTH)', () => {
    const config = readDemoConfig('?authFlow=choice-password', {});
    expect(config).toMatchObject({ authFlow: 'USER_PASSWORD_AUTH', signInFlow: 'choice' });
    expect(demoFlowOf(config)).toBe('choice-password');
    expect(demoFlowOf(readDemoConfig('?authFlow=choice', {}))).toBe('choice');
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

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const entries = new Map<string, string>();
  return {
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => {
      entries.set(key, value);
    },
  };
}

describe('demoQuery', () => {
  it('brings the page’s config back on the OAuth callback, whose URL has no query of ours', () => {
    const storage = memoryStorage();
    const first = demoQuery('?endpoint=http%3A%2F%2F127.0.0.1%3A4000&clientId=q&utm=x', storage);
    expect(first).toBe('?endpoint=http%3A%2F%2F127.0.0.1%3A4000&clientId=q');
    expect(readDemoConfig(demoQuery('?code=c0de&state=s7', storage), {})).toMatchObject({
      endpoint: 'http://127.0.0.1:4000',
      clientId: 'q',
    });
  });

  it('keeps nothing but the config parameters: no code or state is ever stored', () => {
    const storage = memoryStorage();
    demoQuery('?endpoint=http%3A%2F%2F127.0.0.1%3A4000&code=c0de&state=s7', storage);
    expect(demoQuery('', storage)).not.toMatch(/c0de|s7/);
  });

  it('is empty in a fresh tab without parameters', () => {
    expect(demoQuery('', memoryStorage())).toBe('');
  });
});

describe('withDemoOAuth', () => {
  const seed = {
    userPoolId: 'us-east-1_P',
    clientId: 'c',
    callbackPath: '/oauth-callback',
    providers: ['COGNITO', 'MockIdP'],
    providerLabels: { MockIdP: 'Mock IdP' },
  };

  it('offers managed login for the seeded client, back to this origin', () => {
    expect(withDemoOAuth({ userPoolId: 'us-east-1_P', clientId: 'c' }, seed, 'http://127.0.0.1:5173').oauth).toEqual({
      redirectUri: 'http://127.0.0.1:5173/oauth-callback',
      logoutUri: 'http://127.0.0.1:5173/',
      providers: ['COGNITO', 'MockIdP'],
      providerLabels: { MockIdP: 'Mock IdP' },
    });
  });

  it('offers none for another pool or client, which has no such callback registered', () => {
    expect(withDemoOAuth({ userPoolId: 'us-east-1_P', clientId: 'other' }, seed, 'http://x').oauth).toBeUndefined();
  });
});
