// SrpPort that runs the fast engine in a Web Worker (Vite's worker import), or inline where workers are unavailable.
import type { SrpPort } from '../../machines/ports.ts';
import { createFastSrp } from './srpFast.ts';
import {
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
    else if (warn && next.engine === 'inline')
      console.warn(`cognito-xstate: SRP runs on the main thread because ${next.reason}.`);
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

  // Each call in flight, settled with the worker's answer, or with undefined when the worker fails (then it runs inline).
  const pending = new Map<number, (response: SrpWorkerResponse | undefined) => void>();
  let nextId = 1;
  let broken = false;

  const fallBack = (error: Error): void => {
    broken = true;
    report({ engine: 'inline', reason: error.message }, true);
    for (const settle of pending.values()) settle(undefined);
    pending.clear();
  };

  channel.listen((data) => {
    if (!isSrpWorkerResponse(data)) return;
    const settle = pending.get(data.id);
    pending.delete(data.id);
    if (settle === undefined) return;
    report({ engine: 'worker' }, false);
    settle(data);
  }, fallBack);

  const open = channel;
  /** Sends `request` to the worker and reads its answer with `fromWire`; runs `inlineCall` once the worker has failed. */
  const call = async <T>(
    request: WithoutId<SrpWorkerRequest>,
    fromWire: (result: unknown) => T,
    inlineCall: () => Promise<T>,
  ): Promise<T> => {
    if (broken) return inlineCall();
    const id = nextId++;
    const response = await new Promise<SrpWorkerResponse | undefined>((settle) => {
      pending.set(id, settle);
      open.post({ ...request, id });
    });
    return response === undefined ? inlineCall() : fromWire(unwrap(response));
  };

  return {
    createEphemeral: () =>
      call(
        { method: 'createEphemeral' },
        (result) => ephemeralFromWire(wireEphemeral(result)),
        () => inline.createEphemeral(),
      ),
    passwordClaim: (input) =>
      call({ method: 'passwordClaim', input: passwordClaimToWire(input) }, wireClaim, () =>
        inline.passwordClaim(input),
      ),
    deviceClaim: (input) =>
      call({ method: 'deviceClaim', input: deviceClaimToWire(input) }, wireClaim, () => inline.deviceClaim(input)),
    createDeviceVerifier: ({ deviceGroupKey, deviceKey }) =>
      call(
        { method: 'createDeviceVerifier', input: { deviceGroupKey, deviceKey } },
        (result) => deviceVerifierFromWire(wireDeviceVerifier(result)),
        () => inline.createDeviceVerifier({ deviceGroupKey, deviceKey }),
      ),
  };
}
