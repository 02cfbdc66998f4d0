// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import { renderWithSignIn } from './signInHarness.testkit.tsx';
import { SessionContext, SignInContext } from './SignInProvider.tsx';
import { freshTokens, useAuth } from './useAuth.ts';
import { useCredentialsStep } from './useCredentialsStep.ts';
import { useRememberDeviceStep } from './useRememberDeviceStep.ts';
import { useSignInStep } from './useSignInStep.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(cleanup);

const slow = { timeout: 5000 };

function useCredentialsView() {
  return {
    step: useSignInStep(),
    credentials: useCredentialsStep(),
    remember: useRememberDeviceStep(),
    auth: useAuth(),
    snapshot: SignInContext.useSelector((snapshot) => snapshot),
    session: SessionContext.useActorRef(),
  };
}

describe('useCredentialsStep, useRememberDeviceStep and useAuth against the emulator', () => {
  it('signs srp-user in, asks to remember the device, and exposes claims and fresh tokens', async () => {
    const { result } = renderWithSignIn(emulator, useCredentialsView);
    await waitFor(() => {
      expect(result.current.step).toBe('credentials');
    });
    expect(result.current.credentials.active).toBe(true);
    expect(result.current.auth.status).toBe('signedOut');

    act(() => {
      result.current.credentials.submit('srp-user', DEMO_PASSWORD);
    });
    expect(result.current.credentials.busy).toBe(true);
    // The password went in wrapped: nothing in the machine's snapshot prints it.
    expect(JSON.stringify(result.current.snapshot)).not.toContain(DEMO_PASSWORD);

    await waitFor(() => {
      expect(result.current.step).toBe('rememberDevice');
    }, slow);
    expect(result.current.remember.active).toBe(true);
    act(() => {
      result.current.remember.remember(false);
    });
    await waitFor(() => {
      expect(result.current.step).toBe('signedIn');
    }, slow);

    expect(result.current.auth.status).toBe('signedIn');
    expect(result.current.auth.claims?.username).toBe('srp-user');
    expect(result.current.auth.idTokenClaims?.['cognito:username']).toBe('srp-user');
    const accessToken = await result.current.auth.getAccessToken();
    expect(accessToken.split('.')).toHaveLength(3);
    expect(JSON.stringify(result.current.snapshot)).not.toContain(accessToken);
  });

  it('reports a wrong password as NotAuthorizedException on the credentials step', async () => {
    const { result } = renderWithSignIn(emulator, useCredentialsView);
    await waitFor(() => {
      expect(result.current.step).toBe('credentials');
    });
    act(() => {
      result.current.credentials.submit('srp-user', 'wrong-password');
    });
    await waitFor(() => {
      expect(result.current.credentials.error?.code).toBe('NotAuthorizedException');
    }, slow);
    expect(result.current.credentials.busy).toBe(false);
    expect(result.current.step).toBe('credentials');
  });

  it('cancel stops a sign-in in flight: the form is back, not busy, username kept, and nobody is signed in', async () => {
    const { result } = renderWithSignIn(emulator, useCredentialsView);
    await waitFor(() => {
      expect(result.current.step).toBe('credentials');
    });
    act(() => {
      result.current.credentials.submit('srp-user', DEMO_PASSWORD);
    });
    expect(result.current.credentials.busy).toBe(true);
    act(() => {
      result.current.credentials.cancel();
    });
    expect(result.current.credentials.busy).toBe(false);
    expect(result.current.credentials.active).toBe(true);
    expect(result.current.credentials.username).toBe('srp-user');
    expect(result.current.snapshot.matches('credentials')).toBe(true);
    expect(result.current.auth.status).not.toBe('signedIn');
  });

  it('signs out to the credentials step, keeps the username, and lets the user sign in again', async () => {
    const { result } = renderWithSignIn(emulator, useCredentialsView);
    await waitFor(() => {
      expect(result.current.step).toBe('credentials');
    });
    act(() => {
      result.current.credentials.submit('srp-user', DEMO_PASSWORD);
    });
    await waitFor(() => {
      expect(result.current.step).toBe('rememberDevice');
    }, slow);
    act(() => {
      result.current.remember.remember(false);
    });
    await waitFor(() => {
      expect(result.current.auth.status).toBe('signedIn');
    }, slow);
    act(() => {
      result.current.auth.signOut();
    });
    await waitFor(() => {
      expect(result.current.auth.status).toBe('signedOut');
    }, slow);
    expect(result.current.step).toBe('credentials');
    expect(result.current.credentials.username).toBe('srp-user');
    await expect(result.current.auth.getAccessToken()).rejects.toMatchObject({ code: 'NotSignedIn' });

    act(() => {
      result.current.credentials.submit('srp-user', DEMO_PASSWORD);
    });
    await waitFor(() => {
      expect(['rememberDevice', 'signedIn']).toContain(result.current.step);
      // Wait for ConfirmDevice too, so no request is left in flight when the emulator stops.
      expect(result.current.snapshot.hasTag('busy')).toBe(false);
    }, slow);
  });

  it('refreshes the tokens (REFRESH_TOKEN_AUTH) before handing out one that is about to expire', async () => {
    const { result } = renderWithSignIn(emulator, useCredentialsView, 'USER_SRP_AUTH', { refresh: 'legacy' });
    await waitFor(() => {
      expect(result.current.step).toBe('credentials');
    });
    act(() => {
      result.current.credentials.submit('srp-user', DEMO_PASSWORD);
    });
    await waitFor(() => {
      expect(result.current.step).toBe('rememberDevice');
    }, slow);
    act(() => {
      result.current.remember.remember(false);
    });
    await waitFor(() => {
      expect(result.current.auth.status).toBe('signedIn');
    }, slow);
    const first = await result.current.auth.getAccessToken();
    // 58 minutes later by the emulator's clock, the hour-long access token is inside the refresh margin.
    emulator.clock.advance(58 * 60);
    const before = emulator.requests.length;
    const refreshed = await freshTokens(result.current.session, () => emulator.clock.now());
    expect(emulator.requests.slice(before).map((request) => request.target)).toContain(
      'AWSCognitoIdentityProviderService.InitiateAuth',
    );
    expect(refreshed.accessToken.reveal()).not.toBe(first);
    expect(refreshed.expiresAt).toBeGreaterThan(emulator.clock.now() + 50 * 60 * 1000);
  });
});
