import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Identities whose touchpoints are dropped at ingest: an erased person's user ids, anonymous ids and
 * email. Only a hash of the value is kept (see `suppressionHash`), so the list itself holds no
 * personal data; dropped messages are counted here.
 */
export const suppressions = pgTable(
  'suppressions',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** user_id / anonymous_id / email. */
    kind: text('kind').notNull(),
    /** Hex SHA-256 of the tenant, the kind and the value. */
    valueHash: text('value_hash').notNull(),
    /** The erased person the identity belonged to (its anonymised row stays). */
    personId: uuid('person_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    droppedCount: integer('dropped_count').notNull().default(0),
    lastDroppedAt: timestamp('last_dropped_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.valueHash] })],
);
