/**
 * Which failures of a batch's transaction are worth starting over: the batch lost a race with a
 * concurrent one, and a fresh attempt sees that batch's committed writes.
 */
import { IdentityRace } from '../identity/person-resolution.service.js';

/**
 * SQLSTATEs of lost races: deadlock (40P01), serialization failure (40001), and a unique violation
 * (23505) when two batches create the same CRM contact at once.
 */
const RETRYABLE_CODES = new Set(['40P01', '40001', '23505']);

/** The SQLSTATE of `error` or of an error it wraps (drizzle wraps the driver's in `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Tells whether the batch should run again in a new transaction. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof IdentityRace) return true;
  const code = sqlState(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}
