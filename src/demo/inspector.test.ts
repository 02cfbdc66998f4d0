import { describe, expect, it } from 'vitest';
import { secret } from '../../machines/index.ts';
import { loadInspector, redacted } from './inspector.ts';

describe('the ?inspect view', () => {
  it('shows secrets in context as [redacted] and passes context-less actors through', () => {
    expect(redacted({ session: secret('s3ssion'), username: 'srp-user' })).toEqual({
      session: '[redacted]',
      username: 'srp-user',
    });
    expect(redacted<unknown>(undefined)).toBeUndefined();
  });

  it('loads nothing without ?inspect', async () => {
    await expect(loadInspector('?endpoint=x')).resolves.toBeUndefined();
  });
});
