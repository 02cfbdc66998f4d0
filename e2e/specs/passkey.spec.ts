// The kit's `passkey` fixture: Chromium's virtual authenticator registers a passkey with the emulator and signs in
// with it alone, from a bare test page (served by a route on the emulator's origin) calling navigator.credentials
// and fetch; the widget's passkey flow comes later.
import { passkeyFixtures } from '../kit/index.ts';
import { expect, test as base } from './fixtures.ts';

const test = base.extend(passkeyFixtures);

/** Runs in the page: one AWS JSON 1.1 call to the emulator, as a browser app would make it. */
async function callInPage(endpoint: string, target: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${target}: ${JSON.stringify(json)}`);
  return json;
}

test('a passkey registered after a password sign-in signs the user in alone', async ({
  page,
  passkey,
  cognito,
  users,
}) => {
  // The page and the emulator share one origin on localhost, the demo pool's RP id (browsers refuse an IP address).
  const endpoint = (cognito.endpoint ?? '').replace('127.0.0.1', 'localhost');
  const PAGE = `${endpoint}/passkey-test`;
  const { clientId } = cognito;
  const user = users.take('srp');
  await page.route(PAGE, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>passkeys</title>' }),
  );
  await page.goto(PAGE);
  await page.evaluate(`window.callCognito = ${callInPage.toString()}`);

  await test.step('password sign-in, then StartWebAuthnRegistration → create() → CompleteWebAuthnRegistration', async () => {
    await page.evaluate(
      async ({ endpoint, clientId, username, password }) => {
        const call = (window as unknown as { callCognito: typeof callInPage }).callCognito;
        const signedIn = await call(endpoint, 'InitiateAuth', {
          AuthFlow: 'USER_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password },
        });
        const AccessToken = (signedIn.AuthenticationResult as { AccessToken: string }).AccessToken;
        const started = await call(endpoint, 'StartWebAuthnRegistration', { AccessToken });
        const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(
          started.CredentialCreationOptions as PublicKeyCredentialCreationOptionsJSON,
        );
        const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
        await call(endpoint, 'CompleteWebAuthnRegistration', { AccessToken, Credential: credential.toJSON() });
      },
      { endpoint, clientId, username: user.username, password: user.password },
    );
    const stored = await passkey.credentials();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
  });

  await test.step('USER_AUTH offers WEB_AUTHN; get() answers it and tokens come back', async () => {
    const outcome = await page.evaluate(
      async ({ endpoint, clientId, username }) => {
        const call = (window as unknown as { callCognito: typeof callInPage }).callCognito;
        const select = await call(endpoint, 'InitiateAuth', {
          AuthFlow: 'USER_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username },
        });
        const challenge = await call(endpoint, 'RespondToAuthChallenge', {
          ClientId: clientId,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: select.Session,
          ChallengeResponses: { USERNAME: username, ANSWER: 'WEB_AUTHN' },
        });
        const parameters = challenge.ChallengeParameters as { CREDENTIAL_REQUEST_OPTIONS: string };
        const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(
          JSON.parse(parameters.CREDENTIAL_REQUEST_OPTIONS) as PublicKeyCredentialRequestOptionsJSON,
        );
        const assertion = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
        const done = await call(endpoint, 'RespondToAuthChallenge', {
          ClientId: clientId,
          ChallengeName: 'WEB_AUTHN',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(assertion.toJSON()) },
        });
        return {
          available: select.AvailableChallenges as string[],
          challengeName: challenge.ChallengeName,
          signedIn: typeof (done.AuthenticationResult as { IdToken?: string } | undefined)?.IdToken === 'string',
        };
      },
      { endpoint, clientId, username: user.username },
    );
    expect(outcome).toEqual({
      available: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'],
      challengeName: 'WEB_AUTHN',
      signedIn: true,
    });
    expect((await passkey.credentials())[0]?.signCount).toBeGreaterThan(0);
  });
});
