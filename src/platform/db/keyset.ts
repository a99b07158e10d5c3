/** Keyset paging on lists sorted by a time then an id (histories, feeds, task lists). */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

import type { TimeCursor } from '../time-cursor.js';

export type { TimeCursor } from '../time-cursor.js';

/** The keyset predicate "strictly after `cursor`" for `(at desc, id desc)`; none without a cursor. */
export function beforePosition(at: PgColumn, id: PgColumn, cursor: TimeCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${at}, ${id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
}

/** The keyset predicate "strictly after `cursor`" for `(at asc, id asc)`; none without a cursor. */
export function afterPosition(at: PgColumn, id: PgColumn, cursor: TimeCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${at}, ${id}) > (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
}
