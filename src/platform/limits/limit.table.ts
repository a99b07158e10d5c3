import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counters that every server process shares, for limits that must hold across processes (sign-in
 * attempts per address, per account, per pair). One row per key: its count since `window_start` and
 * when it was last hit. A small global table (keys name addresses and emails, not tenants); rows whose
 * window has passed are reset on the next hit and pruned by a periodic job.
 */
export const limitCounters = pgTable('limit_counters', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
});
