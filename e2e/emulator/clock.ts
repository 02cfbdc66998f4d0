// The emulator's clock: wall time plus an offset tests can push forward (session, code and token expiry).

/** Milliseconds since the epoch, like Date.now(), and a way to move time forward. */
export interface Clock {
  now(): number;
  advance(seconds: number): void;
}

export function createClock(base: () => number = Date.now): Clock {
  let offsetMs = 0;
  return {
    now: () => base() + offsetMs,
    advance(seconds: number) {
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new RangeError('advance takes a non-negative number of seconds');
      offsetMs += seconds * 1000;
    },
  };
}
