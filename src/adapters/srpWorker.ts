// Web Worker entry: runs the fast SRP engine off the main thread (see srpWorkerClient.ts for the page side).
import { serveSrpRequests } from './srpWorkerHost.ts';

serveSrpRequests(globalThis);
