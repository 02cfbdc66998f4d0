// Types for scripts/chromium.mjs, so TypeScript callers (the Playwright config) stay strict.
export declare function findChromium(): string | undefined;
export declare const chromiumArgs: string[];
