/** Recognising PostgreSQL errors that services turn into domain errors. */

type PgErrorLike = { code?: string; constraint?: string; cause?: unknown };

/**
 * True when `error` (or the driver error it wraps; drizzle wraps them as `cause`) is a unique
 * violation, of `constraint` when one is named.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 3; depth++) {
    const pg = current as PgErrorLike;
    if (pg.code === '23505') return constraint === undefined || pg.constraint === constraint;
    current = pg.cause;
  }
  return false;
}
