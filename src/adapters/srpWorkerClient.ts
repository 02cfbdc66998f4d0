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

export interface WorkerSrpOptions {
  /** Opens the channel; defaults to a module Worker on srpWorker.ts. Returning undefined means "run inline". */
  readonly createChannel?: () => SrpWorkerChannel | undefined;
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
  let channel: SrpWorkerChannel | undefined;
  try {
    channel = (options.createChannel ?? browserWorker)();
  } catch {
    // A Content-Security-Policy without worker-src (or a bundler without worker support) lands here: run inline.
    channel = undefined;
  }
  if (channel === undefined) return inline;

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken = false;

  const fallBack = (): void => {
    broken = true;
    for (const { request, settle } of pending.values()) void answerSrpRequest(inline, request).then(settle);
    pending.clear();
  };

  channel.listen(
    (data) => {
      if (!isSrpWorkerResponse(data)) return;
      const entry = pending.get(data.id);
      pending.delete(data.id);
      entry?.settle(data);
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
