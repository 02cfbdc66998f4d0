// Tests for how a failure becomes a short reason in a table cell.
import { describe, expect, it } from 'vitest';
import { errorText } from './context.ts';

describe('errorText', () => {
  it('keeps the first two non-empty lines without terminal colours', () => {
    const error = new Error(
      'Build failed with 1 error:\n\n\u001b[31m[UNRESOLVED_IMPORT]\u001b[0m Could not resolve x\nmore',
    );
    expect(errorText(error)).toBe('Build failed with 1 error: [UNRESOLVED_IMPORT] Could not resolve x');
  });

  it('shortens long reasons', () => {
    expect(errorText(new Error('x'.repeat(400)))).toHaveLength(160);
  });
});
