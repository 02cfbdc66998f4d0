// The production demo under a strict Content-Security-Policy: a user signs in with no policy violation and no secret in any URL.
// Vite's dev server injects an inline React-refresh preamble, which `script-src 'self'` forbids, so the production
// build is tested: the one the suite serves, here from a server that sends the policy with every file.
import { demoBuildPath } from './demoBuild.ts';
import { expect, test } from './fixtures.ts';
import { serveStatic } from './staticServer.mjs';

test.describe('strict Content-Security-Policy', () => {
  test('an SMS user signs in under default-src/script-src/style-src/worker-src self with no violation, SRP in its worker, and no secret in a URL', async ({
    cognito,
    users,
    outbox,
    signInPage,
    page,
  }) => {
    const endpoint = cognito.endpoint ?? '';
    // worker-src 'self' admits the SRP worker (built as a same-origin module file, never a blob: URL).
    const policy = `default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; connect-src 'self' ${endpoint}; img-src 'self' data:`;
    // The suite's own production build of the demo (built once by the web server, see playwright.config.ts).
    const server = await serveStatic(demoBuildPath, { headers: { 'Content-Security-Policy': policy } });
    try {
      const violations: string[] = [];
      const urls: string[] = [];
      const workers: string[] = [];
      const inlineFallbacks: string[] = [];
      page.on('console', (message) => {
        if (/content security policy/i.test(message.text())) violations.push(message.text());
        if (message.text().includes('SRP runs on the main thread')) inlineFallbacks.push(message.text());
      });
      page.on('worker', (worker) => workers.push(worker.url()));
      page.on('request', (request) => urls.push(request.url()));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      const user = users.take('sms');
      await signInPage.open(cognito, { path: `${server.url}/` });
      await signInPage.submitCredentials(user.username, user.password);
      const code = await outbox.waitForCode(user.username);
      await signInPage.submitCode(code);
      await signInPage.expectSignedIn();

      const inUrls = urls.filter(
        (requested) =>
          requested.includes(user.password) ||
          requested.includes(code) ||
          requested.includes(encodeURIComponent(user.password)),
      );
      console.log(
        `csp: requests ${String(urls.length)}; policy violations ${String(violations.length)}; SRP workers ${String(workers.length)}; inline fallbacks ${String(inlineFallbacks.length)}; secrets found in URLs ${String(inUrls.length)}`,
      );
      expect(violations).toEqual([]);
      expect(inUrls).toEqual([]);
      // The SRP math ran in its worker under the policy, not silently on the main thread.
      expect(workers.length).toBeGreaterThan(0);
      expect(inlineFallbacks).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
