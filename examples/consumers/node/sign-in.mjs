// A Node consumer: creates an SMS-MFA user with cognito-xstate/server, then signs in with cognito-xstate/core (SRP,
// then SMS_MFA with the code read from the emulator's outbox). Run by scripts/consumers.mjs with EMULATOR_URL set.
import { createCognitoAdmin } from 'cognito-xstate/server';
import { createCognitoHttp, createFastSrp, createSignInMachine, secret } from 'cognito-xstate/core';
import { createActor, waitFor } from 'xstate';

const endpoint = process.env.EMULATOR_URL;
if (endpoint === undefined) throw new Error('EMULATOR_URL is not set');
const userPoolId = 'us-east-1_DemoPool1';
const clientId = 'demoappclient0000000000001';
const username = `node-sms-${String(Date.now())}`;
const password = 'Node-consumer-1!';

const admin = createCognitoAdmin({ userPoolId, endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
await admin.createUser({
  username,
  messageAction: 'SUPPRESS',
  attributes: { phone_number: '+15555550100', phone_number_verified: 'true' },
});
await admin.setPassword(username, password);
await admin.setMfaPreference(username, { sms: true, preferred: 'SMS_MFA' });

const machine = createSignInMachine({ cognito: createCognitoHttp({ endpoint }), srp: createFastSrp() });
const actor = createActor(machine, { input: { userPoolId, clientId, deviceTracking: false } });
actor.start();
const notBusy = () => waitFor(actor, (snapshot) => !snapshot.hasTag('busy'), { timeout: 15_000 });

actor.send({ type: 'credentials.submit', username, password: secret(password) });
const challenged = await notBusy();
if (!challenged.matches({ SMS_MFA: 'awaitingInput' }))
  throw new Error(`expected SMS_MFA, got ${JSON.stringify(challenged.value)}`);

const messages = await (await fetch(`${endpoint}/_emulator/messages`)).json();
const code = messages.filter((message) => message.username === username).at(-1)?.code;
if (typeof code !== 'string') throw new Error('no SMS code in the emulator outbox');
actor.send({ type: 'code.submit', code: secret(code) });
const done = await notBusy();
// The sign-in ends at its final state with the tokens as its output.
if (done.status !== 'done' || done.output?.claims.username !== username)
  throw new Error(`expected the tokens, got ${JSON.stringify(done.value)}`);
console.log(`signed in as ${username} through SRP and SMS_MFA`);
