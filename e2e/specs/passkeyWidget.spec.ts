// Passkeys and choice-based sign-in in the real widget, in Chromium with the kit's virtual authenticator. The page
// runs on localhost: the demo pool's RelyingPartyId (browsers refuse an IP address as RP id).
import { SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page, Request } from '@playwright/test';
import { passkeyFixtures, type Cognito, type SignInPage } from '../kit/index.ts';
import { expectNoViolations } from './axe.ts';
import { demoPort } from './demoBuild.ts';
import { expect, test as base, uniqueUsername } from './fixtures.ts';

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

/** The labels of SELECT_CHALLENGE's factor buttons, in order. */
async function offeredFactors(page: Page): Promise<string[]> {
  return page.getByRole('group', { name: 'Choose how to sign in' }).getByRole('button').allInnerTexts();
}

/** Signed in, answering "Remember this device?" with "Not now" when a new device is asked about. */
async function expectSignedIn(signInPage: SignInPage): Promise<void> {
  const remember = signInPage.heading('rememberDevice');
  await remember.or(signInPage.heading('signedIn')).waitFor();
  if (await remember.isVisible()) await signInPage.rememberDevice(false);
  await signInPage.expectStep('signedIn');
}

/** The sign-in calls only (no device confirmation or account calls): what the protocol minimum counts. */
function signInCalls(log: readonly string[]): string[] {
  return log.filter((target) => target === 'InitiateAuth' || target === 'RespondToAuthChallenge');
}

/** Password sign-in in the choice flow, then "Create a passkey" in the signed-in view; ends signed out. */
async function createPasskey(page: Page, signInPage: SignInPage, username: string, password: string): Promise<void> {
  await signInPage.submitUsername(username);
  await signInPage.choosePassword(password);
  await expectSignedIn(signInPage);
  await offer(page).getByRole('button', { name: 'Create a passkey' }).click();
  await expect(offer(page).getByRole('status')).toHaveText(/Your passkey is ready/, {
    timeout: signInPage.stepTimeout,
  });
  await signInPage.signOut();
  await signInPage.expectStep('credentials');
}

/** Holds the widget's WEB_AUTHN answer until `meanwhile` has run (the passkey deleted, the pool changed). */
async function holdAssertion(page: Page, meanwhile: () => Promise<void>, replace?: string): Promise<void> {
  await page.route(
    (url) => url.port !== String(demoPort),
    async (route) => {
      const body = route.request().postDataJSON() as { ChallengeName?: string; ChallengeResponses?: object } | null;
      if (body?.ChallengeName !== 'WEB_AUTHN') {
        await route.continue();
        return;
      }
      await meanwhile();
      const postData =
        replace === undefined
          ? undefined
          : JSON.stringify({ ...body, ChallengeResponses: { ...body.ChallengeResponses, CREDENTIAL: replace } });
      await route.continue(postData === undefined ? {} : { postData });
    },
  );
}

test('a user creates a passkey after a password sign-in, signs out, signs in with the passkey alone, and deletes it', async ({
  cognito,
  signInPage,
  users,
  page,
  passkey,
  clock,
}) => {
  const user = users.take('passkey');
  await signInPage.open(cognito, { path: CHOICE_PAGE, authFlow: 'choice' });

  await test.step('the username alone, then SELECT_CHALLENGE: codes and the password, no passkey yet', async () => {
    await expect(signInPage.password).toHaveCount(0);
    await signInPage.submitUsername(user.username);
    await signInPage.expectStep('SELECT_CHALLENGE');
    await expect(signInPage.button('Sign in with a passkey')).toHaveCount(0);
    await expectNoViolations(page, 'widget');
    await signInPage.choosePassword(user.password);
    await signInPage.expectSignedIn();
  });

  await test.step('"Create a passkey": StartWebAuthnRegistration, the authenticator, CompleteWebAuthnRegistration', async () => {
    const log = requestLog(cognito);
    await expectNoViolations(page, 'widget');
    await offer(page).getByRole('button', { name: 'Create a passkey' }).click();
    // A round trip, the authenticator and another round trip: as slow as a sign-in step on a busy machine.
    await expect(offer(page).getByRole('status')).toHaveText(
      'Your passkey is ready. Next time, choose “Sign in with a passkey”.',
      { timeout: signInPage.stepTimeout },
    );
    expect(log()).toEqual(['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration']);
    expect(await passkey.credentials()).toEqual([
      expect.objectContaining({ rpId: 'localhost', isResidentCredential: true }),
    ]);
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
  });

  await test.step('<AccountSettings> lists the passkey (name, created date) and deletes it', async () => {
    const section = page.getByRole('region', { name: 'Passkeys', exact: true });
    const log = requestLog(cognito);
    await section.getByRole('button', { name: 'Show passkeys' }).click();
    // The created date is the emulator's (an earlier test in this worker may have moved its clock past midnight).
    const today = await page.evaluate((now) => new Date(now).toLocaleDateString(), clock.now());
    await expect(section.getByRole('listitem')).toHaveCount(1);
    await expect(section.getByRole('listitem')).toContainText(`Passkey 1Created ${today}`);
    await expectNoViolations(page, 'widget');
    await section.getByRole('button', { name: 'Delete Passkey 1' }).click();
    await expect(section.getByRole('status')).toHaveText('The passkey was deleted.');
    await expect(section.getByText('No passkeys yet.')).toBeVisible();
    expect(log().filter((target) => target.includes('WebAuthn'))).toEqual([
      'ListWebAuthnCredentials',
      'DeleteWebAuthnCredential',
      'ListWebAuthnCredentials',
    ]);
    await signInPage.signOut();
    await signInPage.submitUsername(user.username);
    await signInPage.expectStep('SELECT_CHALLENGE');
    expect(await offeredFactors(page)).toEqual(['Email me a code']);
  });
});

