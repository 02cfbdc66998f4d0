// Builds webpack/main.js with webpack 5's defaults (plus its native CSS) into dist/webpack/, which `vite preview`
// serves beside the Vite pages. Run after `vite build`, which empties dist/.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import webpack from 'webpack';

const output = join(import.meta.dirname, '../dist/webpack');
const compiler = webpack({
  mode: 'production',
  context: import.meta.dirname,
  entry: './main.js',
  output: { path: output, filename: 'main.js', clean: true },
  experiments: { css: true },
  // Size hints only: this page is a fixture, not a site to tune.
  performance: false,
});
const stats = await new Promise((resolve, reject) => {
  compiler.run((error, result) => (error ? reject(error) : resolve(result)));
});
await new Promise((resolve) => compiler.close(resolve));
if (stats.hasErrors() || stats.hasWarnings()) {
  console.error(stats.toString('errors-warnings'));
  process.exit(1);
}
await mkdir(output, { recursive: true });
await copyFile(join(import.meta.dirname, 'index.html'), join(output, 'index.html'));
console.log(stats.toString({ preset: 'summary', assets: true }));
