// @vitest-environment happy-dom
// The account hooks (one per action) against the emulator: ChangePassword, attributes + verification, TOTP + MFA preference, devices.
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoPool, DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import { createTotp } from '../../e2e/kit/totp.ts';
import { createSessionMachine } from '../../machines/index.ts';
import { createCognitoHttp } from '../adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../adapters/deviceStore.ts';
import { createFastSrp } from '../adapters/srpFast.ts';
import { createMemoryTokenStore } from '../adapters/tokenStore.ts';
import { SessionContext, SignInProvider } from './SignInProvider.tsx';
import { AccountActorContext, AccountProvider } from './useAccountActor.tsx';
import { useAuth } from './useAuth.ts';
import { useChangePassword } from './useChangePassword.ts';
import { useCredentialsStep } from './useCredentialsStep.ts';
import { useMfaPreference } from './useMfaPreference.ts';
import { useRememberDeviceStep } from './useRememberDeviceStep.ts';
import { useRememberedDevices } from './useRememberedDevices.ts';
import { useTotpEnrolment } from './useTotpEnrolment.ts';
import { useUpdateUserAttributes } from './useUpdateUserAttributes.ts';
import { useVerifyUserAttribute } from './useVerifyUserAttribute.ts';

const USERS = ['pw-user', 'attr-user', 'totp-enrol-user', 'devices-user'] as const;
const NEW_PASSWORD = 'N3w-passw0rd!';
// Each test signs in with SRP first; a loaded 2-core runner can stretch a step well past a second.
const slow = { timeout: 15_000 };

