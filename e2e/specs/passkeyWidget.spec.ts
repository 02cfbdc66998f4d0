// Passkeys and choice-based sign-in in the real widget, in Chromium with the kit's virtual authenticator. The page
// runs on localhost: the demo pool's RelyingPartyId (browsers refuse an IP address as RP id).
import type { Page, Request } from '@playwright/test';
import { passkeyFixtures, type Cognito } from '../kit/index.ts';
import { expectNoViolations } from './axe.ts';
import { demoPort } from './demoBuild.ts';
import { expect, test as base } from './fixtures.ts';
import { watchLeaks } from './leakWatch.ts';

const test = base.extend(passkeyFixtures);

/** The demo on localhost, in the "Choose how to sign in" flow (config.signInFlow 'choice'). */
const CHOICE_PAGE = `http://localhost:${String(demoPort)}/`;

/** The emulator's request log from now on: the operations, in order. */
function requestLog(cognito: Cognito): () => string[] {
  const log = cognito.emulator?.requests ?? [];
  const start = log.length;
  return () => log.slice(start).map((entry) => entry.target.replace('AWSCognitoIdentityProviderService.', ''));
}

/** What the widget sent to Cognito with each call (to tell a PASSWORD_SRP answer from a PASSWORD one). */
function sentBodies(page: Page): { target: string; body: Record<string, unknown> }[] {
  const sent: { target: string; body: Record<string, unknown> }[] = [];
  page.on('request', (request: Request) => {
    const target = request.headers()['x-amz-target'];
    if (target === undefined) return;
    sent.push({
      target: target.replace('AWSCognitoIdentityProviderService.', ''),
      body: request.postDataJSON() as Record<string, unknown>,
    });
  });
  return sent;
}

function offer(page: Page) {
  return page.getByRole('region', { name: 'Sign in faster next time' });
}

test('a user creates a passkey after a password sign-in, signs out, and signs in with the passkey alone', async ({
  cognito,
  signInPage,
  users,
  page,
  passkey,
}) => {
  const user = users.take('passkey');
  const watcher = watchLeaks(page, { chosenStorage: null });
  await signInPage.open(cognito, { path: CHOICE_PAGE, authFlow: 'choice' });

  await test.step('the username alone, then SELECT_CHALLENGE: codes and the password, no passkey yet', async () => {
    await expect(signInPage.password).toHaveCount(0);
    await signInPage.submitUsername(user.username);
    await signInPage.expectStep('SELECT_CHALLENGE');
    await expect(signInPage.button('Sign in with a passkey')).toHaveCount(0);
    await expectNoViolations(page, 'widget');
    await watcher.capture('factors offered');
    await signInPage.choosePassword(user.password);
    await signInPage.expectSignedIn();
  });

  await test.step('"Create a passkey": StartWebAuthnRegistration, the authenticator, CompleteWebAuthnRegistration', async () => {
    const log = requestLog(cognito);
    await expectNoViolations(page, 'widget');
    await offer(page).getByRole('button', { name: 'Create a passkey' }).click();
    await expect(offer(page).getByRole('status')).toHaveText(
      'Your passkey is ready. Next time, choose “Sign in with a passkey”.',
    );
    expect(log()).toEqual(['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration']);
    expect(await passkey.credentials()).toEqual([
      expect.objectContaining({ rpId: 'localhost', isResidentCredential: true }),
    ]);
    await watcher.capture('passkey created');
    await signInPage.signOut();
    await signInPage.expectStep('credentials');
  });

  await test.step('the passkey alone: InitiateAuth, SELECT_CHALLENGE → WEB_AUTHN, the assertion (3 requests)', async () => {
    const log = requestLog(cognito);
    await signInPage.submitUsername(user.username);
    await signInPage.chooseFactor('WEB_AUTHN');
    await signInPage.expectStep('signedIn');
    expect(log()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    // Signed in with a passkey: nothing to offer.
    await expect(offer(page)).toHaveCount(0);
    await watcher.capture('signed in with the passkey');
  });
  watcher.expectNoLeak('passkey', [user.password]);
});
