// Tests for reading npm's hidden lockfile: how many packages an install holds.
import { describe, expect, it } from 'vitest';
import { countPackages } from './packed.ts';

describe('countPackages', () => {
  it('counts every installed package, nested copies included, and leaves out links and the root', () => {
    const lock = {
      name: 'bench-app',
      packages: {
        'node_modules/react': { version: '19.3.1' },
        'node_modules/@xstate/react': { version: '6.1.0' },
        'node_modules/a/node_modules/react': { version: '18.0.0' },
        'node_modules/local': { resolved: '../local', link: true },
      },
    };
    expect(countPackages(lock)).toBe(3);
  });

  it('finds no packages in something that is not a lockfile', () => {
    expect(countPackages(null)).toBe(0);
    expect(countPackages({ packages: 'x' })).toBe(0);
  });
});