test('SELECT_CHALLENGE offers exactly the factors the pool and user allow, and each signs in', async ({
  cognito,
  signInPage,
  users,
  outbox,
  page,
}) => {
  // Email and phone verified, no passkey: the pool's PASSWORD, EMAIL_OTP and SMS_OTP, not WEB_AUTHN.
  const user = users.take('passwordless');
  const sent = sentBodies(page);
  await signInPage.open(cognito, { path: CHOICE_PAGE, authFlow: 'choice' });

  await test.step('EMAIL_OTP: "Email me a code", the emailed code (3 requests)', async () => {
    const log = requestLog(cognito);
    await signInPage.submitUsername(user.username);
    await signInPage.expectStep('SELECT_CHALLENGE');
    expect(await offeredFactors(page)).toEqual(['Email me a code', 'Text me a code']);
    await expect(signInPage.button('Use my password')).toBeVisible();
    await signInPage.chooseFactor('EMAIL_OTP');
    await signInPage.expectStep('EMAIL_OTP');
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'EMAIL' }));
    await expectSignedIn(signInPage);
    expect(signInCalls(log())).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    await signInPage.signOut();
  });

  await test.step('SMS_OTP: "Text me a code", the texted code (3 requests)', async () => {
    const log = requestLog(cognito);
    await signInPage.submitUsername(user.username);
    await signInPage.chooseFactor('SMS_OTP');
    await signInPage.expectStep('SMS_MFA');
    await signInPage.submitCode(await outbox.waitForCode(user.username, { channel: 'SMS' }));
    await expectSignedIn(signInPage);
    expect(signInCalls(log())).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    await signInPage.signOut();
  });

  await test.step('"Use my password": PASSWORD_SRP with SRP_A, then PASSWORD_VERIFIER; the password never sent (3 requests)', async () => {
    const log = requestLog(cognito);
    const from = sent.length;
    await signInPage.submitUsername(user.username);
    await signInPage.choosePassword(user.password);
    await expectSignedIn(signInPage);
    expect(signInCalls(log())).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    const answers = sent.slice(from).filter((call) => call.target === 'RespondToAuthChallenge');
    expect(answers.map((call) => call.body.ChallengeName)).toEqual(['SELECT_CHALLENGE', 'PASSWORD_VERIFIER']);
    expect(answers[0]?.body.ChallengeResponses).toMatchObject({ ANSWER: 'PASSWORD_SRP', SRP_A: expect.any(String) });
    expect(JSON.stringify(sent)).not.toContain(user.password);
  });
});

