// @vitest-environment happy-dom
// useSelectChallengeStep against the emulator's demo pool: choice-based sign-in with a username first.
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import { lastCode } from '../../e2e/emulator/testHelpers.ts';
import { PasswordAnswerContext, type PasswordAnswer } from './PasswordAnswerContext.ts';
import { renderWithSignIn } from './signInHarness.testkit.tsx';
import { useEmailCodeStep } from './useCodeStep.ts';
import { useCredentialsStep } from './useCredentialsStep.ts';
import { useSelectChallengeStep } from './useSelectChallengeStep.ts';
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

function useChoiceView() {
  return {
    step: useSignInStep(),
    credentials: useCredentialsStep(),
    choice: useSelectChallengeStep(),
    code: useEmailCodeStep(),
  };
}

async function chooseAs(username: string, passwordAnswer: PasswordAnswer = 'PASSWORD_SRP') {
  const view = renderWithSignIn(emulator, useChoiceView, 'USER_AUTH', { preferredChallenge: null }, (children) => (
    <PasswordAnswerContext value={passwordAnswer}>{children}</PasswordAnswerContext>
  ));
  await waitFor(() => {
    expect(view.result.current.step).toBe('credentials');
  });
  act(() => {
    view.result.current.credentials.submit(username, '');
  });
  await waitFor(() => {
    expect(view.result.current.choice.active).toBe(true);
  }, slow);
  return view;
}

describe('useSelectChallengeStep', () => {
  it('offers the factors Cognito allows this user, and the password signs in by SRP', async () => {
    const { result } = await chooseAs('srp-user');
    expect(result.current.choice.options).toEqual(['EMAIL_OTP', 'PASSWORD_SRP', 'PASSWORD']);
    expect(result.current.choice.passwordChallenge).toBe('PASSWORD_SRP');
    act(() => {
      result.current.choice.submitPassword(DEMO_PASSWORD);
    });
    await waitFor(() => {
      expect(['rememberDevice', 'signedIn']).toContain(result.current.step);
    }, slow);
  });

  it('answers PASSWORD, the password itself, where the provider prefers the plain-password flow (issue 20)', async () => {
    const start = emulator.requests.length;
    const { result } = await chooseAs('srp-user', 'PASSWORD');
    expect(result.current.choice.passwordChallenge).toBe('PASSWORD');
    act(() => {
      result.current.choice.submitPassword(DEMO_PASSWORD);
    });
    await waitFor(() => {
      expect(['rememberDevice', 'signedIn']).toContain(result.current.step);
    }, slow);
    // No PASSWORD_VERIFIER round: InitiateAuth, then the one RespondToAuthChallenge that carries the password.
    const answers = emulator.requests.slice(start).filter((entry) => entry.target.endsWith('.RespondToAuthChallenge'));
    expect(answers).toHaveLength(1);
  });

  it('"Email me a code" moves to the EMAIL_OTP step, and the code signs in', async () => {
    const { result } = await chooseAs('email-user');
    act(() => {
      result.current.choice.select('EMAIL_OTP');
    });
    await waitFor(() => {
      expect(result.current.step).toBe('EMAIL_OTP');
    }, slow);
    act(() => {
      result.current.code.submit(lastCode(emulator, 'email-user'));
    });
    await waitFor(() => {
      expect(['rememberDevice', 'signedIn']).toContain(result.current.step);
    }, slow);
  });
});
