// The SRP worker's file, which the page also imports to run the same engine inline: the SRP code ships once.
import { serveSrpRequests } from './srpWorkerHost.ts';

export { answerSrpRequest } from './srpEngine.ts';

/** This module's own URL: the page starts the worker from the very file it imported (no second, bundled copy). */
export const srpWorkerUrl: string = import.meta.url;

// Serve only inside a worker: on the page, a message listener on window would answer any frame's postMessage.
if ('WorkerGlobalScope' in globalThis && !('window' in globalThis)) serveSrpRequests(globalThis);
