// Test kit: an SRP "worker" at the far end of a real MessageChannel, served by the same host code the Worker runs.
import type { SrpWorkerChannel } from './srpWorkerClient.ts';
import { serveSrpRequests } from './srpWorkerHost.ts';

/** The channel plus the page's raw port (to inject malformed messages) and a close() for afterEach. */
export interface TestWorkerChannel extends SrpWorkerChannel {
  readonly page: MessagePort;
  close(): void;
}

/** Messages go through structured cloning exactly as with a Worker; `seen` collects what the worker side received. */
export function messageChannelWorker(seen: unknown[] = []): TestWorkerChannel {
  const { port1, port2 } = new MessageChannel();
  port2.addEventListener('message', (event: MessageEvent<unknown>) => {
    seen.push(event.data);
  });
  serveSrpRequests(port2);
  port2.start();
  return {
    page: port1,
    post: (request) => {
      port1.postMessage(request);
    },
    listen: (onMessage) => {
      port1.addEventListener('message', (event: MessageEvent<unknown>) => {
        onMessage(event.data);
      });
      port1.start();
    },
    close: () => {
      port1.close();
      port2.close();
    },
  };
}
