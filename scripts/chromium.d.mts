// Types for scripts/chromium.mjs, so TypeScript callers (the Playwright config) stay strict.
export declare function findChromium(options?: { readonly headed?: boolean }): string | undefined;
export declare function findHeadlessShell(): string | undefined;
export declare const chromiumArgs: string[];
