import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The outbox of domain events (`crm.deal.won`, `warehouse.order.shipped`): written in the same
 * transaction as the change they describe, read by consumers (insights) after commit.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** Dotted type, e.g. `crm.follow_up.recorded`. */
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The CRM customer (account) the event concerns, if any. */
    customerId: uuid('customer_id'),
    /** The CRM person (contact) the event concerns, if any. */
    crmPersonId: uuid('crm_person_id'),
    /** The user who caused it, if a person did. */
    actorUserId: uuid('actor_user_id'),
    payload: jsonb('payload').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('domain_events_created_idx').on(t.createdAt)],
);

/** How far each consumer has read the outbox (a small global table). */
export const domainEventCursors = pgTable('domain_event_cursors', {
  consumer: text('consumer').primaryKey(),
  position: timestamp('position', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
