// The web-storage stores can be created where there is no localStorage (Next.js server render, Node): only use needs it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secret } from '../../machines/secret.ts';
import { createWebStorageDeviceStore } from './deviceStore.ts';
import { createWebStorageTokenStore } from './tokenStore.ts';

/** The slice of the Web Storage interface the stores use, over a Map. */
function mapStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
    clear: () => {
      items.clear();
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('web-storage stores created before localStorage exists', () => {
  it('look localStorage up when first used, so a module can create them at import time during server render', () => {
    vi.stubGlobal('localStorage', undefined);
    const tokens = createWebStorageTokenStore();
    const devices = createWebStorageDeviceStore();

    const storage = mapStorage();
    vi.stubGlobal('localStorage', storage);
    devices.set('client', 'ana', { deviceKey: 'us-east-1_k', deviceGroupKey: 'g', devicePassword: secret('p') });
    expect(storage.getItem('CognitoIdentityServiceProvider.client.ana.deviceKey')).toBe('us-east-1_k');
    storage.setItem('CognitoIdentityServiceProvider.client.LastAuthUser', 'ana');
    storage.setItem('CognitoIdentityServiceProvider.client.ana.idToken', 'a.e30.c');
    storage.setItem('CognitoIdentityServiceProvider.client.ana.accessToken', 'a.e30.c');
    expect(tokens.load('client')?.username).toBe('ana');
  });
});
