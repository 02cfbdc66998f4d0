// Request members: typed reads that answer SerializationException (wrong type) or InvalidParameterException (missing).
import { CognitoError, invalidParameter } from './errors.ts';

export type Json = Record<string, unknown>;

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function missing(name: string): CognitoError {
  return invalidParameter(
    `1 validation error detected: Value null at '${camel(name)}' failed to satisfy constraint: Member must not be null`,
  );
}

function wrongType(name: string, expected: string): CognitoError {
  return new CognitoError('SerializationException', `Unexpected value for ${name}: expected ${expected}`);
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length constraints from the API reference, checked as Cognito's validation layer does (before any lookup). */
const LENGTH: Readonly<Record<string, readonly [min: number, max: number]>> = {
  UserPoolId: [1, 55],
  ClientId: [1, 128],
  ClientName: [1, 128],
  PoolName: [1, 128],
  Username: [1, 128],
  Password: [1, 256],
  PreviousPassword: [1, 256],
  ProposedPassword: [1, 256],
  Session: [20, 2048],
  ConfirmationCode: [1, 2048],
  Code: [1, 2048],
  UserCode: [6, 6],
  AttributeName: [1, 32],
  DeviceKey: [1, 55],
};

// The value is never echoed: several of these members are secrets, and AWS redacts those too.
function lengthError(name: string, bound: 'greater' | 'less', limit: number): CognitoError {
  return invalidParameter(
    `1 validation error detected: Value at '${camel(name)}' failed to satisfy constraint: Member must have length ${bound} than or equal to ${String(limit)}`,
  );
}

export function optStr(input: Json, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(name, 'a string');
  const bounds = LENGTH[name];
  if (bounds !== undefined && value !== '') {
    if (value.length < bounds[0]) throw lengthError(name, 'greater', bounds[0]);
    if (value.length > bounds[1]) throw lengthError(name, 'less', bounds[1]);
  }
  return value;
}

export function str(input: Json, name: string): string {
  const value = optStr(input, name);
  if (value === undefined) throw missing(name);
  if (value === '')
    throw invalidParameter(
      `1 validation error detected: Value at '${camel(name)}' failed to satisfy constraint: Member must have length greater than or equal to 1`,
    );
  return value;
}

export function optBool(input: Json, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(name, 'a boolean');
  return value;
}

function optInt(input: Json, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(name, 'an integer');
  return value;
}

/** An optional integer member within the API reference's range, else Cognito's validation error. */
export function optIntInRange(input: Json, name: string, min: number, max: number): number | undefined {
  const value = optInt(input, name);
  if (value === undefined) return undefined;
  if (value < min)
    throw invalidParameter(
      `1 validation error detected: Value '${String(value)}' at '${camel(name)}' failed to satisfy constraint: Member must have value greater than or equal to ${String(min)}`,
    );
  if (value > max)
    throw invalidParameter(
      `1 validation error detected: Value '${String(value)}' at '${camel(name)}' failed to satisfy constraint: Member must have value less than or equal to ${String(max)}`,
    );
  return value;
}

export function optStrMap(input: Json, name: string): Record<string, string> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wrongType(name, 'a map');
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw wrongType(`${name}.${key}`, 'a string');
    out[key] = item;
  }
  return out;
}

export function strMap(input: Json, name: string): Record<string, string> {
  const value = optStrMap(input, name);
  if (value === undefined) throw missing(name);
  return value;
}

export function optStrList(input: Json, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw wrongType(name, 'a list of strings');
  return value;
}

export function optObject(input: Json, name: string): Json | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wrongType(name, 'a structure');
  return value;
}

/** `[{Name, Value}]` → a record. */
export function optAttributes(input: Json, name: string): Record<string, string> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(name, 'a list of attributes');
  const out: Record<string, string> = {};
  for (const item of value) {
    if (!isObject(item)) throw wrongType(name, 'a list of attributes');
    const attrName = str(item, 'Name');
    out[attrName] = optStr(item, 'Value') ?? '';
  }
  return out;
}

/** A required member that must be one of a few values. */
export function oneOf<T extends string>(input: Json, name: string, values: readonly T[]): T {
  const value = str(input, name);
  const found = values.find((v) => v === value);
  if (found === undefined)
    throw invalidParameter(
      `1 validation error detected: Value '${value}' at '${camel(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
    );
  return found;
}
