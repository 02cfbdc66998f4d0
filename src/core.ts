// `cognito-xstate/core`: the machines, their ports and the adapters that run anywhere fetch and Web Crypto do
// (Node ≥ 20, browsers, workers, edge runtimes). Nothing here imports React or `node:`.

export * from '../machines/index.ts';

/** The AWS JSON 1.1 transport: one `CognitoPort` for sign-in, sign-up, password reset and the account calls. */
export { createCognitoHttp, ClientSecretInBrowserError, type CognitoHttpOptions } from './adapters/cognitoHttp.ts';

/**
 * SRP engines: the fast BigInt engine inline or in a Web Worker. amazon-cognito-identity-js's engine is its own entry,
 * `cognito-xstate/authentication-helper`, so apps without that optional peer never bundle an import of it.
 */
export { createFastSrp } from './adapters/srpFast.ts';
export {
  createWorkerSrp,
  createInlineSrp,
  type WorkerSrpOptions,
  type SrpWorkerChannel,
  type SrpEngineReport,
} from './adapters/srpWorkerClient.ts';

/** Token and device stores: memory (default) or web storage under amazon-cognito-identity-js's keys. */
export { createMemoryTokenStore, createWebStorageTokenStore } from './adapters/tokenStore.ts';
export { createMemoryDeviceStore, createWebStorageDeviceStore } from './adapters/deviceStore.ts';

/** Tabs of one origin: Web Locks for one refresh at a time, a BroadcastChannel of "changed" notices (no tokens). */
export { createTabLock, createTabChannel } from './adapters/tabSync.ts';
/** A tab's localStorage and its `storage` events, for createTabLock / createTabChannel (default: the page's). */
export type { StorageView } from './adapters/storageFence.ts';
/** The OAuth redirect port over oauth4webapi (code + PKCE S256, refresh, /logout), for the redirect machine. */
export { createOAuthRedirect, type OAuthRedirect, type OAuthRedirectConfig } from './adapters/oauthRedirect.ts';

/** Passkeys: the browser's WebAuthn ceremony as the sign-in machine's `webAuthn` port, and feature detection. */
export {
  createBrowserWebAuthn,
  createPasskey,
  isConditionalUiAvailable,
  isWebAuthnSupported,
} from './adapters/webAuthn.ts';