test('without the passkeys module, choice sign-in offers no passkey even to a user who has one, and the other factors still sign in', async ({
  cognito,
  signInPage,
  users,
  page,
  passkey,
}) => {
  const user = users.take('passkey');
  await signInPage.open(cognito, { path: CHOICE_PAGE, authFlow: 'choice' });
  await createPasskey(page, signInPage, user.username, user.password);
  expect(await passkey.credentials()).toHaveLength(1);

  // The same page as an app that does not import cognito-xstate/passkeys (the demo's `?passkeys=off`).
  const query = new URLSearchParams({ userPoolId: cognito.userPoolId, clientId: cognito.clientId, authFlow: 'choice' });
  if (cognito.endpoint !== undefined) query.set('endpoint', cognito.endpoint);
  query.set('passkeys', 'off');
  await page.goto(`${CHOICE_PAGE}?${query.toString()}`);
  await signInPage.expectStep('credentials');
  const log = requestLog(cognito);
  const initiated = page.waitForResponse(
    (response) => response.request().headers()['x-amz-target']?.endsWith('.InitiateAuth') === true,
  );
  await signInPage.submitUsername(user.username);
  await signInPage.expectStep('SELECT_CHALLENGE');
  // Cognito offers WEB_AUTHN to this user; the widget leaves it out, and offers no "Create a passkey" either.
  const answer = (await (await initiated).json()) as { AvailableChallenges?: string[] };
  expect(answer.AvailableChallenges).toContain('WEB_AUTHN');
  expect(await offeredFactors(page)).not.toContain('Sign in with a passkey');
  await signInPage.choosePassword(user.password);
  await expectSignedIn(signInPage);
  await expect(offer(page)).toHaveCount(0);
  expect(signInCalls(log())).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
});

test('with the plain-password flow configured, "Use my password" answers PASSWORD and signs in (2 requests, issue 20)', async ({
  cognito,
  signInPage,
  users,
  page,
}) => {
  // config.signInFlow 'choice' with authFlow USER_PASSWORD_AUTH: the integrator chose the password over TLS.
  const user = users.take('passwordless');
  const sent = sentBodies(page);
  await signInPage.open(cognito, { path: CHOICE_PAGE, authFlow: 'choice-password' });
  const log = requestLog(cognito);
  await signInPage.submitUsername(user.username);
  await signInPage.choosePassword(user.password);
  await expectSignedIn(signInPage);
  expect(signInCalls(log())).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  const answers = sent.filter((call) => call.target === 'RespondToAuthChallenge');
  expect(answers.map((call) => call.body.ChallengeName)).toEqual(['SELECT_CHALLENGE']);
  expect(answers[0]?.body.ChallengeResponses).toMatchObject({ ANSWER: 'PASSWORD', PASSWORD: user.password });
  expect(answers[0]?.body.ChallengeResponses).not.toHaveProperty('SRP_A');
});

