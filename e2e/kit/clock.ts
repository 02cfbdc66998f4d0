// The emulator's clock as tests see it: push it forward (Session, code and token expiry) and read it (TOTP).

/** The emulator's clock, moved by tests to expire codes, sessions and tokens. */
export interface TestClock {
  /** Moves the emulator's time forward; Sessions, codes and tokens age, the browser's clock does not. */
  advance(seconds: number): Promise<void>;
  /** The emulator's time (ms since the epoch), for codes that must match it. */
  now(): number;
}

/** A clock driving an emulator over `POST /_emulator/clock`; it tracks the offset it has applied. */
export function emulatorClock(emulatorUrl: string): TestClock {
  let offsetMs = 0;
  return {
    async advance(seconds) {
      const response = await fetch(`${emulatorUrl}/_emulator/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: seconds }),
      });
      if (!response.ok) throw new Error(`POST /_emulator/clock answered ${String(response.status)}`);
      offsetMs += seconds * 1000;
    },
    now: () => Date.now() + offsetMs,
  };
}

/** A real user pool's clock cannot be moved: `advance` fails loudly rather than letting a test pass by accident. */
export function wallClock(): TestClock {
  return {
    advance: () => Promise.reject(new Error('clock.advance needs the emulator; a real user pool runs on real time')),
    now: Date.now,
  };
}
