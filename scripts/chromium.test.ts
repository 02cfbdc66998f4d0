// The set-up step finds Chromium from an environment override before anything else.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from './chromium.mjs';

describe('findChromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('prefers the CHROMIUM_PATH override when that file exists', () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'chromium-')), 'chrome');
    writeFileSync(fake, '');
    chmodSync(fake, 0o755);
    process.env.CHROMIUM_PATH = fake;
    expect(findChromium()).toBe(fake);
  });

  it('ignores an override that points nowhere', () => {
    process.env.CHROMIUM_PATH = join(tmpdir(), 'no-such-chromium-binary');
    expect(findChromium()).not.toBe(process.env.CHROMIUM_PATH);
  });
});
