// Signs in from a terminal with the unchanged machine: `npx tsx examples/node-sign-in.ts [--endpoint URL]`.
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { createActor, waitFor } from 'xstate';
import {
  createCognitoHttp,
  createFastSrp,
  createMemoryDeviceStore,
  createSignInMachine,
  secret,
  type SignInInput,
} from 'cognito-xstate/core';
import { startEmulator } from 'cognito-xstate/emulator';
// The demo pool's ids: what `startEmulator()` serves when given no seed.
import { DEMO_CLIENT_ID, DEMO_POOL_ID } from '../e2e/emulator/demo.ts';

/** Where questions go and answers come from; a terminal, or a script in tests. */
export interface Terminal {
  ask(question: string): Promise<string>;
  say(line: string): void;
}

export interface NodeSignInOptions {
  readonly endpoint: string;
  readonly input: SignInInput;
  readonly terminal: Terminal;
}

/** Drives one sign-in to its end (the tokens, or a final error), asking the terminal for whatever each state needs. */
export async function nodeSignIn({ endpoint, input, terminal }: NodeSignInOptions): Promise<boolean> {
  const machine = createSignInMachine({
    cognito: createCognitoHttp({ endpoint }),
    srp: createFastSrp(),
    devices: createMemoryDeviceStore(),
  });
  const actor = createActor(machine, { input: { deviceTracking: false, ...input } });
  actor.start();
  for (;;) {
    const snapshot = await waitFor(actor, (s) => !s.hasTag('busy'));
    const { context } = snapshot;
    const { attempt } = context;
    if (context.error !== null) terminal.say(`! ${context.error.code}`);
    // The machine's output: the tokens (for a session machine, or for your own store).
    if (snapshot.status === 'done') {
      terminal.say(`signed in as ${snapshot.output?.claims.username ?? context.username}`);
      return true;
    }
    if (snapshot.matches('credentials')) {
      if (context.error !== null && context.error.code !== 'CodeMismatchException') {
        actor.stop();
        return false;
      }
      const username = await terminal.ask('username: ');
      const password = await terminal.ask('password: ');
      actor.send({ type: 'credentials.submit', username, password: secret(password) });
      // Each challenge's data lives in its own attempt variant: `kind` names the challenge.
    } else if (snapshot.hasTag('input') && attempt.kind === 'SELECT_MFA_TYPE') {
      const choice = await terminal.ask(`MFA type (${attempt.mfaTypes.join(', ')}): `);
      const mfaType = attempt.mfaTypes.find((type) => type === choice.trim());
      if (mfaType !== undefined) actor.send({ type: 'mfaType.select', mfaType });
    } else if (snapshot.hasTag('input') && attempt.kind === 'MFA_SETUP' && attempt.totpSetup !== null) {
      const { label, issuer, secretCode } = attempt.totpSetup;
      terminal.say(
        `add to your authenticator: otpauth://totp/${encodeURIComponent(`${issuer}:${label}`)}?secret=${secretCode.reveal()}&issuer=${encodeURIComponent(issuer)}`,
      );
      actor.send({ type: 'code.submit', code: secret(await terminal.ask('code: ')) });
    } else if (snapshot.hasTag('input') && attempt.kind === 'NEW_PASSWORD_REQUIRED') {
      const password = await terminal.ask('new password: ');
      const attributes: Record<string, string> = {};
      for (const name of attempt.requiredAttributes) attributes[name] = await terminal.ask(`${name}: `);
      actor.send({ type: 'newPassword.submit', password: secret(password), attributes });
    } else if (snapshot.hasTag('input') && attempt.kind === 'CUSTOM_CHALLENGE') {
      const question = attempt.challengeParameters.question ?? 'answer';
      actor.send({ type: 'customChallenge.submit', answer: secret(await terminal.ask(`${question} `)) });
    } else if (snapshot.hasTag('input')) {
      const where = 'codeDelivery' in attempt ? attempt.codeDelivery?.destination : undefined;
      actor.send({
        type: 'code.submit',
        code: secret(await terminal.ask(where ? `code sent to ${where}: ` : 'code: ')),
      });
    } else if (snapshot.matches('sessionExpired')) {
      terminal.say('the session expired; starting again');
      actor.send({ type: 'signIn.restart' });
    } else {
      actor.stop();
      return false;
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--endpoint');
  const given = at === -1 ? undefined : process.argv[at + 1];
  // Without --endpoint, an in-process emulator with the demo pool; its "sent" codes are printed here.
  const emulator = given === undefined ? await startEmulator() : undefined;
  const endpoint = given ?? emulator?.url ?? '';
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  const printed = new Set<unknown>();
  const terminal: Terminal = {
    ask: (question) => {
      for (const message of emulator?.outbox ?? []) {
        if (printed.has(message)) continue;
        printed.add(message);
        console.log(`[emulator ${message.channel} to ${message.destination}] ${message.message}`);
      }
      return readline.question(question);
    },
    say: (line) => {
      console.log(line);
    },
  };
  console.log(`Cognito endpoint ${endpoint} (demo users: srp-user, sms-user, totp-user, ... password Passw0rd!demo)`);
  const ok = await nodeSignIn({ endpoint, input: { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID }, terminal });
  readline.close();
  await emulator?.close();
  process.exitCode = ok ? 0 : 1;
}
