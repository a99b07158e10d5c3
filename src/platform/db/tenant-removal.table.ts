import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Scheduled tenant removals: a small global table keyed by the tenant's id (like `tenants`, so a
 * tenant's archive and removal leave it alone). A removal is due at `due_at`; until then it can be
 * cancelled (the row goes). When it ran, `done_at` and the final export's place are kept as record.
 */
export const tenantRemovals = pgTable('tenant_removals', {
  id: uuid('id').primaryKey(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  requestedBy: uuid('requested_by'),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  doneAt: timestamp('done_at', { withTimezone: true }),
  /** Where the final export was written. */
  finalExport: text('final_export'),
});
