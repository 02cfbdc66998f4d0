// No secret leaks from the real widget in Chromium: console, web storage, cookies, DOM, input values, page and
// network URLs after every step, and every event the Stately inspector's window (`?inspect`) receives. The model walk
// (modelBased.spec.ts) watches the same page sinks on every path of the machine; e2e/specs/signInFlow.test.ts checks every
// path's inspector events and snapshots in Node, and the walk's MFA_SETUP path that the authenticator key is gone
// once enrolment ends; inspector.spec.ts watches an SMS sign-in and a password change with the inspector's window
// open. Here, with the window open too: a remembered device, whose device password is one more secret, and a passkey
// created and used, whose registration and sign-in challenges and credentials are more.
import { passkeyFixtures } from '../kit/index.ts';
import { demoPort } from './demoBuild.ts';
import { expect, test } from './fixtures.ts';
import {
  inspectedEventTypes,
  observeDevicePasswords,
  printTotals,
  tapInspector,
  watchLeaks,
  type InspectorTap,
} from './leakWatch.ts';

/** The inspector hears events when the page is idle: wait until it has the last one and nothing more comes. */
async function inspectorCaughtUp(inspector: InspectorTap, lastEventType: string): Promise<void> {
  let previous = -1;
  await expect
    .poll(
      async () => {
        const events = await inspector.events();
        const settled = inspectedEventTypes(events).includes(lastEventType) && events.length === previous;
        previous = events.length;
        return settled;
      },
      { intervals: [100, 100, 250], timeout: 10_000 },
    )
    .toBe(true);
}

// Per worker: each prints the totals of the paths it ran.
test.afterAll(() => {
  printTotals('secrets');
});

test('a remembered device signs in again with no MFA step, and its device password, Session, tokens and code leak nowhere', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
  context,
}) => {
  const user = users.take('sms');
  const devicePasswords = await observeDevicePasswords(page);
  const inspector = await tapInspector(context);
  // The demo keeps device keys in memory (browserPorts: createMemoryDeviceStore), so no storage key is exempt.
  const watcher = watchLeaks(page, { chosenStorage: null, inspector });
  const typed: string[] = [user.password];
  const sent = () => (cognito.emulator?.outbox ?? []).filter((message) => message.username === user.username).length;
  // `?inspect`, so the inspector's window is one more sink.
  await signInPage.open(cognito, { inspect: true });
  await inspector.opened;
  await watcher.capture('credentials shown');

  await test.step('first sign-in: SRP, then SMS_MFA', async () => {
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('SMS_MFA');
    await watcher.capture('SMS code asked');
    const code = await outbox.waitForCode(user.username, { channel: 'SMS' });
    typed.push(code);
    await signInPage.submitCode(code);
  });
  await test.step('remember this device: yes', async () => {
    await signInPage.rememberDevice(true);
    await signInPage.expectStep('signedIn');
    await watcher.capture('signed in, device remembered');
  });
  await test.step('sign out (the device stays remembered)', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await watcher.capture('signed out');
  });
  await test.step('sign in again: DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, no MFA step', async () => {
    const codesBefore = sent();
    await signInPage.submitCredentials(user.username, user.password);
    await signInPage.expectStep('signedIn');
    await expect(signInPage.heading('SMS_MFA')).toHaveCount(0);
    expect(sent()).toBe(codesBefore);
    await watcher.capture('signed in on the remembered device');
  });
  await test.step('sign out again', async () => {
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
    await inspectorCaughtUp(inspector, 'signOut');
    await watcher.capture('signed out again');
  });

  // One password, made at ConfirmDevice and proved with at DEVICE_PASSWORD_VERIFIER.
  expect([...devicePasswords]).toHaveLength(1);
  watcher.expectNoLeak('rememberedDevice', [...typed, ...devicePasswords]);
});

test.extend(passkeyFixtures)(
  'a passkey is created and signs the user in, and its challenges, credentials, Session and tokens leak nowhere',
  async ({ cognito, signInPage, users, page, context, passkey }) => {
    const user = users.take('passkey');
    const inspector = await tapInspector(context);
    const watcher = watchLeaks(page, { chosenStorage: null, inspector });
    // On localhost, the demo pool's RP id, in the "Choose how to sign in" flow.
    await signInPage.open(cognito, {
      path: `http://localhost:${String(demoPort)}/`,
      authFlow: 'choice',
      inspect: true,
    });
    await inspector.opened;
    await test.step('the password, then "Create a passkey" (StartWebAuthnRegistration, create(), Complete…)', async () => {
      await signInPage.submitUsername(user.username);
      await signInPage.choosePassword(user.password);
      await signInPage.expectSignedIn();
      await page.getByRole('button', { name: signInPage.messages.createPasskey }).first().click();
      await expect(page.getByText(signInPage.messages.passkeyCreated)).toBeVisible({ timeout: signInPage.stepTimeout });
      expect(await passkey.credentials()).toHaveLength(1);
      await watcher.capture('passkey created');
      await signInPage.signOut();
      await signInPage.expectStep('credentials');
    });
    await test.step('the passkey alone: SELECT_CHALLENGE, WEB_AUTHN with CREDENTIAL_REQUEST_OPTIONS, the assertion', async () => {
      await signInPage.submitUsername(user.username);
      await signInPage.chooseFactor('WEB_AUTHN');
      await signInPage.expectStep('signedIn');
      await watcher.capture('signed in with the passkey');
      await signInPage.signOut();
      await signInPage.expectStep('credentials');
      await inspectorCaughtUp(inspector, 'signOut');
      await watcher.capture('signed out');
    });
    // Both challenges, both credentials (with their signatures and client data), the Sessions and the tokens.
    expect(watcher.secrets.size).toBeGreaterThan(10);
    const watched = [...watcher.secrets];
    expect(watched.some((value) => value.includes('authenticatorData'))).toBe(true);
    expect(watched.some((value) => value.includes('"challenge"'))).toBe(true);
    watcher.expectNoLeak('passkey', [user.password]);
  },
);
