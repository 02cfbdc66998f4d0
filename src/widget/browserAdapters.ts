// The browser adapters the widget loads after the first paint, as one chunk: the fetch transport and the SRP client.
export { createCognitoHttp } from '../adapters/cognitoHttp.ts';
export { createInlineSrp, createWorkerSrp } from '../adapters/srpWorkerClient.ts';
