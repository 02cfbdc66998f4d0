// Test kit: renders hooks under a SignInProvider (the session machine) wired to real adapters and a real emulator on loopback.
import { renderHook, type RenderHookResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DEMO_CLIENT_ID, DEMO_POOL_ID } from '../../e2e/emulator/demo.ts';
import type { Emulator } from '../../e2e/emulator/index.ts';
import { createSessionMachine, type SessionInput, type SignInFlow } from '../../machines/index.ts';
import { createCognitoHttp } from '../adapters/cognitoHttp.ts';
import { createMemoryDeviceStore } from '../adapters/deviceStore.ts';
import { createFastSrp } from '../adapters/srpFast.ts';
import { createMemoryTokenStore } from '../adapters/tokenStore.ts';
import { SignInProvider } from './SignInProvider.tsx';

/** Renders `hook` inside a provider for the emulator's demo pool (inside `outer`'s contexts, if given). */
export function renderWithSignIn<T>(
  emulator: Emulator,
  hook: () => T,
  authFlow: SignInFlow = 'USER_SRP_AUTH',
  extraInput: Partial<SessionInput> = {},
  outer: (children: ReactNode) => ReactNode = (children) => children,
): RenderHookResult<T, unknown> {
  // The emulator's clock checks the SRP timestamps; the SRP math runs inline (no Worker in a DOM emulation).
  const logic = createSessionMachine({
    cognito: createCognitoHttp({ endpoint: emulator.url }),
    srp: createFastSrp(),
    tokens: createMemoryTokenStore(),
    devices: createMemoryDeviceStore(),
    now: () => new Date(emulator.clock.now()),
  });
  const wrapper = ({ children }: { children: ReactNode }) =>
    outer(
      <SignInProvider
        logic={logic}
        input={{ userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, authFlow, ...extraInput }}
      >
        {children}
      </SignInProvider>,
    );
  return renderHook(hook, { wrapper });
}
