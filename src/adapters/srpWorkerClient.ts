// SrpPort that runs the fast engine in a Web Worker, or inline where workers are unavailable: both from one lazy file.
import type { SrpPort } from '../../machines/ports.ts';
import type * as SrpWorkerModule from './srpWorker.ts';
import { isSrpWorkerResponse, resultOf, srpPortOver } from './srpWorkerProtocol.ts';
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

type EngineFile = Promise<typeof SrpWorkerModule>;

/** Loads srpWorker.ts on the page. The bundler emits it as one self-contained chunk, which is also the worker's script. */
function loadEngineFile(): EngineFile {
  const file = import('./srpWorker.ts');
  // Every user of `file` awaits it and sees a load failure; this only keeps an unused failure from being "unhandled".
  file.catch(() => undefined);
  return file;
}

/** The fast engine on the page, from the worker's own file: the inline path with no second copy of the SRP code. */
function inlineSend(file: EngineFile): (request: WithoutId<SrpWorkerRequest>) => Promise<unknown> {
  return async (request) => resultOf(await (await file).answerSrpRequest({ ...request, id: 0 }));
}

async function browserWorker(file: EngineFile): Promise<SrpWorkerChannel | undefined> {
  if (typeof Worker === 'undefined') return undefined;
  // The worker runs the chunk the page just imported, found by its own import.meta.url; no bundler rewriting needed.
  const worker = new Worker((await file).srpWorkerUrl, { type: 'module' });
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

/** The channel, or why there is none: no Worker in this runtime, or one that could not be created. */
async function openChannel(options: WorkerSrpOptions, file: EngineFile): Promise<SrpWorkerChannel | string> {
  try {
    const channel = await (options.createChannel ?? (() => browserWorker(file)))();
    return channel ?? 'this runtime has no Worker';
  } catch (error) {
    // A Content-Security-Policy without worker-src (or a bundler without worker support) lands here: run inline.
    return `the SRP worker could not be created (${error instanceof Error ? error.name : 'unknown error'})`;
  }
}

/**
 * SrpPort whose math runs in a Web Worker, so the ~30 ms of modular exponentiation per sign-in never blocks the page.
 * The worker starts with the port (so it is loaded before the user presses "Sign in"). Without `Worker` (Node, old
 * runtimes) this is the fast engine inline; if the worker fails to load or crashes, the calls in flight and all later
 * ones run inline too. Either way the engine is one lazily loaded file, the same one the worker runs.
 */
export function createWorkerSrp(options: WorkerSrpOptions = {}): SrpPort {
  const file = loadEngineFile();
  const inline = inlineSend(file);
  let lastReported: SrpEngineReport['engine'] | undefined;
  const report = (next: SrpEngineReport, warn: boolean): void => {
    if (lastReported === next.engine) return;
    lastReported = next.engine;
    if (options.onEngine !== undefined) options.onEngine(next);
    else if (warn && next.engine === 'inline')
      console.warn(`cognito-xstate: SRP runs on the main thread because ${next.reason}.`);
  };

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

  const channel = openChannel(options, file).then((opened) => {
    if (typeof opened === 'string') {
      report({ engine: 'inline', reason: opened }, typeof Worker !== 'undefined');
      return undefined;
    }
    opened.listen((data) => {
      if (!isSrpWorkerResponse(data)) return;
      const settle = pending.get(data.id);
      pending.delete(data.id);
      if (settle === undefined) return;
      report({ engine: 'worker' }, false);
      settle(data);
    }, fallBack);
    return opened;
  });

  return srpPortOver(async (request) => {
    const open = await channel;
    if (open === undefined || broken) return inline(request);
    const id = nextId++;
    const response = await new Promise<SrpWorkerResponse | undefined>((settle) => {
      pending.set(id, settle);
      open.post({ ...request, id });
    });
    return response === undefined ? inline(request) : resultOf(response);
  });
}

/** The fast engine on the main thread (the widget's `srp: 'inline'`), loaded on first use from the worker's file. */
export function createInlineSrp(): SrpPort {
  let file: EngineFile | undefined;
  return srpPortOver((request) => inlineSend((file ??= loadEngineFile()))(request));
}
