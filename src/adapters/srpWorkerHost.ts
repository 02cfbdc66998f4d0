// The worker side of the SRP worker: answers SrpWorkerRequest messages arriving on a port with the fast engine.
import { answerSrpRequest, isSrpWorkerRequest } from './srpEngine.ts';
import type { SrpWorkerResponse } from './srpWorkerProtocol.ts';

/** A worker's global scope or a MessagePort: where requests arrive and answers go. */
export interface SrpRequestPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: SrpWorkerResponse): void;
}

/** Serves every well-formed request on `port`; malformed messages are ignored, as a worker cannot reject them. */
export function serveSrpRequests(port: SrpRequestPort): void {
  port.addEventListener('message', (event) => {
    const request = event.data;
    if (!isSrpWorkerRequest(request)) return;
    void answerSrpRequest(request).then((response) => {
      port.postMessage(response);
    });
  });
}
