// `cognito-xstate/core`: the machines, their ports and the adapters that run anywhere fetch and Web Crypto do
// (Node ≥ 20, browsers, workers, edge runtimes). Nothing here imports React or `node:`.

export * from '../machines/index.ts';

/** The AWS JSON 1.1 transport for sign-in (`InitiateAuth`, `RespondToAuthChallenge`, devices). */
export { createCognitoHttp, ClientSecretInBrowserError, type CognitoHttpOptions } from './adapters/cognitoHttp.ts';
/** The same transport for sign-up, password reset and the signed-in account calls. */
export { createCognitoAccountHttp } from './adapters/cognitoAccountHttp.ts';

/** SRP engines: the fast BigInt engine inline, the same engine in a Web Worker, or amazon-cognito-identity-js's. */
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
/** amazon-cognito-identity-js's engine, loaded lazily (an optional peer dependency). */
export { createAuthenticationHelperSrp } from './adapters/srpAuthenticationHelper.ts';
