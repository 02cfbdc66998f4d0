// The worker side of the SRP worker: answers SrpWorkerRequest messages arriving on a port with the fast engine.
import { createFastSrp } from './srpFast.ts';
import { answerSrpRequest, isSrpWorkerRequest } from './srpWorkerProtocol.ts';
import type { SrpWorkerResponse } from './srpWorkerProtocol.ts';

/** A worker's global scope or a MessagePort: where requests arrive and answers go. */
export interface SrpRequestPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: SrpWorkerResponse): void;
}

/** Serves every well-formed request on `port`; malformed messages are ignored, as a worker cannot reject them. */
export function serveSrpRequests(port: SrpRequestPort): void {
  const engine = createFastSrp();
  port.addEventListener('message', (event) => {
    const request = event.data;
    if (!isSrpWorkerRequest(request)) return;
    void answerSrpRequest(engine, request).then((response) => {
      port.postMessage(response);
    });
  });
}
