import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { secret } from './secret.ts';

describe('Secret', () => {
  const session = secret('AYABeP-session-value');

  it('hides its value from JSON.stringify, string conversion and util.inspect', () => {
    const printed = [JSON.stringify({ session }), String(session), inspect({ session })];
    for (const text of printed) {
      expect(text).not.toContain('AYABeP');
      expect(text).toContain('[redacted]');
    }
  });

  it('reveals the value to the caller that puts it on the wire', () => {
    expect(session.reveal()).toBe('AYABeP-session-value');
  });
});
