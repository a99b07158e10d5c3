/** Retrying a whole transaction that PostgreSQL aborted to break a deadlock or a serialization conflict. */

const RETRYABLE = new Set(['40P01', '40001']);

/** True for deadlocks and serialization failures (or a driver error wrapping one). */
export function isRetryableTransactionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Runs `work` (a whole transaction) again when the database aborted it for a deadlock or serialization. */
export async function withTransactionRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
    }
  }
}
