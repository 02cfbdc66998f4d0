// SrpPort that runs the fast engine in a Web Worker (Vite's worker import), or inline where workers are unavailable.
import type { DeviceClaimInput, DeviceVerifier, PasswordClaimInput, SrpClaim, SrpEphemeral, SrpPort } from '../../machines/ports.ts';
import { createFastSrp } from './srpFast.ts';
import {
  answerSrpRequest,
  deviceClaimToWire,
  deviceVerifierFromWire,
  ephemeralFromWire,
  isSrpWorkerResponse,
  passwordClaimToWire,
  wireClaim,
  wireDeviceVerifier,
  wireEphemeral,
} from './srpWorkerProtocol.ts';
import type { SrpWorkerRequest, SrpWorkerResponse, WithoutId } from './srpWorkerProtocol.ts';

/** The two things the client needs from a worker; `Worker` is adapted to it, tests pass a MessageChannel. */
export interface SrpWorkerChannel {
  post(request: SrpWorkerRequest): void;
  listen(onMessage: (data: unknown) => void, onError: (error: Error) => void): void;
}

/** Which engine did the SRP math, and why not the worker when it is inline. Carries no secret. */
export type SrpEngineReport = { readonly engine: 'worker' } | { readonly engine: 'inline'; readonly reason: string };

export interface WorkerSrpOptions {
  /** Opens the channel; defaults to a module Worker on srpWorker.ts. Returning undefined means "run inline". */
  readonly createChannel?: () => SrpWorkerChannel | undefined;
  /**
   * Told once which engine serves the first SRP call ('worker' when the worker first answers), and again if the worker
   * later fails and the math moves inline. Without it, falling back from a worker that exists but fails is a
   * console.warn, so it is never silent.
   */
  readonly onEngine?: ((report: SrpEngineReport) => void) | undefined;
}

function browserWorker(): SrpWorkerChannel | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // This exact `new Worker(new URL(..., import.meta.url), { type: 'module' })` shape is what Vite bundles as a worker.
  const worker = new Worker(new URL('./srpWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (request) => {
      worker.postMessage(request);
    },
    listen: (onMessage, onError) => {
      worker.addEventListener('message', (event: MessageEvent<unknown>) => {
        onMessage(event.data);
      });
      worker.addEventListener('messageerror', () => {
        onError(new Error('the SRP worker sent a message that could not be read'));
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        worker.terminate();
        onError(new Error('the SRP worker failed to start or crashed'));
      });
    },
  };
}

interface Pending {
  readonly request: SrpWorkerRequest;
  readonly settle: (response: SrpWorkerResponse) => void;
}

function unwrap(response: SrpWorkerResponse): unknown {
  if (response.ok) return response.result;
  const error = new Error(response.error.message);
  error.name = response.error.name;
  throw error;
}

/**
 * SrpPort whose math runs in a Web Worker, so the ~30 ms of modular exponentiation per sign-in never blocks the page.
 * The worker starts with the port (so it is loaded before the user presses "Sign in"). Without `Worker` (Node, old
 * runtimes) this is the fast engine inline; if the worker fails to load or crashes, the calls in flight and all later
 * ones run inline too.
 */
export function createWorkerSrp(options: WorkerSrpOptions = {}): SrpPort {
  const inline = createFastSrp();
  let lastReported: SrpEngineReport['engine'] | undefined;
  const report = (next: SrpEngineReport, warn: boolean): void => {
    if (lastReported === next.engine) return;
    lastReported = next.engine;
    if (options.onEngine !== undefined) options.onEngine(next);
    else if (warn && next.engine === 'inline') console.warn(`cognito-xstate: SRP runs on the main thread because ${next.reason}.`);
  };
  let channel: SrpWorkerChannel | undefined;
  let reason = 'this runtime has no Worker';
  try {
    channel = (options.createChannel ?? browserWorker)();
  } catch (error) {
    // A Content-Security-Policy without worker-src (or a bundler without worker support) lands here: run inline.
    reason = `the SRP worker could not be created (${error instanceof Error ? error.name : 'unknown error'})`;
    channel = undefined;
  }
  if (channel === undefined) {
    // Reported after this call returns, not inside it, where a host's callback would run during React's render.
    const noWorker = { engine: 'inline', reason } as const;
    queueMicrotask(() => {
      report(noWorker, typeof Worker !== 'undefined');
    });
    return inline;
  }

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken = false;

  const fallBack = (error: Error): void => {
    broken = true;
    report({ engine: 'inline', reason: error.message }, true);
    for (const { request, settle } of pending.values()) void answerSrpRequest(inline, request).then(settle);
    pending.clear();
  };

  channel.listen(
    (data) => {
      if (!isSrpWorkerResponse(data)) return;
      const entry = pending.get(data.id);
      pending.delete(data.id);
      if (entry === undefined) return;
      report({ engine: 'worker' }, false);
      entry.settle(data);
    },
    fallBack,
  );

  const open = channel;
  const call = async (request: WithoutId<SrpWorkerRequest>): Promise<unknown> => {
    const full: SrpWorkerRequest = { ...request, id: nextId++ };
    if (broken) return unwrap(await answerSrpRequest(inline, full));
    const response = await new Promise<SrpWorkerResponse>((settle) => {
      pending.set(full.id, { request: full, settle });
      open.post(full);
    });
    return unwrap(response);
  };

  return {
    async createEphemeral(): Promise<SrpEphemeral> {
      return ephemeralFromWire(wireEphemeral(await call({ method: 'createEphemeral' })));
    },
    async passwordClaim(input: PasswordClaimInput): Promise<SrpClaim> {
      return wireClaim(await call({ method: 'passwordClaim', input: passwordClaimToWire(input) }));
    },
    async deviceClaim(input: DeviceClaimInput): Promise<SrpClaim> {
      return wireClaim(await call({ method: 'deviceClaim', input: deviceClaimToWire(input) }));
    },
    async createDeviceVerifier(input: { deviceGroupKey: string; deviceKey: string }): Promise<DeviceVerifier> {
      const { deviceGroupKey, deviceKey } = input;
      return deviceVerifierFromWire(wireDeviceVerifier(await call({ method: 'createDeviceVerifier', input: { deviceGroupKey, deviceKey } })));
    },
  };
}
