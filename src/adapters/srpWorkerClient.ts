// SrpPort that runs the fast engine in a Web Worker, or inline where workers are unavailable: both from one lazy file.
import type { SrpPort } from '../../machines/ports.ts';
import type * as SrpWorkerModule from './srpWorker.ts';
import { isSrpWorkerResponse, resultOf, srpPortOver, srpWorkerReady } from './srpWorkerProtocol.ts';
import type { SrpWorkerRequest, SrpWorkerResponse, WithoutId } from './srpWorkerProtocol.ts';

/** The two things the client needs from a worker; `Worker` is adapted to it, tests pass a MessageChannel. */
export interface SrpWorkerChannel {
  post(request: SrpWorkerRequest): void;
  listen(onMessage: (data: unknown) => void, onError: (error: Error) => void): void;
  /** Ends the worker (Worker.terminate); called when the port is closed. */
  close?(): void;
}

/** Which engine did the SRP math, and why not the worker when it is inline. Carries no secret. */
export type SrpEngineReport = { readonly engine: 'worker' } | { readonly engine: 'inline'; readonly reason: string };

/** Options of the worker SRP engine: how to create the worker. */
export interface WorkerSrpOptions {
  /**
   * Builds the worker yourself when your bundler or CSP needs it spelt out: a module Worker running the package's
   * `dist/srpWorker.js` (or a copy of it served from your origin). By default the
   * package's own `new Worker(new URL('./srpWorker.js', import.meta.url))` is used, which Vite, webpack 5 and
   * Turbopack recognise, then the engine file's own URL (Vite's dev server), then the main thread.
   */
  readonly createWorker?: (() => Worker) | undefined;
  /** Opens the channel (tests pass a MessageChannel). Returning undefined means "run inline". */
  readonly createChannel?: () => SrpWorkerChannel | undefined;
  /**
   * Told once which engine serves the first SRP call ('worker' when the worker first answers), and again if the worker
   * later fails and the math moves inline. Without it, falling back from a worker that exists but fails is a
   * console.warn, so it is never silent. Never called before the port starts, so never during server render.
   */
  readonly onEngine?: ((report: SrpEngineReport) => void) | undefined;
}

/** An SrpPort whose worker starts on `start()` or the first call and ends on `close()`; a later call starts another. */
export interface WorkerSrpPort extends SrpPort {
  /** Starts the worker now, so it is loaded before the user presses "Sign in" (the widget calls it on mount). */
  start(): void;
  /** Terminates the worker; calls in flight finish inline (the widget calls it on unmount). */
  close(): void;
}

type EngineFile = Promise<typeof SrpWorkerModule>;

/** Loads srpWorker.ts on the page. The bundler emits it as a chunk of its own, which is also the worker's script. */
function loadEngineFile(): EngineFile {
  const file = import('./srpWorker.ts');
  // Every user of `file` awaits it and sees a load failure; this only keeps an unused failure from being "unhandled".
  file.catch(() => undefined);
  return file;
}

/** The fast engine on the page, from the worker's own file: the inline path with no second copy of the SRP code. */
function inlineSend(file: () => EngineFile): (request: WithoutId<SrpWorkerRequest>) => Promise<unknown> {
  return async (request) => resultOf(await (await file()).answerSrpRequest({ ...request, id: 0 }));
}

/**
 * The package's worker, written literally as `new Worker(new URL('./srpWorker.js', import.meta.url))` so the app's
 * bundler (Vite, webpack 5, Turbopack) emits dist/srpWorker.js as a worker chunk. The concatenation keeps this
 * library's own Vite build from rewriting it; the build folds it back into one literal (srpWorkerBuild.test.ts).
 */
function bundledWorker(): Worker {
  return new Worker(new URL('./srpWorker' + '.js', import.meta.url), { type: 'module' });
}

/** Resolves with the worker once its script says it is ready; rejects if it fails to load (404, CSP, file: URL). */
function readyWorker(create: () => Worker): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = create();
    const onMessage = (event: MessageEvent<unknown>): void => {
      if (event.data !== srpWorkerReady) return;
      worker.removeEventListener('error', onError);
      worker.removeEventListener('message', onMessage);
      resolve(worker);
    };
    const onError = (event: Event): void => {
      event.preventDefault();
      worker.terminate();
      reject(new Error('the SRP worker failed to load'));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

function workerChannel(worker: Worker): SrpWorkerChannel {
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
        onError(new Error('the SRP worker crashed'));
      });
    },
    close: () => {
      worker.terminate();
    },
  };
}

