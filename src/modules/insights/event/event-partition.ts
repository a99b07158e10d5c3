/**
 * Monthly partitions of `events`, created on demand before a batch is stored: `events_YYYY_MM`
 * holds [first day of the month, first day of the next) in UTC. Creating one is DDL that locks
 * `events`, so it runs outside (before) the insert transaction, and the months known to exist are
 * remembered per database handle so the hot path sends no query at all.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';

/** A calendar month in UTC, e.g. `{ year: 2026, month: 3 }`. */
export type EventMonth = { year: number; month: number };

const known = new WeakMap<Db, Set<string>>();

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The partition's name, e.g. `events_2026_03`. */
export function partitionName({ year, month }: EventMonth): string {
  return `events_${pad(year, 4)}_${pad(month, 2)}`;
}

/** The distinct UTC months of `dates`, oldest first. */
export function monthsOf(dates: Iterable<Date>): EventMonth[] {
  const seen = new Map<number, EventMonth>();
  for (const date of dates) {
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    seen.set(year * 12 + month, { year, month });
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

const bound = ({ year, month }: EventMonth): string => `${pad(year, 4)}-${pad(month, 2)}-01 00:00:00+00`;
const nextMonth = ({ year, month }: EventMonth): EventMonth =>
  month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };

/** The DDL that creates one month's partition (indexes follow from the partitioned indexes of `events`). */
export function partitionDdl(month: EventMonth): string {
  return (
    `create table if not exists ${partitionName(month)} partition of events ` +
    `for values from ('${bound(month)}') to ('${bound(nextMonth(month))}')`
  );
}

async function existing(db: Db, names: string[]): Promise<Set<string>> {
  const result = await db.execute<{ name: string }>(
    sql`select n as name from unnest(${sql.param(names)}::text[]) n where to_regclass(n) is not null`,
  );
  return new Set(result.rows.map((row) => row.name));
}

/**
 * Makes sure every month of `dates` has its partition. Safe to call concurrently from several
 * processes: when two create the same partition at once, the loser's error is swallowed once the
 * partition is seen to exist.
 */
export async function ensureMonthPartitions(db: Db, dates: Iterable<Date>): Promise<void> {
  let cache = known.get(db);
  if (!cache) known.set(db, (cache = new Set()));
  const missing = monthsOf(dates).filter((month) => !cache.has(partitionName(month)));
  if (missing.length === 0) return;
  const present = await existing(
    db,
    missing.map((month) => partitionName(month)),
  );
  for (const month of missing) {
    const name = partitionName(month);
    if (!present.has(name)) await createPartition(db, month);
    cache.add(name);
  }
}

async function createPartition(db: Db, month: EventMonth): Promise<void> {
  try {
    await db.execute(sql.raw(partitionDdl(month)));
  } catch (error) {
    // A concurrent creator won the race (duplicate type or relation): fine if the table is there now.
    if ((await existing(db, [partitionName(month)])).size === 0) throw error;
  }
}

/** Forgets the months known for `db`, e.g. after partitions were dropped by retention. */
export function forgetMonthPartitions(db: Db): void {
  known.delete(db);
}

/** Tells whether `error` is PostgreSQL's "no partition of relation found for row" (SQLSTATE 23514). */
export function isMissingPartition(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '23514' && typeof message === 'string' && message.includes('no partition')) return true;
  }
  return false;
}
