// Types for importLayers.mjs, which eslint.config.js loads as plain JavaScript.
import type { ESLint } from 'eslint';

/** What an import reaches: a repository path for a relative specifier, the specifier itself for a package. */
export function importTarget(filename: string, specifier: string): string;

/** Whether an allow-list admits a target; entries ending in `/` or `:` are prefixes. */
export function allowed(allow: readonly string[], target: string): boolean;

declare const plugin: ESLint.Plugin;
export default plugin;
