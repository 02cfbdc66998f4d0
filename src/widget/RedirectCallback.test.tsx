// @vitest-environment happy-dom
// The redirect callback hands its tokens to the session machine: signed in for useAuth and onSignedIn, then signed out.
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import { createSessionMachine, readClaims, secret, type RedirectOutput } from '../../machines/index.ts';
import { createCognitoHttp } from '../adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../adapters/deviceStore.ts';
import { createFastSrp } from '../adapters/srpFast.ts';
import { createMemoryTokenStore } from '../adapters/tokenStore.ts';
import { FederationContext, type Federation } from '../hooks/FederationContext.ts';
import { SignInProvider, type SignedInResult } from '../hooks/SignInProvider.tsx';
import { useAuth, type Auth } from '../hooks/useAuth.ts';
import { HostedSignOut } from './HostedSignOut.tsx';
import { RedirectCallback } from './RedirectCallback.tsx';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(cleanup);

/** Real tokens from the emulator, as the code exchange would return them (the exchange itself: redirectFlow.test.ts). */
async function redirectOutput(): Promise<RedirectOutput> {
  const answer = await createCognitoHttp({ endpoint: emulator.url }).call('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: DEMO_CLIENT_ID,
    AuthParameters: { USERNAME: 'srp-user', PASSWORD: DEMO_PASSWORD },
  });
  const result = answer.AuthenticationResult;
  if (result?.IdToken === undefined || result.AccessToken === undefined) throw new Error('no tokens');
  return {
    tokens: {
      idToken: secret(result.IdToken),
      accessToken: secret(result.AccessToken),
      refreshToken: result.RefreshToken === undefined ? null : secret(result.RefreshToken),
      expiresAt: emulator.clock.now() + (result.ExpiresIn ?? 3600) * 1000,
    },
    claims: readClaims(result.IdToken),
  };
}

describe('RedirectCallback', () => {
  it('signs the session in with the callback’s tokens: onSignedIn hears it, useAuth shows it, sign-out revokes and logs out of the login domain', async () => {
    const output = await redirectOutput();
    let hostedSignIn = false;
    let hostedSignOuts = 0;
    const federation: Federation = {
      providers: [],
      providerLabels: {},
      hostedOnly: false,
      takeCallbackUrl: () => 'http://localhost/callback?code=one-time&state=ours',
      loadPort: () =>
        Promise.resolve({
          begin: () => Promise.resolve(),
          complete: () => Promise.resolve(output),
          signOut: () => {
            hostedSignOuts += 1;
            return Promise.resolve();
          },
        }),
      noteHostedSignIn: () => {
        hostedSignIn = true;
      },
      takeHostedSignIn: () => {
        const noted = hostedSignIn;
        hostedSignIn = false;
        return noted;
      },
    };
    const tokens = createMemoryTokenStore();
    const logic = createSessionMachine({
      cognito: createCognitoHttp({ endpoint: emulator.url }),
      srp: createFastSrp(),
      tokens,
      devices: createMemoryDeviceStore(),
      now: () => new Date(emulator.clock.now()),
    });
    const signedIn: SignedInResult[] = [];
    const auth: { current?: Auth } = {};
    function Probe() {
      const current = useAuth();
      useEffect(() => {
        auth.current = current;
      });
      return null;
    }
    render(
      <FederationContext value={federation}>
        <SignInProvider
          logic={logic}
          input={{ userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID }}
          onSignedIn={(result) => signedIn.push(result)}
        >
          <RedirectCallback />
          <HostedSignOut />
          <Probe />
        </SignInProvider>
      </FederationContext>,
    );

    await waitFor(() => {
      expect(auth.current?.status).toBe('signedIn');
    });
    expect(auth.current?.claims?.username).toBe('srp-user');
    expect(signedIn).toHaveLength(1);
    expect(tokens.load(DEMO_CLIENT_ID)?.username).toBe('srp-user');

    const before = emulator.requests.length;
    act(() => {
      auth.current?.signOut();
    });
    await waitFor(() => {
      expect(auth.current?.status).toBe('signedOut');
    });
    expect(emulator.requests.slice(before).map((request) => request.target)).toEqual([
      'AWSCognitoIdentityProviderService.RevokeToken',
    ]);
    expect(tokens.load(DEMO_CLIENT_ID)).toBeNull();
    // The managed login domain's session ends too (its /logout).
    await waitFor(() => {
      expect(hostedSignOuts).toBe(1);
    });
  });
});