/** Tries each way of building the worker in turn; the first whose script answers "ready" wins. */
async function browserWorker(options: WorkerSrpOptions, file: () => EngineFile): Promise<SrpWorkerChannel | string> {
  if (typeof Worker === 'undefined') return 'this runtime has no Worker';
  const candidates: (() => Worker | Promise<Worker>)[] =
    options.createWorker === undefined
      ? [bundledWorker, async () => new Worker((await file()).srpWorkerUrl, { type: 'module' })]
      : [options.createWorker];
  let reason = 'the SRP worker could not be created';
  for (const candidate of candidates) {
    try {
      const created = await candidate();
      return workerChannel(await readyWorker(() => created));
    } catch (error) {
      // A Content-Security-Policy without worker-src, a file: URL or a 404 lands here: try the next, then run inline.
      reason = `the SRP worker could not be created (${error instanceof Error ? error.name : 'unknown error'})`;
    }
  }
  return reason;
}

/** The channel, or why there is none: no Worker in this runtime, or one that could not be created. */
async function openChannel(options: WorkerSrpOptions, file: () => EngineFile): Promise<SrpWorkerChannel | string> {
  if (options.createChannel === undefined) return browserWorker(options, file);
  try {
    return options.createChannel() ?? 'this runtime has no Worker';
  } catch (error) {
    return `the SRP worker could not be created (${error instanceof Error ? error.name : 'unknown error'})`;
  }
}

/**
 * SrpPort whose math runs in a Web Worker, so the ~30 ms of modular exponentiation per sign-in never blocks the page.
 * Nothing happens when it is created: the worker starts on `start()` or the first call, so server render and import
 * run no code and fire no callback. Without `Worker` (Node, old runtimes) this is the fast engine inline; if the
 * worker fails to load or crashes, the calls in flight and all later ones run inline too.
 */
export function createWorkerSrp(options: WorkerSrpOptions = {}): WorkerSrpPort {
  let engineFile: EngineFile | undefined;
  const file = (): EngineFile => (engineFile ??= loadEngineFile());
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
  let channel: Promise<SrpWorkerChannel | undefined> | undefined;

  const settleAllInline = (): void => {
    for (const settle of pending.values()) settle(undefined);
    pending.clear();
  };

  const open = (): Promise<SrpWorkerChannel | undefined> => {
    broken = false;
    const opening = openChannel(options, file).then((opened) => {
      if (typeof opened === 'string') {
        report({ engine: 'inline', reason: opened }, typeof Worker !== 'undefined');
        return undefined;
      }
      // Closed while it was loading: end it now rather than leak it.
      if (channel !== opening) {
        opened.close?.();
        return undefined;
      }
      opened.listen(
        (data) => {
          if (!isSrpWorkerResponse(data)) return;
          const settle = pending.get(data.id);
          pending.delete(data.id);
          if (settle === undefined) return;
          report({ engine: 'worker' }, false);
          settle(data);
        },
        (error) => {
          broken = true;
          report({ engine: 'inline', reason: error.message }, true);
          settleAllInline();
        },
      );
      return opened;
    });
    channel = opening;
    return opening;
  };

  const port = srpPortOver(async (request) => {
    const opened = await (channel ?? open());
    if (opened === undefined || broken) return inline(request);
    const id = nextId++;
    const response = await new Promise<SrpWorkerResponse | undefined>((settle) => {
      pending.set(id, settle);
      opened.post({ ...request, id });
    });
    return response === undefined ? inline(request) : resultOf(response);
  });

  return {
    ...port,
    start: () => {
      channel ??= open();
    },
    close: () => {
      const closing = channel;
      channel = undefined;
      settleAllInline();
      void closing?.then((opened) => opened?.close?.());
    },
  };
}

/** The fast engine on the main thread (the widget's `srp: 'inline'`), loaded on first use from the worker's file. */
export function createInlineSrp(): SrpPort {
  let file: EngineFile | undefined;
  return srpPortOver(inlineSend(() => (file ??= loadEngineFile())));
}
