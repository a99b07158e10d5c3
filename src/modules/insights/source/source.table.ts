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
    /** Events per second this source may send, over all server processes (a shared one-second window). */
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

/**
 * One row counting every change that can stop a write key working (a rotation, a disabled source):
 * each server process reads it about once a second and forgets its cached write keys when it moved.
 */
export const sourceChanges = pgTable('source_changes', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});
