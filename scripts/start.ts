// `npm start`: the Vite demo on loopback (and, once it exists, the emulator with the seeded demo pool).
import { createServer } from 'vite';

const vite = await createServer({ configFile: 'vite.config.ts', server: { host: '127.0.0.1' } });
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`demo: ${url}`);
console.log('press Ctrl-C to stop');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
