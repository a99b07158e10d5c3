/** Queries on the shared limit counters. No rules here. */
import { and, inArray, lt, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { limitCounters } from './limit.table.js';

export type LimitCounter = { key: string; count: number; lastAt: Date };

/**
 * Adds `amount` to a key's count in one statement; a window that started at or before `windowFrom`
 * starts again at `now`. Returns the count after the hit and when its window started.
 */
export const hitLimitWindow = async (
  db: Db,
  key: string,
  amount: number,
  now: Date,
  windowFrom: Date,
): Promise<{ count: number; windowStart: Date }> => {
  const expired = sql`${limitCounters.windowStart} <= ${windowFrom.toISOString()}::timestamptz`;
  const rows = await db
    .insert(limitCounters)
    .values({ key, count: amount, windowStart: now, lastAt: now })
    .onConflictDoUpdate({
      target: limitCounters.key,
      set: {
        count: sql`case when ${expired} then excluded.count else ${limitCounters.count} + excluded.count end`,
        windowStart: sql`case when ${expired} then excluded.window_start else ${limitCounters.windowStart} end`,
        lastAt: sql`excluded.last_at`,
      },
    })
    .returning({ count: limitCounters.count, windowStart: limitCounters.windowStart });
  return rows[0] ?? { count: amount, windowStart: now };
};

/** `hitLimitWindow`, answering only the count after the hit. */
export const hitLimitCounter = async (
  db: Db,
  key: string,
  amount: number,
  now: Date,
  windowFrom: Date,
): Promise<number> => (await hitLimitWindow(db, key, amount, now, windowFrom)).count;

/** The counters of these keys whose window started after `windowFrom`. */
export const readLimitCounters = async (db: Db, keys: string[], windowFrom: Date): Promise<LimitCounter[]> =>
  db
    .select({ key: limitCounters.key, count: limitCounters.count, lastAt: limitCounters.lastAt })
    .from(limitCounters)
    .where(and(inArray(limitCounters.key, keys), gt(limitCounters.windowStart, windowFrom)));

/** Removes counters last hit before `before`; returns how many. */
export const deleteLimitCountersBefore = async (db: Db, before: Date): Promise<number> =>
  (
    await db
      .delete(limitCounters)
      .where(lt(limitCounters.lastAt, before))
      .returning({ key: limitCounters.key })
  ).length;
