/**
 * Running a whole transaction again when PostgreSQL aborted it to break a deadlock or a
 * serialization conflict: the one retry loop of the code base (docs/style.md, "Infrastructure").
 */
import { sqlState } from './errors.js';

/** SQLSTATEs of a lost race that a fresh attempt can win: deadlock and serialization failure. */
const TRANSIENT_STATES = new Set(['40P01', '40001']);

/** True for a deadlock or a serialization failure (or a driver error wrapping one). */
export function isTransientTransactionError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && TRANSIENT_STATES.has(state);
}

/** How `withTransactionRetry` retries; every field has a default. */
export type RetryOptions = {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** Which failures are worth another attempt (default: `isTransientTransactionError`). */
  isRetryable?: (error: unknown) => boolean;
  /** Runs before each new attempt, e.g. to forget a cache the failure proved stale. */
  beforeRetry?: (error: unknown, attempt: number) => Promise<void> | void;
  /** Upper bound of the random pause before attempt n, in ms: `baseDelayMs * (n - 1)` (default 5). */
  baseDelayMs?: number;
};

/**
 * Runs `work` (a whole transaction) until it succeeds, again after a retryable failure, at most
 * `attempts` times, with a short random pause so that two racing callers do not collide again in
 * step. The last failure, or any other error, is thrown as it is.
 *
 * @example await withTransactionRetry(() => db.transaction((tx) => allocate(tx, orderId)))
 */
export async function withTransactionRetry<T>(
  work: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const isRetryable = options.isRetryable ?? isTransientTransactionError;
  const baseDelayMs = options.baseDelayMs ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await options.beforeRetry?.(error, attempt);
      const pauseMs = Math.random() * baseDelayMs * attempt;
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
