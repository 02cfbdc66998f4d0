// The demo page's view of the emulator's demo seed, handed to Vite as a build-time constant, so the demo app never
// imports emulator source (the layering in eslint.config.js forbids it).
import { DEMO_SELECT_TOTP_SECRET, DEMO_TOTP_SECRET, DEMO_USERS } from '../e2e/emulator/demo.ts';

/** `define` entries for the Vite configs that build the demo page; src/demo/env.d.ts declares `__DEMO_SEED__`. */
export function demoSeedDefine(): Record<string, string> {
  const seed = {
    users: DEMO_USERS,
    totpUsers: [
      { username: 'totp-user', secret: DEMO_TOTP_SECRET },
      { username: 'select-user', secret: DEMO_SELECT_TOTP_SECRET },
    ],
  };
  return { __DEMO_SEED__: JSON.stringify(seed) };
}
