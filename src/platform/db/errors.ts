/**
 * Recognising PostgreSQL errors that services turn into domain errors or retry.
 *
 * On Citus a statement runs on the shards of a table, whose tables and indexes are named after the
 * originals with the shard id appended (`customers_external_id_key_102042`). A shard's error reaches
 * us in one of three shapes: run in the same process, it keeps every field but names the shard's
 * objects; run on another node, it keeps only its SQLSTATE and message, so `constraint` and `table`
 * are gone; and from some INSERT … SELECT plans it arrives as an internal error (XX000) with only the
 * original message left. The helpers here accept all three, so a conflict is still a conflict.
 */

type PgErrorLike = {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  message?: unknown;
  cause?: unknown;
};

/** Citus passes a shard's error on with this SQLSTATE when it cannot keep the original one. */
const CITUS_INTERNAL = 'XX000';

const UNIQUE_MESSAGE = /^duplicate key value violates unique constraint "([^"]+)"/;
const CONSTRAINT_IN_MESSAGE = /violates (?:[a-z]+ )+constraint "([^"]+)"/;
const MISSING_PARTITION_MESSAGE = /^no partition of relation "([^"]+)" found for row/;
const SHARD_SUFFIX = /_(\d+)$/;

/**
 * The SQLSTATE of `error` or of the driver error it wraps (drizzle wraps the driver's in `cause`),
 * e.g. `'23505'` for a unique violation; undefined when there is none.
 */
export function sqlState(error: unknown): string | undefined {
  return pgErrorOf(error)?.code as string | undefined;
}

/**
 * The name of the constraint `error` (or the driver error it wraps) violated, as the database
 * reported it: the `constraint` field, or when that is missing (a Citus shard's error passed on by
 * another node) the quoted name in the message. On Citus it is the shard's name, with `_<shard id>`
 * appended; compare with `isUniqueViolation(error, name)`, which knows that, not with `===`.
 */
export function constraintName(error: unknown): string | undefined {
  const pg = pgErrorOf(error);
  if (!pg) return undefined;
  if (typeof pg.constraint === 'string') return pg.constraint;
  return typeof pg.message === 'string' ? CONSTRAINT_IN_MESSAGE.exec(pg.message)?.[1] : undefined;
}

/**
 * True when `error` (or the driver error it wraps) is a unique violation, of `constraint` when one
 * is named (also of that constraint's index on a Citus shard).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  if (!pg) return false;
  const message = typeof pg.message === 'string' ? pg.message : '';
  if (pg.code !== '23505' && !(pg.code === CITUS_INTERNAL && UNIQUE_MESSAGE.test(message))) return false;
  if (constraint === undefined) return true;
  const name = constraintName(pg);
  return name !== undefined && isNameOrShardOf(name, constraint, pg.table);
}

/**
 * True when `error` (or the driver error it wraps) says a row fits no partition of `table`, a
 * partitioned table: SQLSTATE 23514 from PostgreSQL, also XX000 from Citus, with the relation in the
 * message being `table` or one of its shards.
 */
export function isMissingPartition(error: unknown, table: string): boolean {
  const pg = pgErrorOf(error);
  if (!pg || (pg.code !== '23514' && pg.code !== CITUS_INTERNAL) || typeof pg.message !== 'string')
    return false;
  const relation = MISSING_PARTITION_MESSAGE.exec(pg.message)?.[1];
  return relation !== undefined && isNameOrShardOf(relation, table, undefined);
}

const INTEGRITY_MESSAGE = /violates (?:check|foreign key|not-null|unique|exclusion) constraint/;

/**
 * True when `error` is an integrity violation (SQLSTATE class 23): also in the form Citus gives one
 * raised on a worker by an INSERT … SELECT, an internal error (XX000) with PostgreSQL's message.
 */
export function isIntegrityViolation(error: unknown): boolean {
  const pg = pgErrorOf(error);
  if (typeof pg?.code !== 'string') return false;
  if (pg.code.startsWith('23')) return true;
  return pg.code === CITUS_INTERNAL && typeof pg.message === 'string' && INTEGRITY_MESSAGE.test(pg.message);
}

/**
 * True when `name` is `base`, or `base` on a Citus shard: `base_<shard id>`. A real name may end in
 * digits too (`items_code_2_key`), so the suffix is never cut from `name`; it is only allowed after the
 * whole of `base`. When the error names its table, the table must carry the same shard id, which
 * plain PostgreSQL's bare table names never do: there only the exact name matches.
 *
 * Citus appends the id only to names short enough to take it (under about 56 characters); a longer
 * one is cut and hashed, and is not recognised here, so constraints that services match by name stay
 * short.
 */
function isNameOrShardOf(name: string, base: string, table: unknown): boolean {
  if (name === base) return true;
  const shard = SHARD_SUFFIX.exec(name);
  if (!shard || name.slice(0, shard.index) !== base) return false;
  return typeof table !== 'string' || table.endsWith(shard[0]);
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
