// `npm start`: the local Cognito emulator with the demo pool, and the Vite demo pointed at it, on loopback.
import { createServer } from 'vite';
import { DEMO_APP_ORIGIN, DEMO_CLIENT_ID, DEMO_POOL_ID, DEMO_USERS, demoAppClient } from '../e2e/emulator/demo.ts';
import { startEmulator } from '../e2e/emulator/index.ts';

const emulator = await startEmulator();
// Vite exposes VITE_* variables to the demo; they must be set before the server is created.
process.env.VITE_COGNITO_ENDPOINT = `${emulator.url}/`;
process.env.VITE_USER_POOL_ID = DEMO_POOL_ID;
process.env.VITE_CLIENT_ID = DEMO_CLIENT_ID;

/** UpdateUserPoolClient (it replaces every setting, as on AWS) with the demo client's settings for `appOrigin`. */
async function registerDemoApp(appOrigin: string): Promise<void> {
  const response = await fetch(`${emulator.url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.UpdateUserPoolClient',
    },
    body: JSON.stringify({ UserPoolId: DEMO_POOL_ID, ...demoAppClient(appOrigin) }),
  });
  if (!response.ok) throw new Error(`UpdateUserPoolClient: ${await response.text()}`);
}

let vite: Awaited<ReturnType<typeof createServer>> | undefined;
try {
  vite = await createServer({
    configFile: 'vite.config.ts',
    server: { host: '127.0.0.1' },
  });
  await vite.listen();
} catch (error) {
  await emulator.stop();
  throw error;
}
const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
// Managed login returns only to registered URLs: when Vite took another port, register the demo app there.
if (new URL(url).origin !== DEMO_APP_ORIGIN) await registerDemoApp(new URL(url).origin);
console.log(`demo: ${url}`);
// The demo pool's passkey RelyingPartyId is localhost: browsers refuse an IP address as RP id.
console.log(`passkeys: open ${url.replace('127.0.0.1', 'localhost')} (passkey-user, "Choose how to sign in")`);
console.log(`emulator: ${emulator.url} (pool ${DEMO_POOL_ID}, client ${DEMO_CLIENT_ID})`);
console.log('one-time codes: GET /_emulator/messages on the emulator (never printed here)');
console.table(
  DEMO_USERS.map(({ username, password, path }) => ({
    username,
    password,
    path,
  })),
);
console.log('press Ctrl-C to stop');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([vite?.close(), emulator.stop()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
