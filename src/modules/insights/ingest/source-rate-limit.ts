/**
 * Per-source rate limits for ingest, one limit over every server process: each source has a shared
 * count of events per one-second window, kept in the database (`platform/limits`). One event costs
 * one: a batch of 500 costs 500. A batch larger than the rate is let through when it opens a window,
 * which it then fills, so big batches are slowed, never refused forever.
 *
 * So that the hot path does not write the count for every request, a process takes a lease of a tenth
 * of the rate (at least what the request needs) from the shared count at once and spends it locally
 * until the window ends; leases left unspent at the end of a window are lost, so several busy
 * processes may together fall short of the rate by up to a tenth each, never exceed it. A refused
 * request gives its share back, and the process remembers how much room the window had left, so a
 * flood of refused requests is refused without touching the shared count.
 */

/** What a request may do now. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per-source limits; `take` asks for `count` events at the source's current rate. */
export type SourceRateLimiter = {
  take(sourceId: string, ratePerSecond: number, count: number): Promise<RateVerdict>;
};

/**
 * The shared count: adds `amount` to `key`'s count in a window of `windowMs` (starting again after
 * it) and answers the count after the hit and when the window started (milliseconds).
 */
export type SharedWindowCounter = (
  key: string,
  amount: number,
  nowMs: number,
  windowMs: number,
) => Promise<{ count: number; windowStartMs: number }>;

/** The length of a rate window. */
export const RATE_WINDOW_MS = 1000;
/** The share of a source's rate a process leases from the shared count at once. */
const LEASE_SHARE = 0.1;

/** What this process holds of a source's window: `left` to spend, or at most `room` to ask for. */
type Lease = { windowEnd: number; rate: number; left: number; room: number };

/** Creates the limiter over `counter`; `now` gives wall-clock milliseconds (tests pass a fake one). */
export function createSourceRateLimiter(
  counter: SharedWindowCounter,
  now: () => number = () => Date.now(),
): SourceRateLimiter {
  const leases = new Map<string, Lease>();
  return {
    async take(sourceId, ratePerSecond, count) {
      const rate = Math.max(1, ratePerSecond);
      const at = now();
      const lease = leases.get(sourceId);
      const current = lease && lease.windowEnd > at && lease.rate === rate ? lease : undefined;
      if (current && current.left >= count) {
        current.left -= count;
        return { allowed: true };
      }
      if (current && count > current.left + current.room) return refusal(current.windowEnd, at);
      const amount = Math.max(count, Math.ceil(rate * LEASE_SHARE));
      const hit = await counter(`ingest:source:${sourceId}`, amount, at, RATE_WINDOW_MS);
      const before = hit.count - amount;
      const windowEnd = hit.windowStartMs + RATE_WINDOW_MS;
      if (before > 0 && before + count > rate) {
        await counter(`ingest:source:${sourceId}`, -amount, at, RATE_WINDOW_MS);
        leases.set(sourceId, { windowEnd, rate, left: current?.left ?? 0, room: Math.max(0, rate - before) });
        return refusal(windowEnd, at);
      }
      const granted = Math.max(count, Math.min(amount, rate - before));
      leases.set(sourceId, {
        windowEnd,
        rate,
        left: granted - count,
        room: Math.max(0, rate - before - granted),
      });
      return { allowed: true };
    },
  };
}

function refusal(windowEnd: number, at: number): RateVerdict {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - at) / 1000)) };
}
