/**
 * How long a failed job waits before its next attempt: exponential in the attempts so far, with
 * jitter so jobs that failed together (the database was away) do not all come back at once.
 */

/** The first retry's delay before jitter. */
export const RETRY_BASE_MS = 10_000;

/** No retry waits longer than this. */
export const RETRY_MAX_MS = 3_600_000;

/**
 * The delay after the `attempt`-th failed attempt (1-based): half of `base·2^(attempt-1)` (capped)
 * for sure, the other half scaled by `random()`, so it lies in [half, whole] of the exponential step.
 * @example retryDelayMs(1, () => 0) // 5_000; retryDelayMs(3, () => 1) // 40_000
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
