// The set-up step finds Chromium from an environment override before anything else, and a headless shell first.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, findHeadlessShell } from './chromium.mjs';

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

  it('prefers a headless shell for headless runs and a full browser for headed ones', () => {
    const savedCache = process.env.PLAYWRIGHT_BROWSERS_PATH;
    const savedOverride = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
    const cache = mkdtempSync(join(tmpdir(), 'ms-playwright-'));
    const fakeBinary = (...parts: string[]) => {
      const path = join(cache, ...parts);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      return path;
    };
    const shell = fakeBinary('chromium_headless_shell-1200', 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    const full = fakeBinary('chromium-1200', 'chrome-linux64', 'chrome');
    delete process.env.CHROMIUM_PATH;
    delete process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
    process.env.PLAYWRIGHT_BROWSERS_PATH = cache;
    try {
      expect(findChromium()).toBe(shell);
      expect(findHeadlessShell()).toBe(shell);
      expect(findChromium({ headed: true })).toBe(full);
    } finally {
      if (savedCache === undefined) delete process.env.PLAYWRIGHT_BROWSERS_PATH;
      else process.env.PLAYWRIGHT_BROWSERS_PATH = savedCache;
      if (savedOverride !== undefined) process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH = savedOverride;
    }
  });
});
