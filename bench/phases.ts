// The load phases of the USER_PASSWORD_AUTH rows, each with a budget of its own.
import { checkLoadOptions, type LoadOptions } from './load.ts';

/** One closed-loop phase: how many flows in flight, and when it stops (its own time cap, and maybe its own count). */
export interface Phase extends LoadOptions {
  readonly name: string;
}

/**
 * A phase, refused when it could finish without a single flow. Budgets are fixed numbers, never what is left of a
 * shared target: a faster server then only fills a phase sooner, it can never empty it (issue 23).
 */
export function phase(name: string, options: LoadOptions): Phase {
  checkLoadOptions(name, options);
  return { name, ...options };
}

export interface PasswordPhases {
  readonly warmUp: Phase;
  readonly sequential: Phase;
  readonly concurrent: Phase;
  /** The long run: its own count of sign-ins, or its time cap, whichever comes first. */
  readonly hold: Phase;
}

export const passwordPlan = {
  warmUpFlows: 20,
  sequentialMs: 4000,
  concurrency: 64,
  concurrentMs: 8000,
  holdFlows: 10_000,
  holdMsOurs: 40_000,
  holdMsPeer: 20_000,
} as const;

/** The four phases for one server; nothing here reads what an earlier phase achieved. */
export function passwordPhases(holdMs: number): PasswordPhases {
  const p = passwordPlan;
  return {
    warmUp: phase('warm-up', { concurrency: 1, durationMs: 30_000, maxFlows: p.warmUpFlows }),
    sequential: phase('sequential', { concurrency: 1, durationMs: p.sequentialMs }),
    concurrent: phase(`${p.concurrency} concurrent`, { concurrency: p.concurrency, durationMs: p.concurrentMs }),
    hold: phase('long run', { concurrency: p.concurrency, durationMs: holdMs, maxFlows: p.holdFlows }),
  };
}
