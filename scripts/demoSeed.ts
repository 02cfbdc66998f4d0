// The demo page's view of the emulator's demo seed, handed to Vite as a build-time constant, so the demo app never
// imports emulator source (the layering in eslint.config.js forbids it).
import {
  DEMO_CALLBACK_PATH,
  DEMO_CLIENT_ID,
  DEMO_IDP,
  DEMO_POOL_ID,
  DEMO_SELECT_TOTP_SECRET,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
} from '../e2e/emulator/demo.ts';

/** `define` entries for the Vite configs that build the demo page; src/demo/env.d.ts declares `__DEMO_SEED__`. */
export function demoSeedDefine(): Record<string, string> {
  const seed = {
    users: DEMO_USERS,
    totpUsers: [
      { username: 'totp-user', secret: DEMO_TOTP_SECRET },
      { username: 'select-user', secret: DEMO_SELECT_TOTP_SECRET },
    ],
    // The demo client's managed login: the hosted page (COGNITO) and the mock provider, back to the callback path.
    oauth: {
      userPoolId: DEMO_POOL_ID,
      clientId: DEMO_CLIENT_ID,
      callbackPath: DEMO_CALLBACK_PATH,
      providers: ['COGNITO', DEMO_IDP],
      providerLabels: { [DEMO_IDP]: 'Mock IdP' },
    },
  };
  return { __DEMO_SEED__: JSON.stringify(seed) };
}
