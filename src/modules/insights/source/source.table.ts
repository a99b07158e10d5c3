import {
  boolean,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Where touchpoints come from: a website, an app, a mini-program, a server, offline lists. */
export const sources = pgTable(
  'sources',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** web / app / mini_program / server / offline, or `system` for Kehu's own domain events. */
    kind: text('kind').notNull(),
    /** Events per second this source may send (token bucket; bursts up to one second's worth). */
    rateLimitPerSecond: integer('rate_limit_per_second').notNull().default(2000),
    /** Events older than this many days are deleted; null keeps them forever. */
    retentionDays: integer('retention_days'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('sources_name_key').on(t.tenantId, t.name),
  ],
);

/**
 * Write keys, looked up before the tenant is known: a small global table (a Citus reference
 * table). Write keys are public by design (they ship inside web pages), so they are stored as is.
 */
export const sourceWriteKeys = pgTable('source_write_keys', {
  writeKey: text('write_key').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  sourceId: uuid('source_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
