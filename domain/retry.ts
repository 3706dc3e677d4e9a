// When an outbox (webhook deliveries, mails) tries a failed send again, and when it gives up.

/** Waits between attempts, as multiples of the base (30 s for webhooks and mail): 30 s, 2 min, 10 min, 1 h, 6 h. */
const BACKOFF_STEPS = [1, 4, 20, 120, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_STEPS.length + 1;

/**
 * When to try again after `attempts` failed tries, or null to give up. Jitter (±20%) keeps a fleet of
 * retries from arriving at a recovering receiver all at once.
 */
export function nextAttemptDelayMs(attempts: number, baseMs: number, random = Math.random): number | null {
  const step = BACKOFF_STEPS[attempts - 1];
  if (step === undefined) return null;
  return Math.round(step * baseMs * (0.8 + 0.4 * random()));
}
