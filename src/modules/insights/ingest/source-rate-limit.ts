/**
 * Per-source rate limits for ingest: an in-memory token bucket per source, refilled at the source's
 * `rateLimitPerSecond` and holding at most one second's worth, so a source may burst to its rate and
 * then keeps to it on average. One token per event: a batch of 500 costs 500.
 *
 * Each process keeps its own buckets; with several server processes behind a balancer each one allows
 * the full rate (the limit protects the database of one process, it is not a billing meter).
 */

/** What a request may do now. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per-source token buckets; `take` asks for `count` tokens at the source's current rate. */
export type SourceRateLimiter = {
  take(sourceId: string, ratePerSecond: number, count: number): RateVerdict;
};

type Bucket = { tokens: number; updatedAt: number };

/**
 * Creates the limiter; `now` gives milliseconds on a monotonic clock (tests pass a fake one).
 * A request for more tokens than one second's worth (a batch larger than the rate) is let through
 * once the bucket is full and leaves it in debt, so big batches are slowed, never refused forever.
 */
export function createSourceRateLimiter(now: () => number = () => performance.now()): SourceRateLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    take(sourceId, ratePerSecond, count) {
      const rate = Math.max(1, ratePerSecond);
      const at = now();
      const bucket = buckets.get(sourceId) ?? { tokens: rate, updatedAt: at };
      bucket.tokens = Math.min(rate, bucket.tokens + ((at - bucket.updatedAt) / 1000) * rate);
      bucket.updatedAt = at;
      buckets.set(sourceId, bucket);
      const needed = Math.min(count, rate);
      // A hair of tolerance: refills add up fractions of a token, which floats do not sum exactly.
      if (bucket.tokens >= needed - 1e-9) {
        bucket.tokens -= count;
        return { allowed: true };
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((needed - bucket.tokens) / rate));
      return { allowed: false, retryAfterSeconds };
    },
  };
}
