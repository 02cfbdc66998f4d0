// Remembered devices: ConfirmDevice stores the device's SRP verifier; status, listing and forgetting.
import { authenticate, getPool, requireUser, type Handler } from '../context.ts';
import { invalidParameter, resourceNotFound } from '../errors.ts';
import { isObject, oneOf, optIntInRange, optStr, str, type Json } from '../input.ts';
import { pageFrom, pageSize } from '../paging.ts';
import { base64ToHex } from '../srpServer.ts';
import type { DeviceRecord, Pool } from '../store.ts';

function deviceType(device: DeviceRecord): Json {
  return {
    DeviceKey: device.key,
    DeviceAttributes: [
      {
        Name: 'device_status',
        Value: device.remembered ? 'valid' : 'not_remembered',
      },
      ...(device.name !== undefined ? [{ Name: 'device_name', Value: device.name }] : []),
    ],
    DeviceCreateDate: device.createdAt / 1000,
    DeviceLastModifiedDate: device.lastModifiedAt / 1000,
    DeviceLastAuthenticatedDate: device.lastAuthenticatedAt / 1000,
  };
}

function userDevice(pool: Pool, username: string, key: string): DeviceRecord {
  const device = pool.devices.get(key);
  if (device?.username !== username) throw resourceNotFound('Device does not exist.');
  return device;
}

export const confirmDevice: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  const device = userDevice(pool, user.username, str(input, 'DeviceKey'));
  const config = input.DeviceSecretVerifierConfig;
  if (!isObject(config)) throw invalidParameter('DeviceSecretVerifierConfig is required.');
  const verifier = str(config, 'PasswordVerifier');
  const salt = str(config, 'Salt');
  device.srp = { salt: base64ToHex(salt), verifier: base64ToHex(verifier) };
  const name = optStr(input, 'DeviceName');
  if (name !== undefined) device.name = name;
  const prompt = pool.settings.deviceConfiguration?.DeviceOnlyRememberedOnUserPrompt ?? false;
  // Without "remember on user prompt", a confirmed device is remembered straight away.
  device.remembered = !prompt;
  device.lastModifiedAt = ctx.clock.now();
  pool.changed();
  return { UserConfirmationNecessary: prompt };
};

export const updateDeviceStatus: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  const device = userDevice(pool, user.username, str(input, 'DeviceKey'));
  const status = oneOf(input, 'DeviceRememberedStatus', ['remembered', 'not_remembered']);
  device.remembered = status === 'remembered';
  device.lastModifiedAt = ctx.clock.now();
  pool.changed();
  return {};
};

export const forgetDevice: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  const device = userDevice(pool, user.username, str(input, 'DeviceKey'));
  pool.devices.delete(device.key);
  pool.changed();
  return {};
};

export const getDevice: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  return {
    Device: deviceType(userDevice(pool, user.username, str(input, 'DeviceKey'))),
  };
};

function listFor(pool: Pool, username: string, input: Json): Json {
  const limit = pageSize(optIntInRange(input, 'Limit', 0, 60), 60);
  const devices = [...pool.devices.values()].filter((d) => d.username === username && d.srp !== undefined);
  const { items, next } = pageFrom(devices, limit, optStr(input, 'PaginationToken'), 'PaginationToken');
  return {
    Devices: items.map(deviceType),
    ...(next !== undefined ? { PaginationToken: next } : {}),
  };
}

export const listDevices: Handler = async (ctx, input) => {
  const { pool, user } = await authenticate(ctx, str(input, 'AccessToken'));
  return listFor(pool, user.username, input);
};

export const adminListDevices: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  return Promise.resolve(listFor(pool, user.username, input));
};

export const adminForgetDevice: Handler = (ctx, input) => {
  const pool = getPool(ctx, str(input, 'UserPoolId'));
  const user = requireUser(pool, str(input, 'Username'));
  pool.devices.delete(userDevice(pool, user.username, str(input, 'DeviceKey')).key);
  pool.changed();
  return Promise.resolve({});
};
