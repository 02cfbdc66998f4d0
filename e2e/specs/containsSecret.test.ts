import { describe, expect, it } from 'vitest';
import { containsSecret } from './containsSecret.ts';

describe('containsSecret', () => {
  it('finds a code standing as a whole number, quoted or in prose, but not inside a longer run of digits', () => {
    expect(containsSecret('{"code":"635312"}', '635312')).toBe(true);
    expect(containsSecret('your code is 635312.', '635312')).toBe(true);
    expect(containsSecret('{"exp":1795635312}', '635312')).toBe(false);
  });

  it('finds any other secret anywhere, as a substring', () => {
    expect(containsSecret('Bearer eyJabc.eyJdef.sig', 'eyJabc.eyJdef.sig')).toBe(true);
    expect(containsSecret('pw=Passw0rd!demo1', 'Passw0rd!demo')).toBe(true);
    expect(containsSecret('nothing here', 'Passw0rd!demo')).toBe(false);
  });
});
