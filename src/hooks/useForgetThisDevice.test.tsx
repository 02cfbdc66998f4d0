// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import { renderWithSignIn } from './signInHarness.testkit.tsx';
import { SessionContext } from './SignInProvider.tsx';
import { useCredentialsStep } from './useCredentialsStep.ts';
import { useForgetThisDevice } from './useForgetThisDevice.ts';
import { useRememberDeviceStep } from './useRememberDeviceStep.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(cleanup);

const slow = { timeout: 5000 };

function useView() {
  return {
    credentials: useCredentialsStep(),
    remember: useRememberDeviceStep(),
    forgetThisDevice: useForgetThisDevice(),
    idle: SessionContext.useSelector((snapshot) => snapshot.matches({ signedIn: 'active' })),
  };
}

describe('useForgetThisDevice against the emulator', () => {
  it('is not offered before sign-in, is offered once the device is confirmed, and ForgetDevice withdraws it', async () => {
    const { result } = renderWithSignIn(emulator, useView);
    await waitFor(() => {
      expect(result.current.credentials.active).toBe(true);
    }, slow);
    expect(result.current.forgetThisDevice.available).toBe(false);

    act(() => {
      result.current.credentials.submit('srp-user', DEMO_PASSWORD);
    });
    await waitFor(() => {
      expect(result.current.remember.active).toBe(true);
    }, slow);
    act(() => {
      result.current.remember.remember(true);
    });
    await waitFor(() => {
      expect(result.current.forgetThisDevice.available).toBe(true);
    }, slow);
    const before = emulator.requests.length;

    act(() => {
      result.current.forgetThisDevice.forget();
    });
    await waitFor(() => {
      expect(result.current.forgetThisDevice.available).toBe(false);
      expect(result.current.idle).toBe(true);
    }, slow);
    expect(result.current.forgetThisDevice.error).toBeUndefined();
    expect(emulator.requests.slice(before).map((request) => request.target)).toEqual([
      'AWSCognitoIdentityProviderService.ForgetDevice',
    ]);
  });
});
