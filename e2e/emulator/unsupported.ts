// Settings the emulator cannot honour are refused out loud, never accepted and ignored (docs/emulator-settings.md).
import { invalidParameter } from './errors.ts';
import { isObject, type Json } from './input.ts';

/** The error for a member that would change behaviour on AWS but that the emulator does not implement. */
export function unsupported(member: string, detail = ''): Error {
  return invalidParameter(
    `The Cognito emulator does not support ${member}${detail === '' ? '' : ` (${detail})`}; see docs/emulator-settings.md.`,
  );
}

/** A value that asks for nothing: absent, null, false, an empty list or string, or a structure of only those. */
function isInert(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.values(value).every(isInert);
  return false;
}

/** Refuses each listed member that asks for something (an inert value is the default and may pass). */
export function refuseMembers(input: Json, members: readonly string[], prefix = ''): void {
  for (const member of members) if (!isInert(input[member])) throw unsupported(`${prefix}${member}`);
}

/** Copies the stored-only members that were sent, verbatim, for Describe* to echo. */
export function pickStored(input: Json, members: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of members) if (input[member] !== undefined && input[member] !== null) out[member] = input[member];
  return out;
}