let emulator: Emulator;
beforeAll(async () => {
  const pool = demoPool();
  const users = USERS.map((username) => ({
    Username: username,
    Password: DEMO_PASSWORD,
    Attributes: { email: `${username}@example.com`, email_verified: 'true' },
  }));
  emulator = await startEmulator({ config: { Pools: [{ ...pool, Users: [...(pool.Users ?? []), ...users] }] } });
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(cleanup);

function useAccountView() {
  return {
    password: useChangePassword(),
    attributes: useUpdateUserAttributes(),
    verify: useVerifyUserAttribute(),
    totp: useTotpEnrolment(),
    preference: useMfaPreference(),
    devices: useRememberedDevices(),
    idle: AccountActorContext.useSelector((snapshot) => snapshot.matches('idle')),
    account: AccountActorContext.useSelector((snapshot) => snapshot),
    signIn: SessionContext.useSelector((snapshot) => snapshot),
  };
}

type AccountView = ReturnType<typeof useAccountView>;

/** Signs `username` in through the real sign-in actor (remembering the device), then mounts the account hooks. */
async function signInWithAccount(username: string): Promise<{ readonly current: AccountView }> {
  const view: { current?: AccountView } = {};
  const gate: {
    credentials?: ReturnType<typeof useCredentialsStep>;
    remember?: ReturnType<typeof useRememberDeviceStep>;
  } = {};
  function Probe() {
    const current = useAccountView();
    useEffect(() => {
      view.current = current;
    });
    return null;
  }
  function Gate() {
    const credentials = useCredentialsStep();
    const remember = useRememberDeviceStep();
    useEffect(() => {
      gate.credentials = credentials;
      gate.remember = remember;
    });
    // Like <AccountSettings>: mounted for as long as someone is signed in (refreshes and device calls included).
    const { status } = useAuth();
    return status === 'signedIn' ? (
      <AccountProvider ports={{ cognito: createCognitoHttp({ endpoint: emulator.url, clientId: DEMO_CLIENT_ID }) }}>
        <Probe />
      </AccountProvider>
    ) : null;
  }
  const logic = createSessionMachine({
    cognito: createCognitoHttp({ endpoint: emulator.url }),
    srp: createFastSrp(),
    tokens: createMemoryTokenStore(),
    devices: createMemoryDeviceStore(),
    now: () => new Date(emulator.clock.now()),
  });
  render(
    <SignInProvider logic={logic} input={{ userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID }}>
      <Gate />
    </SignInProvider>,
  );
  await waitFor(() => {
    expect(gate.credentials?.active).toBe(true);
  }, slow);
  act(() => {
    gate.credentials?.submit(username, DEMO_PASSWORD);
  });
  await waitFor(() => {
    expect(gate.remember?.active).toBe(true);
  }, slow);
  act(() => {
    gate.remember?.remember(true);
  });
  await waitFor(() => {
    expect(view.current?.idle).toBe(true);
    expect(view.current?.signIn.matches({ signedIn: 'active' })).toBe(true);
  }, slow);
  return {
    get current(): AccountView {
      if (view.current === undefined) throw new Error('account hooks not mounted');
      return view.current;
    },
  };
}

async function initiateAuth(
  username: string,
  password: string,
): Promise<{ ChallengeName?: string; AuthenticationResult?: unknown; __type?: string }> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      ClientId: DEMO_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  return (await response.json()) as { ChallengeName?: string; AuthenticationResult?: unknown; __type?: string };
}

function codesFor(username: string): string[] {
  return emulator.outbox
    .filter((message) => message.username === username && message.channel === 'EMAIL')
    .map((message) => message.code);
}

describe('the account hooks against the emulator', { timeout: 60_000 }, () => {
  it('useChangePassword reports a wrong current password, then changes it so only the new one signs in', async () => {
    const view = await signInWithAccount('pw-user');
    act(() => {
      view.current.password.changePassword('not-the-password', NEW_PASSWORD);
    });
    await waitFor(() => {
      expect(view.current.password.error?.code).toBe('NotAuthorizedException');
    }, slow);
    expect(view.current.password.changed).toBe(false);
    expect(view.current.attributes.error).toBeUndefined();

    act(() => {
      view.current.password.changePassword(DEMO_PASSWORD, NEW_PASSWORD);
    });
    expect(JSON.stringify(view.current.account)).not.toContain(NEW_PASSWORD);
    await waitFor(() => {
      expect(view.current.password.changed).toBe(true);
    }, slow);
    expect(view.current.password.error).toBeUndefined();
    expect((await initiateAuth('pw-user', NEW_PASSWORD)).AuthenticationResult).toBeDefined();
    expect((await initiateAuth('pw-user', DEMO_PASSWORD)).__type).toBe('NotAuthorizedException');
  });

  it('useUpdateUserAttributes asks for the code sent to a new email; a wrong code, a resend and the right code verify it', async () => {
    const view = await signInWithAccount('attr-user');
    act(() => {
      view.current.attributes.update({ email: 'attr-new@example.com' });
    });
    await waitFor(() => {
      expect(view.current.verify.active).toBe(true);
      expect(view.current.verify.busy).toBe(false);
    }, slow);
    expect(view.current.verify.attributeName).toBe('email');
    expect(view.current.verify.delivery?.medium).toBe('EMAIL');
    expect(view.current.verify.delivery?.destination).not.toBe('attr-new@example.com');
    expect(codesFor('attr-user')).toHaveLength(1);

    act(() => {
      view.current.verify.submit('000000');
    });
    await waitFor(() => {
      expect(view.current.verify.error?.code).toBe('CodeMismatchException');
    }, slow);

    act(() => {
      view.current.verify.resend();
    });
    await waitFor(() => {
      expect(codesFor('attr-user')).toHaveLength(2);
      expect(view.current.verify.busy).toBe(false);
    }, slow);
    const code = codesFor('attr-user').at(-1) ?? '';
    act(() => {
      view.current.verify.submit(code);
    });
    await waitFor(() => {
      expect(view.current.verify.verified).toBe(true);
    }, slow);
    expect(view.current.verify.active).toBe(false);
    expect(view.current.attributes.updated).toBe(true);
    expect(JSON.stringify(view.current.account)).not.toContain(code);
  });

  it('useTotpEnrolment shows the key, rejects a wrong first code, enables TOTP as preferred; useMfaPreference turns MFA off', async () => {
    const view = await signInWithAccount('totp-enrol-user');
    act(() => {
      view.current.totp.start();
    });
    await waitFor(() => {
      expect(view.current.totp.active).toBe(true);
      expect(view.current.totp.qrDataUrl).toMatch(/^data:image\/svg\+xml/);
    }, slow);
    const secretCode = view.current.totp.secretCode ?? '';
    expect(secretCode).toMatch(/^[A-Z2-7]+=*$/);
    expect(view.current.totp.uri).toContain(`secret=${secretCode}`);
    expect(view.current.totp.uri).toContain('totp-enrol-user');
    expect(JSON.stringify(view.current.account)).not.toContain(secretCode);

    act(() => {
      view.current.totp.submit('000000');
    });
    await waitFor(() => {
      expect(view.current.totp.error?.code).toBe('EnableSoftwareTokenMFAException');
    }, slow);
    expect(view.current.totp.active).toBe(true);

    const totp = createTotp(() => emulator.clock.now());
    act(() => {
      view.current.totp.submit(totp.code(secretCode));
    });
    await waitFor(() => {
      expect(view.current.totp.enabled).toBe(true);
    }, slow);
    expect(view.current.totp.secretCode).toBeUndefined();
    expect((await initiateAuth('totp-enrol-user', DEMO_PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

    act(() => {
      view.current.preference.setPreference({
        SOFTWARE_TOKEN_MFA: 'disabled',
        SMS_MFA: 'disabled',
        EMAIL_OTP: 'disabled',
      });
    });
    await waitFor(() => {
      expect(view.current.preference.saved).toBe(true);
    }, slow);
    expect(view.current.totp.enabled).toBe(false);
    expect((await initiateAuth('totp-enrol-user', DEMO_PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it('useRememberedDevices lists both browsers’ devices, forgets the other one, then this one (dropping its keys)', async () => {
    const first = await signInWithAccount('devices-user');
    const firstKey = first.current.devices.currentDeviceKey;
    cleanup();
    const view = await signInWithAccount('devices-user');
    const currentKey = view.current.devices.currentDeviceKey;
    expect(currentKey).toBeDefined();
    expect(currentKey).not.toBe(firstKey);

    act(() => {
      view.current.devices.list();
    });
    await waitFor(() => {
      expect(view.current.devices.listed).toBe(true);
    }, slow);
    expect(view.current.devices.devices.map((device) => device.deviceKey).sort()).toEqual(
      [firstKey, currentKey].sort(),
    );

    act(() => {
      view.current.devices.forget(firstKey ?? '');
    });
    await waitFor(() => {
      expect(view.current.devices.forgotten).toBe(true);
      expect(view.current.devices.busy).toBe(false);
    }, slow);
    expect(view.current.devices.devices.map((device) => device.deviceKey)).toEqual([currentKey]);

    act(() => {
      view.current.devices.forget(currentKey ?? '');
    });
    await waitFor(() => {
      expect(view.current.devices.devices).toEqual([]);
      expect(view.current.devices.forgotten).toBe(true);
    }, slow);
    expect(view.current.devices.currentDeviceKey).toBeUndefined();
    expect(view.current.signIn.context.device).toBeNull();
  });
});
