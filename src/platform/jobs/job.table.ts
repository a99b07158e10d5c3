import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The durable job queue: one row per run of a job, periodic or one-off. A small global table (jobs act
 * across tenants); `tenant_id` only says whose job a one-off is, so a tenant's admin sees their own.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    /** The handler's name, e.g. `crm.recall`. */
    name: text('name').notNull(),
    /** The tenant a one-off job belongs to; null for jobs across tenants (the periodic ones). */
    tenantId: uuid('tenant_id'),
    payload: jsonb('payload').notNull().default({}),
    /** `queued`, `running`, `succeeded` or `failed`. */
    status: text('status').notNull().default('queued'),
    /** When the job is due; after a failed attempt, when it is tried again. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    lastError: text('last_error'),
    /** The worker running (or that last ran) it, and until when its lease holds; an expired one is retaken. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** One row per key: a periodic job's `name@period start`, so each period is queued once. */
    singletonKey: text('singleton_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_singleton_key_idx').on(t.singletonKey),
    index('jobs_due_idx').on(t.status, t.runAt),
    index('jobs_name_status_idx').on(t.name, t.status),
  ],
);