test('a closed passkey dialog waits for a retry; a replayed assertion, a passkey of another RP id and a deleted passkey are refused', async ({
  cognito,
  signInPage,
  users,
  page,
  passkey,
  admin,
}) => {
  const user = users.take('passkey');
  const sent = sentBodies(page);
  await signInPage.open(cognito, { path: CHOICE_PAGE, authFlow: 'choice' });
  await createPasskey(page, signInPage, user.username, user.password);
  const [credential] = await passkey.credentials();
  if (credential === undefined) throw new Error('no passkey was created');
  const wrongCredentials = signInPage.messages.errors.NotAuthorizedException ?? '';

  const assertion = await test.step('a passkey sign-in (its assertion kept by an attacker)', async () => {
    await signInPage.submitUsername(user.username);
    await signInPage.chooseFactor('WEB_AUTHN');
    await signInPage.expectStep('signedIn');
    await signInPage.signOut();
    const answer = sent.find((call) => call.body.ChallengeName === 'WEB_AUTHN')?.body.ChallengeResponses;
    return (answer as { CREDENTIAL: string }).CREDENTIAL;
  });

  await test.step('the replayed assertion: NotAuthorizedException, back to the username', async () => {
    await holdAssertion(page, () => Promise.resolve(), assertion);
    await signInPage.submitUsername(user.username);
    await signInPage.chooseFactor('WEB_AUTHN');
    await signInPage.expectStep('credentials');
    await expect(signInPage.alert).toHaveText(wrongCredentials);
    await page.unrouteAll();
  });

  await test.step('a closed dialog (NotAllowedError): WEB_AUTHN waits, "Try the passkey again" signs in', async () => {
    // Taken off as it is now: put back with an older signature counter, it would look cloned and be refused.
    const [current] = await passkey.credentials();
    if (current === undefined) throw new Error('the passkey is gone');
    await passkey.remove(current.credentialId);
    const log = requestLog(cognito);
    await signInPage.submitUsername(user.username);
    await signInPage.chooseFactor('WEB_AUTHN');
    await signInPage.expectStep('WEB_AUTHN');
    await expect(signInPage.alert).toHaveText(signInPage.messages.errors.NotAllowedError ?? '');
    await expectNoViolations(page, 'widget');
    await passkey.add(current);
    await signInPage.button(signInPage.messages.passkeyRetry).click();
    await signInPage.expectStep('signedIn');
    // The retry answers the same challenge in the same Session: no request more than a passkey sign-in.
    expect(signInCalls(log())).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    await signInPage.signOut();
  });

  await test.step('the pool moved to another RP id while the browser signed: refused', async () => {
    const setRpId = (RelyingPartyId: string) =>
      admin.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: cognito.userPoolId,
          WebAuthnConfiguration: { RelyingPartyId, UserVerification: 'preferred' },
        }),
      );
    try {
      await holdAssertion(page, () => setRpId('example.com').then(() => undefined));
      await signInPage.submitUsername(user.username);
      await signInPage.chooseFactor('WEB_AUTHN');
      await signInPage.expectStep('credentials');
      await expect(signInPage.alert).toHaveText(wrongCredentials);
    } finally {
      await setRpId('localhost');
      await page.unrouteAll();
    }
  });

  await test.step('the passkey deleted while the browser signed: refused', async () => {
    await holdAssertion(page, async () => {
      const call = (target: string, body: object) =>
        fetch(cognito.endpoint ?? '', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-amz-json-1.1',
            'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
          },
          body: JSON.stringify(body),
        }).then((response) => response.json() as Promise<Record<string, unknown>>);
      const signedIn = await call('InitiateAuth', {
        AuthFlow: 'USER_AUTH',
        ClientId: cognito.clientId,
        AuthParameters: { USERNAME: user.username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: user.password },
      });
      const AccessToken = (signedIn.AuthenticationResult as { AccessToken: string }).AccessToken;
      const { Credentials } = (await call('ListWebAuthnCredentials', { AccessToken })) as {
        Credentials: { CredentialId: string }[];
      };
      expect(Credentials).toHaveLength(1);
      for (const { CredentialId } of Credentials) {
        const deleted = await call('DeleteWebAuthnCredential', { AccessToken, CredentialId });
        expect(deleted).toEqual({});
      }
    });
    await signInPage.submitUsername(user.username);
    await signInPage.chooseFactor('WEB_AUTHN');
    await signInPage.expectStep('credentials');
    await expect(signInPage.alert).toHaveText(wrongCredentials);
    await page.unrouteAll();
  });

  await test.step('with the passkey gone, SELECT_CHALLENGE no longer offers one', async () => {
    await signInPage.submitUsername(user.username);
    await signInPage.expectStep('SELECT_CHALLENGE');
    expect(await offeredFactors(page)).toEqual(['Email me a code']);
  });
});

test('sign-up, confirm, and signed in with ConfirmSignUp’s Session: no password typed again or sent', async ({
  cognito,
  signInPage,
  outbox,
  page,
}) => {
  const username = uniqueUsername('passkey-newcomer');
  const password = 'Br4nd!new-passkey';
  const sent = sentBodies(page);
  await signInPage.open(cognito, { path: CHOICE_PAGE, authFlow: 'choice' });
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Full name').fill('New Comer');
  await page.getByLabel('Password').fill(password);
  const log = requestLog(cognito);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
  await page.getByLabel('Code').fill(await outbox.waitForCode(username, { channel: 'EMAIL' }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectSignedIn(signInPage);
  // SignUp, ConfirmSignUp, and one InitiateAuth USER_AUTH carrying the Session: the protocol minimum.
  expect(log().slice(0, 3)).toEqual(['SignUp', 'ConfirmSignUp', 'InitiateAuth']);
  const initiate = sent.find((call) => call.target === 'InitiateAuth')?.body;
  expect(initiate).toMatchObject({ AuthFlow: 'USER_AUTH', Session: expect.any(String) });
  expect(JSON.stringify(initiate)).not.toContain(password);
  expect(JSON.stringify(sent.filter((call) => call.target !== 'SignUp'))).not.toContain(password);
  // A new user is offered a passkey right away.
  await expect(offer(page).getByRole('button', { name: 'Create a passkey' })).toBeVisible();
});
