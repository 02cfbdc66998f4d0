// The worker side of the SRP worker: answers SrpWorkerRequest messages arriving on a port with the fast engine.
import { answerSrpRequest, isSrpWorkerRequest } from './srpEngine.ts';
import { srpWorkerReady, type SrpWorkerResponse } from './srpWorkerProtocol.ts';

/** A worker's global scope or a MessagePort: where requests arrive and answers go. */
export interface SrpRequestPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: SrpWorkerResponse | typeof srpWorkerReady): void;
}

/**
 * Serves every well-formed request on `port`; malformed messages are ignored, as a worker cannot reject them. Then
 * says it is ready, so the page knows this script (and not a 404 page or a blocked URL) is what runs.
 */
export function serveSrpRequests(port: SrpRequestPort): void {
  port.addEventListener('message', (event) => {
    const request = event.data;
    if (!isSrpWorkerRequest(request)) return;
    void answerSrpRequest(request).then((response) => {
      port.postMessage(response);
    });
  });
  port.postMessage(srpWorkerReady);
}
