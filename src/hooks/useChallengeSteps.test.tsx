// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TEMP_PASSWORD } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import type { SignInFlow } from '../../machines/index.ts';
import { renderWithSignIn } from './signInHarness.testkit.tsx';
import { SignInContext } from './SignInProvider.tsx';
import { useCredentialsStep } from './useCredentialsStep.ts';
import { useCustomChallengeStep } from './useCustomChallengeStep.ts';
import { useMfaSetupStep } from './useMfaSetupStep.ts';
import { useNewPasswordStep } from './useNewPasswordStep.ts';
import { useSelectMfaStep } from './useSelectMfaStep.ts';
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

/** Every step rendered since the test began, in order, without repeats. */
const seenSteps: string[] = [];
afterEach(() => {
  seenSteps.length = 0;
});

function useChallengeView() {
  const step = useSignInStep();
  if (seenSteps.at(-1) !== step) seenSteps.push(step);
  return {
    step,
    credentials: useCredentialsStep(),
    select: useSelectMfaStep(),
    setup: useMfaSetupStep(),
    newPassword: useNewPasswordStep(),
    custom: useCustomChallengeStep(),
    snapshot: SignInContext.useSelector((snapshot) => snapshot),
  };
}

async function signInAs(username: string, password = DEMO_PASSWORD, authFlow: SignInFlow = 'USER_SRP_AUTH') {
  const view = renderWithSignIn(emulator, useChallengeView, authFlow);
  await waitFor(() => {
    expect(view.result.current.step).toBe('credentials');
  });
  act(() => {
    view.result.current.credentials.submit(username, password);
  });
  return view;
}

async function expectSignedIn(current: () => ReturnType<typeof useChallengeView>) {
  await waitFor(() => {
    expect(['rememberDevice', 'signedIn']).toContain(current().step);
    // Wait for ConfirmDevice too, so no request is left in flight when the emulator stops.
    expect(current().snapshot.hasTag('busy')).toBe(false);
  }, slow);
}

describe('the challenge-step hooks against the emulator', () => {
  it('useSignInStep shows "loading" while the device is confirmed, never "signedIn" before the remember question', async () => {
    const { result } = await signInAs('srp-user');
    await waitFor(() => {
      expect(result.current.step).toBe('rememberDevice');
    }, slow);
    // seenSteps records every render (restoring, the form, ConfirmDevice, the question), so a flash of the signed-in
    // view between two polls is not missed.
    expect(seenSteps).toEqual(['loading', 'credentials', 'loading', 'rememberDevice']);
  });

  it('useSelectMfaStep offers SMS and TOTP and moves to the chosen challenge', async () => {
    const { result } = await signInAs('select-user');
    await waitFor(() => {
      expect(result.current.select.active).toBe(true);
    }, slow);
    expect([...result.current.select.options].sort()).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    act(() => {
      result.current.select.select('SOFTWARE_TOKEN_MFA');
    });
    await waitFor(() => {
      expect(result.current.step).toBe('SOFTWARE_TOKEN_MFA');
    }, slow);
  });

  it('useMfaSetupStep gives the key, the otpauth URI and a QR image, and finishes with the first code', async () => {
    const { result } = await signInAs('setup-user');
    await waitFor(() => {
      expect(result.current.setup.secretCode).toBeDefined();
    }, slow);
    const secretCode = result.current.setup.secretCode ?? '';
    expect(result.current.setup.uri).toMatch(
      new RegExp(`^otpauth://totp/[^?]+:setup-user\\?secret=${secretCode}&issuer=`),
    );
    await waitFor(() => {
      expect(result.current.setup.qrDataUrl).toMatch(/^data:image\/svg\+xml;/);
    }, slow);
    // The key is revealed only to the hook's caller: the machine's snapshot still prints it redacted.
    expect(JSON.stringify(result.current.snapshot)).not.toContain(secretCode);

    act(() => {
      result.current.setup.submit('000000');
    });
    await waitFor(() => {
      expect(result.current.setup.error).toBeDefined();
    }, slow);
    expect(result.current.setup.active).toBe(true);

    const totp = new TOTP({ secret: secretCode, digits: 6, period: 30, algorithm: 'SHA1' });
    act(() => {
      result.current.setup.submit(totp.generate({ timestamp: emulator.clock.now() }));
    });
    await expectSignedIn(() => result.current);
  });

  it('useNewPasswordStep asks for the missing required attribute and signs in with the new password', async () => {
    const { result } = await signInAs('newpass-user', DEMO_TEMP_PASSWORD);
    await waitFor(() => {
      expect(result.current.newPassword.active).toBe(true);
    }, slow);
    expect(result.current.newPassword.requiredAttributes).toEqual(['name']);
    act(() => {
      result.current.newPassword.submit('N3w!Passw0rd-hooks', { name: 'Ada Lovelace' });
    });
    expect(JSON.stringify(result.current.snapshot)).not.toContain('N3w!Passw0rd-hooks');
    await expectSignedIn(() => result.current);
  });

  it('useCustomChallengeStep shows the trigger’s question, reports a wrong answer, and accepts 42', async () => {
    const { result } = await signInAs('custom-user', DEMO_PASSWORD, 'CUSTOM_AUTH_SRP');
    await waitFor(() => {
      expect(result.current.custom.active).toBe(true);
    }, slow);
    expect(result.current.custom.question).toBe('What is 6 × 7?');
    act(() => {
      result.current.custom.submit('41');
    });
    await waitFor(() => {
      expect(result.current.custom.busy).toBe(false);
    }, slow);
    expect(result.current.step).not.toBe('signedIn');
    if (!result.current.custom.active) {
      // The demo trigger may end the attempt after a wrong answer: start again.
      act(() => {
        result.current.credentials.submit('custom-user', DEMO_PASSWORD);
      });
      await waitFor(() => {
        expect(result.current.custom.active).toBe(true);
      }, slow);
    }
    act(() => {
      result.current.custom.submit('42');
    });
    await expectSignedIn(() => result.current);
  });
});
