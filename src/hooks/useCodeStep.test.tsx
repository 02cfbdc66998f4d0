// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import { renderWithSignIn } from './signInHarness.testkit.tsx';
import { SignInContext } from './SignInProvider.tsx';
import { useCredentialsStep } from './useCredentialsStep.ts';
import { useEmailCodeStep, useSmsCodeStep, useTotpCodeStep } from './useCodeStep.ts';
import { useSessionExpiredStep } from './useSessionExpiredStep.ts';
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

function useCodeView() {
  return {
    step: useSignInStep(),
    credentials: useCredentialsStep(),
    sms: useSmsCodeStep(),
    totp: useTotpCodeStep(),
    email: useEmailCodeStep(),
    expired: useSessionExpiredStep(),
    snapshot: SignInContext.useSelector((snapshot) => snapshot),
  };
}

async function signInAs(username: string) {
  const view = renderWithSignIn(emulator, useCodeView);
  await waitFor(() => {
    expect(view.result.current.step).toBe('credentials');
  });
  act(() => {
    view.result.current.credentials.submit(username, DEMO_PASSWORD);
  });
  return view;
}

function latestCode(username: string): string {
  const message = emulator.outbox.findLast((sent) => sent.username === username);
  if (message === undefined) throw new Error(`no code was sent to ${username}`);
  return message.code;
}

describe('the code-step hooks against the emulator', () => {
  it('useSmsCodeStep shows the masked phone, reports a wrong code and accepts the code from the outbox', async () => {
    const { result } = await signInAs('sms-user');
    await waitFor(() => {
      expect(result.current.sms.active).toBe(true);
    }, slow);
    expect(result.current.sms.destination).toMatch(/^\+\*+0100$/);
    expect(result.current.totp.active).toBe(false);

    act(() => {
      result.current.sms.submit('000000');
    });
    await waitFor(() => {
      expect(result.current.sms.error?.code).toBe('CodeMismatchException');
    }, slow);
    expect(result.current.sms.active).toBe(true);

    const code = latestCode('sms-user');
    act(() => {
      result.current.sms.submit(code);
    });
    expect(JSON.stringify(result.current.snapshot)).not.toContain(code);
    await waitFor(() => {
      expect(['rememberDevice', 'signedIn']).toContain(result.current.step);
      // Wait for ConfirmDevice too, so no request is left in flight when the emulator stops.
      expect(result.current.snapshot.hasTag('busy')).toBe(false);
    }, slow);
  });

  it('useTotpCodeStep accepts the current code of the authenticator app and has no destination', async () => {
    const { result } = await signInAs('totp-user');
    await waitFor(() => {
      expect(result.current.totp.active).toBe(true);
    }, slow);
    expect(result.current.totp.destination).toBeUndefined();
    const totp = new TOTP({ secret: DEMO_TOTP_SECRET, digits: 6, period: 30, algorithm: 'SHA1' });
    act(() => {
      result.current.totp.submit(totp.generate({ timestamp: emulator.clock.now() }));
    });
    await waitFor(() => {
      expect(['rememberDevice', 'signedIn']).toContain(result.current.step);
      // Wait for ConfirmDevice too, so no request is left in flight when the emulator stops.
      expect(result.current.snapshot.hasTag('busy')).toBe(false);
    }, slow);
  });

  it('useEmailCodeStep shows the masked address and accepts the emailed code', async () => {
    const { result } = await signInAs('email-user');
    await waitFor(() => {
      expect(result.current.email.active).toBe(true);
    }, slow);
    expect(result.current.email.destination).toBeDefined();
    expect(result.current.email.destination).not.toBe('email-user@example.com');
    act(() => {
      result.current.email.submit(latestCode('email-user'));
    });
    await waitFor(() => {
      expect(['rememberDevice', 'signedIn']).toContain(result.current.step);
      // Wait for ConfirmDevice too, so no request is left in flight when the emulator stops.
      expect(result.current.snapshot.hasTag('busy')).toBe(false);
    }, slow);
  });

  it('cancel returns to the credentials step with the username kept', async () => {
    const { result } = await signInAs('sms-user');
    await waitFor(() => {
      expect(result.current.sms.active).toBe(true);
    }, slow);
    act(() => {
      result.current.sms.cancel();
    });
    expect(result.current.step).toBe('credentials');
    expect(result.current.credentials.username).toBe('sms-user');
  });

  it('useSessionExpiredStep turns on when the Session has expired, and restart goes back to credentials', async () => {
    const { result } = await signInAs('totp-user');
    await waitFor(() => {
      expect(result.current.totp.active).toBe(true);
    }, slow);
    // Sessions last 3 to 15 minutes; step the emulator's clock past any of them.
    emulator.clock.advance(20 * 60);
    act(() => {
      result.current.totp.submit('123456');
    });
    await waitFor(() => {
      expect(result.current.expired.active).toBe(true);
    }, slow);
    expect(result.current.step).toBe('sessionExpired');
    act(() => {
      result.current.expired.restart();
    });
    expect(result.current.step).toBe('credentials');
    expect(result.current.credentials.username).toBe('totp-user');
  });
});
