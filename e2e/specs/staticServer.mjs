// A static file server for the built demo: the suite's web server (`node e2e/specs/staticServer.mjs <dir> <port>`, see
// playwright.config.ts), and the CSP spec's, with its policy header. Plain JavaScript, so it starts without a
// TypeScript loader. Plain files, no compression: on loopback gzip only costs CPU, and every fresh browser context
// fetches the bundle again.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Names the directory a server started from the command line serves. */
export const BUILD_HEADER = 'x-served-directory';

/** @type {Readonly<Record<string, string>>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Serves `root` on 127.0.0.1 (`port` 0: any free one); unknown paths get index.html, as a single-page app expects.
 * `headers` go on every answer.
 * @param {string} root
 * @param {{ port?: number, headers?: Readonly<Record<string, string>> }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveStatic(root, options = {}) {
  const server = createServer((req, res) => {
    void (async () => {
      const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
      let file = join(root, path === '/' ? 'index.html' : path);
      if (!(await stat(file).catch(() => null))?.isFile()) file = join(root, 'index.html');
      res.writeHead(200, { ...options.headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    })();
  });
  await new Promise((done) => server.listen(options.port ?? 0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    async close() {
      // A page still open may hold a keep-alive connection, which would keep close() waiting until it times out.
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(undefined)));
    },
  };
}

// As the web server: says when it listens, which Playwright waits for (`wait.stdout`) instead of polling the URL.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  if (dir === undefined || port === undefined) throw new Error('usage: node e2e/specs/staticServer.mjs <dir> <port>');
  // The header tells the suite's workers that the server on the port is this one, not one someone left running.
  const { url } = await serveStatic(resolve(dir), { port: Number(port), headers: { [BUILD_HEADER]: resolve(dir) } });
  process.stdout.write(`serving ${dir} at ${url}\n`);
}
