// The Vite env variables the demo reads (`npm start` sets them to the emulator it started).
interface ImportMetaEnv {
  readonly VITE_COGNITO_ENDPOINT?: string;
  readonly VITE_COGNITO_REGION?: string;
  readonly VITE_USER_POOL_ID?: string;
  readonly VITE_CLIENT_ID?: string;
}

/** The emulator's demo seed as the demo shows it, defined at build time by scripts/demoSeed.ts. */
declare const __DEMO_SEED__: {
  readonly users: readonly { readonly username: string; readonly password: string; readonly path: string }[];
  readonly totpUsers: readonly { readonly username: string; readonly secret: string }[];
  readonly oauth: DemoOAuthSeed;
};

/** The demo client's managed login, as seeded: offered only when the page talks to that pool and client. */
interface DemoOAuthSeed {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly callbackPath: string;
  readonly providers: readonly string[];
  readonly providerLabels: Readonly<Record<string, string>>;
}
