// Types for e2e/staticServer.mjs, so TypeScript callers (the CSP spec) stay strict.
export declare const BUILD_HEADER: string;
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}
export function serveStatic(
  root: string,
  options?: { readonly port?: number; readonly headers?: Readonly<Record<string, string>> },
): Promise<StaticServer>;
