// Closed-loop load: N workers each run one flow after another until a deadline or a count; latencies and completion times.

export interface LoadOptions {
  readonly concurrency: number;
  /** Stop starting new flows after this many milliseconds... */
  readonly durationMs: number;
  /** ...or once this many flows have been started, whichever comes first. */
  readonly maxFlows?: number;
}

export interface LoadResult {
  /** Milliseconds per successful flow. */
  readonly latencies: number[];
  /** When each successful flow finished, ms since the start. */
  readonly finishedAt: number[];
  readonly elapsedMs: number;
  readonly errors: number;
  readonly firstError?: string;
}

/** Throws when the options could let a run finish without a single flow (a phase must never be empty). */
export function checkLoadOptions(name: string, options: LoadOptions): void {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new RangeError(`${name}: concurrency must be a whole number ≥ 1, got ${options.concurrency}`);
  if (!(options.durationMs > 0)) throw new RangeError(`${name}: durationMs must be > 0, got ${options.durationMs}`);
  if (options.maxFlows !== undefined && !(Number.isInteger(options.maxFlows) && options.maxFlows >= 1))
    throw new RangeError(`${name}: maxFlows must be a whole number ≥ 1, got ${options.maxFlows}`);
}

export async function runLoad(flow: (index: number) => Promise<void>, options: LoadOptions): Promise<LoadResult> {
  checkLoadOptions('load', options);
  const latencies: number[] = [];
  const finishedAt: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let started = 0;
  const t0 = performance.now();
  const maxFlows = options.maxFlows ?? Number.POSITIVE_INFINITY;
  const worker = async (): Promise<void> => {
    while (started < maxFlows && performance.now() - t0 < options.durationMs) {
      const index = started++;
      const begin = performance.now();
      try {
        await flow(index);
        const end = performance.now();
        latencies.push(end - begin);
        finishedAt.push(end - t0);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const result = { latencies, finishedAt, elapsedMs: performance.now() - t0, errors };
  return firstError === undefined ? result : { ...result, firstError };
}

/**
 * Completions per second between two fractions of a run's completions (e.g. 0.1 → 0.3), so the ramp-up
 * and drain of a closed loop do not count as a change in rate.
 */
export function fractionRate(finishedAt: readonly number[], from: number, to: number): number {
  const sorted = [...finishedAt].sort((x, y) => x - y);
  const first = Math.floor(from * (sorted.length - 1));
  const last = Math.floor(to * (sorted.length - 1));
  const start = sorted[first];
  const end = sorted[last];
  if (start === undefined || end === undefined || end <= start) throw new RangeError('window too small for a rate');
  return ((last - first) * 1000) / (end - start);
}

/** Completions per second within [fromMs, toMs) of a run. */
export function windowRate(finishedAt: readonly number[], fromMs: number, toMs: number): number {
  if (toMs <= fromMs) throw new RangeError('empty window');
  const count = finishedAt.filter((t) => t >= fromMs && t < toMs).length;
  return (count * 1000) / (toMs - fromMs);
}
