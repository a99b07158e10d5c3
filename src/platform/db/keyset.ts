/** Keyset paging on lists sorted by a time then an id, both descending (histories, feeds). */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** A position in a list sorted by time then id, both descending. */
export type TimeCursor = { at: Date; id: string };

/** The keyset predicate "strictly after `cursor`" for `(at desc, id desc)`; none without a cursor. */
export function beforePosition(at: PgColumn, id: PgColumn, cursor: TimeCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${at}, ${id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
}
