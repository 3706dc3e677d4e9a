// When to try the live stream again after it dropped: exponential, capped, with jitter so that a room full
// of laptops waking up (or a restarted server) does not bring every client back in the same instant.

export interface Backoff {
  /** The first retry waits about this long. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
  factor: number;
  /** Share of the delay that is random: 0 = none, 0.5 = anywhere between half and the whole. */
  jitter: number;
}

export const LIVE_BACKOFF: Backoff = { baseMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** The ceiling of the delay before retry number `attempt` (0 = the first retry), before jitter. */
export function backoffCeiling(attempt: number, b: Backoff = LIVE_BACKOFF): number {
  const exp = b.baseMs * b.factor ** Math.max(0, Math.min(attempt, 30));
  return Math.min(b.maxMs, exp);
}

/** The delay before retry number `attempt`: the ceiling, less up to `jitter` of it at random. */
export function backoffDelay(attempt: number, random: () => number = Math.random, b: Backoff = LIVE_BACKOFF) {
  const ceiling = backoffCeiling(attempt, b);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling * (1 - b.jitter * r));
}
