// Summary statistics for benchmark samples: median, percentiles (linear interpolation), rates.

/** The q-quantile (0 ≤ q ≤ 1) of the samples, interpolating linearly between the two nearest ranks. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside [0, 1]`);
  const sorted = [...samples].sort((x, y) => x - y);
  const rank = q * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (rank - lower);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

export interface LatencySummary {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    n: samples.length,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    max: Math.max(...samples),
  };
}

/** Events per second from a count and a wall time in milliseconds. */
export function ratePerSecond(count: number, elapsedMs: number): number {
  if (elapsedMs <= 0) throw new RangeError('elapsed time must be positive');
  return (count * 1000) / elapsedMs;
}
