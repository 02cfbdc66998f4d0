// Where the suite's demo build lives: one directory per port, so suites run side by side (the bench's, yours) never
// empty each other's. The Playwright config builds and serves it; the CSP spec serves the same files under its policy.
import { fileURLToPath } from 'node:url';

export const demoPort = Number(process.env.E2E_DEMO_PORT ?? 41731);

/** Relative to the repository root (the web server's working directory). */
export const demoBuildDir = `node_modules/.cache/e2e-demo/${String(demoPort)}`;

export const demoBuildPath = fileURLToPath(new URL(`../${demoBuildDir}`, import.meta.url));
