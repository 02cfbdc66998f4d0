// Types for scripts/consumersWorkRoot.mjs, so TypeScript callers (scripts/nextMainThread.ts, the bench) stay strict.
export declare const consumersWorkRoot: string;
