// The default adapters for a browser: fetch transport, SRP in a Web Worker, and memory-only stores.
import type { SessionPorts } from '../../machines/index.ts';
import { createMemoryDeviceStore } from '../adapters/deviceStore.ts';
import { createMemoryTokenStore } from '../adapters/tokenStore.ts';
import { cognitoEndpoint, type LoginWidgetConfig } from './config.ts';
import { lazyCognito, lazyWorkerSrp } from './lazyPorts.ts';
import type { OptInModules } from './modules.ts';

/**
 * Ports for `createSessionMachine`. Tokens and device keys stay in memory unless the config names a store; the
 * WebAuthn port comes with the passkeys module (`cognito-xstate/passkeys`), if passed.
 */
export function browserPorts(config: LoginWidgetConfig, modules: OptInModules = {}): SessionPorts {
  return {
    // The transport and the SRP client load on first use, so the sign-in form paints without their code.
    cognito: lazyCognito(async () =>
      (await import('./browserAdapters.ts')).createCognitoHttp({
        endpoint: cognitoEndpoint(config),
        clientId: config.clientId,
      }),
    ),
    // The SRP math runs off the main thread (inline where workers are unavailable or blocked by CSP).
    srp: lazyWorkerSrp(async () => {
      const { createInlineSrp, createWorkerSrp } = await import('./browserAdapters.ts');
      return config.srp === 'inline' ? createInlineSrp() : createWorkerSrp({ onEngine: config.onSrpEngine });
    }),
    // Without the passkeys module there is no ceremony: WEB_AUTHN fails as WebAuthnUnavailable (never offered).
    ...(modules.passkeys === undefined ? {} : { webAuthn: modules.passkeys.webAuthn }),
    tokens: config.tokenStore ?? createMemoryTokenStore(),
    devices: config.deviceStore ?? createMemoryDeviceStore(),
    // The official client names a confirmed device after the user agent.
    deviceName: typeof navigator === 'undefined' ? 'cognito-xstate' : navigator.userAgent,
  };
}
