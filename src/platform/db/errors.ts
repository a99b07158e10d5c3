/** Recognising PostgreSQL errors that services turn into domain errors or retry. */

type PgErrorLike = { code?: unknown; constraint?: unknown; cause?: unknown };

/**
 * The SQLSTATE of `error` or of the driver error it wraps (drizzle wraps the driver's in `cause`),
 * e.g. `'23505'` for a unique violation; undefined when there is none.
 */
export function sqlState(error: unknown): string | undefined {
  return pgErrorOf(error)?.code as string | undefined;
}

/**
 * True when `error` (or the driver error it wraps) is a unique violation, of `constraint` when one
 * is named.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  if (pg?.code !== '23505') return false;
  return constraint === undefined || pg.constraint === constraint;
}

/** The first error in the `cause` chain that carries a SQLSTATE, looking at most five deep. */
function pgErrorOf(error: unknown): PgErrorLike | undefined {
  for (
    let current: unknown = error, depth = 0;
    current && typeof current === 'object' && depth < 5;
    depth++
  ) {
    const pg = current as PgErrorLike;
    if (typeof pg.code === 'string') return pg;
    current = pg.cause;
  }
  return undefined;
}
