// Where the suite's demo build lives and when it is served. One directory per port, so suites run side by side (the
// bench's, yours) never empty each other's. The Playwright config builds and serves it; the CSP spec serves the
// same files under its policy.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BUILD_HEADER } from './staticServer.mjs';

export const demoPort = Number(process.env.E2E_DEMO_PORT ?? 41731);

export const demoUrl = `http://127.0.0.1:${String(demoPort)}`;

/** Relative to the repository root (the web server's working directory). */
export const demoBuildDir = `node_modules/.cache/e2e-demo/${String(demoPort)}`;

export const demoBuildPath = fileURLToPath(new URL(`../../${demoBuildDir}`, import.meta.url));

/**
 * Resolves once the demo server answers. The web server builds the demo while Playwright loads the specs (the
 * config does not make Playwright wait for it), so each worker waits here before its first test. A server on the
 * port that serves another directory (one left running) fails at once.
 */
export async function waitForDemoServer(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const served = await fetch(demoUrl).then(
      (response) => response.headers.get(BUILD_HEADER) ?? 'another server',
      () => undefined,
    );
    if (served === demoBuildPath) return;
    if (served !== undefined)
      throw new Error(`${demoUrl} is served by ${served}, not this suite: set E2E_DEMO_PORT to a free port`);
    if (Date.now() > deadline)
      throw new Error(
        `the demo server at ${demoUrl} did not answer within ${String(timeoutMs / 1000)} s; see the web server's output above`,
      );
    await sleep(50);
  }
}
