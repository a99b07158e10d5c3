/** Errors of storing events that callers react to. */
/** Tells whether `error` is PostgreSQL's "no partition of relation found for row" (SQLSTATE 23514). */
export function isMissingPartition(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '23514' && typeof message === 'string' && message.includes('no partition')) return true;
  }
  return false;
}
