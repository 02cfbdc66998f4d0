// The passkeys module: the browser's WebAuthn ceremony as the machines' port, and the passkey screens, each loaded on first use.
import { lazy, Suspense } from 'react';
import type { WebAuthnPort } from '../../machines/ports.ts';
import { isWebAuthnSupported } from '../adapters/webAuthnSupport.ts';
import { StepLoading } from '../components/StepLoading.tsx';
import type { PasskeysModule } from './modules.ts';

// The ceremony loads with the first passkey dialog; a page that never opens one never fetches it.
const ceremony = () => import('../adapters/webAuthn.ts').then(({ createBrowserWebAuthn }) => createBrowserWebAuthn());

const webAuthn: WebAuthnPort = {
  getCredential: async (requestOptions) => (await ceremony()).getCredential(requestOptions),
  createCredential: async (creationOptions) => (await ceremony()).createCredential(creationOptions),
};

// The sign-in screens load as one chunk when the first of them renders.
const views = () => import('../components/passkeyViews.ts');
const LazyPasskeyStep = lazy(async () => ({ default: (await views()).PasskeyStep }));
const LazyPasskeyOffer = lazy(async () => ({ default: (await views()).PasskeyOffer }));

function PasskeyView() {
  return (
    <Suspense fallback={<StepLoading />}>
      <LazyPasskeyStep />
    </Suspense>
  );
}

function PasskeyOffer() {
  return (
    <Suspense fallback={null}>
      <LazyPasskeyOffer />
    </Suspense>
  );
}

/** Passkeys for the widget: `<LoginWidget config={…} passkeys={passkeys} />`. */
export const passkeys: PasskeysModule = {
  module: 'cognito-xstate/passkeys',
  webAuthn,
  isSupported: isWebAuthnSupported,
  PasskeyView,
  PasskeyOffer,
};
