// The demo's widget config: Vite env (set by `npm start`), overridable per page by query parameters.
import type { SignInFlow } from '../../machines/index.ts';
import type { LoginWidgetConfig } from '../widget/config.ts';

/** The `VITE_*` variables the demo reads. */
export interface DemoEnv {
  readonly VITE_COGNITO_ENDPOINT?: string | undefined;
  readonly VITE_COGNITO_REGION?: string | undefined;
  readonly VITE_USER_POOL_ID?: string | undefined;
  readonly VITE_CLIENT_ID?: string | undefined;
}

/** The demo's defaults: the emulator's seeded demo pool (see e2e/emulator/demo.ts). */
const DEMO_DEFAULTS = { userPoolId: 'us-east-1_DemoPool1', clientId: 'demoappclient0000000000001' } as const;

/**
 * What the demo's flow selector picks: an AuthFlow, or `choice` (choice-based sign-in, config.signInFlow), or
 * `choice-password` (the same, "Use my password" answering PASSWORD: config.authFlow USER_PASSWORD_AUTH).
 */
export type DemoFlowId = SignInFlow | 'choice' | 'choice-password';

/** A sign-in flow the demo offers in its selector. */
export interface DemoFlow {
  readonly flow: DemoFlowId;
  readonly label: string;
  readonly passwordless?: LoginWidgetConfig['passwordless'];
}

/** The flows the demo offers; custom-user needs one of the CUSTOM_AUTH ones, passwordless-user the USER_AUTH one. */
export const DEMO_FLOWS: readonly DemoFlow[] = [
  { flow: 'USER_SRP_AUTH', label: 'Password, SRP (USER_SRP_AUTH)' },
  { flow: 'CUSTOM_AUTH_SRP', label: 'Password, then custom challenge (CUSTOM_AUTH + SRP_A)' },
  { flow: 'USER_PASSWORD_AUTH', label: 'Password sent over TLS (USER_PASSWORD_AUTH)' },
  { flow: 'USER_AUTH', label: 'No password: a code by text message (USER_AUTH, SMS_OTP)', passwordless: 'SMS_OTP' },
  { flow: 'choice', label: 'Choose how to sign in: passkey, code or password (USER_AUTH, SELECT_CHALLENGE)' },
  {
    flow: 'choice-password',
    label: 'Choose how to sign in, the password sent over TLS (USER_AUTH, SELECT_CHALLENGE, PASSWORD)',
  },
];

function isDemoFlow(value: string | undefined): value is DemoFlowId {
  return DEMO_FLOWS.some((option) => option.flow === value);
}

/** `config` signing in with the demo's `flow` (its passwordless setting included, or dropped for other flows). */
export function withDemoFlow(config: LoginWidgetConfig, flow: DemoFlowId): LoginWidgetConfig {
  if (flow === 'choice') return { ...config, authFlow: 'USER_AUTH', passwordless: undefined, signInFlow: 'choice' };
  // The plain-password flow named beside the choice flow: "Use my password" answers PASSWORD, not PASSWORD_SRP.
  if (flow === 'choice-password')
    return { ...config, authFlow: 'USER_PASSWORD_AUTH', passwordless: undefined, signInFlow: 'choice' };
  return {
    ...config,
    authFlow: flow,
    passwordless: DEMO_FLOWS.find((option) => option.flow === flow)?.passwordless,
    signInFlow: 'password',
  };
}

/** `?passkeys=off` renders the demo as an app that does not import `cognito-xstate/passkeys`. */
export function withoutPasskeysModule(search: string): boolean {
  return new URLSearchParams(search).get('passkeys') === 'off';
}

/** The selector entry for `config`: its AuthFlow, or one of the two choice flows. */
export function demoFlowOf(config: LoginWidgetConfig): DemoFlowId {
  if (config.signInFlow === 'choice') return config.authFlow === 'USER_PASSWORD_AUTH' ? 'choice-password' : 'choice';
  return config.authFlow ?? 'USER_SRP_AUTH';
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The query parameters readDemoConfig reads (`inspect` is read by inspector.ts, `passkeys` by demoModules). */
const CONFIG_PARAMETERS = [
  'endpoint',
  'userPoolId',
  'clientId',
  'region',
  'authFlow',
  'srp',
  'inspect',
  'passkeys',
] as const;

const REMEMBERED_QUERY = 'cognito-xstate.demo.query';

/**
 * The query this page load is configured by. Managed login returns to the registered callback URL without the
 * page's own query (`?endpoint=…` would be lost), so the tab keeps the config parameters in `storage`
 * (sessionStorage: this tab only, none of them secret) and a load without any of them reads them back.
 */
export function demoQuery(search: string, storage: Pick<Storage, 'getItem' | 'setItem'>): string {
  const query = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of CONFIG_PARAMETERS) {
    const value = query.get(name);
    if (value !== null) kept.set(name, value);
  }
  if (kept.size > 0) {
    storage.setItem(REMEMBERED_QUERY, kept.toString());
    return `?${kept.toString()}`;
  }
  const remembered = storage.getItem(REMEMBERED_QUERY);
  return remembered === null ? '' : `?${remembered}`;
}

/** The seeded demo client's managed login, when `config` talks to that pool and client; the callback on `origin`. */
export function withDemoOAuth(config: LoginWidgetConfig, seed: DemoOAuthSeed, origin: string): LoginWidgetConfig {
  if (config.userPoolId !== seed.userPoolId || config.clientId !== seed.clientId) return config;
  return {
    ...config,
    oauth: {
      redirectUri: `${origin}${seed.callbackPath}`,
      logoutUri: `${origin}/`,
      providers: seed.providers,
      providerLabels: seed.providerLabels,
    },
  };
}

/** `?endpoint=&userPoolId=&clientId=&region=&authFlow=&srp=inline` (authFlow one of DEMO_FLOWS, `choice` too) win over the env, which wins over the demo pool. */
export function readDemoConfig(search: string, env: DemoEnv): LoginWidgetConfig {
  const query = new URLSearchParams(search);
  const endpoint = nonEmpty(query.get('endpoint')) ?? nonEmpty(env.VITE_COGNITO_ENDPOINT);
  const region = nonEmpty(query.get('region')) ?? nonEmpty(env.VITE_COGNITO_REGION);
  const authFlow = nonEmpty(query.get('authFlow'));
  // `?srp=inline` keeps the SRP math on the main thread (the bench compares it with the worker).
  const srp = nonEmpty(query.get('srp'));
  const config: LoginWidgetConfig = {
    userPoolId: nonEmpty(query.get('userPoolId')) ?? nonEmpty(env.VITE_USER_POOL_ID) ?? DEMO_DEFAULTS.userPoolId,
    clientId: nonEmpty(query.get('clientId')) ?? nonEmpty(env.VITE_CLIENT_ID) ?? DEMO_DEFAULTS.clientId,
    ...(endpoint === undefined ? {} : { endpoint: endpoint.replace(/\/+$/, '') }),
    ...(region === undefined ? {} : { region }),
    ...(srp === 'inline' || srp === 'worker' ? { srp } : {}),
  };
  return isDemoFlow(authFlow) ? withDemoFlow(config, authFlow) : config;
}
