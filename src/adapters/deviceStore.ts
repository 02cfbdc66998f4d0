// Device stores: web storage under amazon-cognito-identity-js's exact keys, and an in-memory one.
import type { DeviceRecord, DeviceStore } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';

/** `CognitoIdentityServiceProvider.<clientId>.<USER_ID_FOR_SRP>`, the prefix CognitoUser uses. */
function prefix(clientId: string, username: string): string {
  return `CognitoIdentityServiceProvider.${clientId}.${username}`;
}

/**
 * Reads and writes the keys a site using amazon-cognito-identity-js already has, so remembered devices survive a
 * migration. The default `localStorage` is looked up on first use, so creating the store at import time is safe in
 * server render.
 */
export function createWebStorageDeviceStore(given?: Storage): DeviceStore {
  const store = (): Storage => given ?? localStorage;
  return {
    get(clientId, username) {
      const keys = prefix(clientId, username);
      const storage = store();
      const deviceKey = storage.getItem(`${keys}.deviceKey`);
      const devicePassword = storage.getItem(`${keys}.randomPasswordKey`);
      const deviceGroupKey = storage.getItem(`${keys}.deviceGroupKey`);
      if (deviceKey === null || devicePassword === null || deviceGroupKey === null) return null;
      return { deviceKey, deviceGroupKey, devicePassword: secret(devicePassword) };
    },
    set(clientId, username, device) {
      const keys = prefix(clientId, username);
      const storage = store();
      storage.setItem(`${keys}.deviceKey`, device.deviceKey);
      storage.setItem(`${keys}.randomPasswordKey`, device.devicePassword.reveal());
      storage.setItem(`${keys}.deviceGroupKey`, device.deviceGroupKey);
    },
    remove(clientId, username) {
      const keys = prefix(clientId, username);
      const storage = store();
      storage.removeItem(`${keys}.deviceKey`);
      storage.removeItem(`${keys}.randomPasswordKey`);
      storage.removeItem(`${keys}.deviceGroupKey`);
    },
  };
}

/** Devices kept for the life of the process (Node, tests). */
export function createMemoryDeviceStore(): DeviceStore {
  const devices = new Map<string, DeviceRecord>();
  return {
    get: (clientId, username) => devices.get(prefix(clientId, username)) ?? null,
    set: (clientId, username, device) => {
      devices.set(prefix(clientId, username), device);
    },
    remove: (clientId, username) => {
      devices.delete(prefix(clientId, username));
    },
  };
}
