import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Calls, visits, meetings and messages with a customer (跟进). */
export const followUps = pgTable(
  'follow_ups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    personId: uuid('person_id'),
    userId: uuid('user_id'),
    /** call / visit / meeting / message / email / other. */
    channel: text('channel').notNull(),
    note: text('note').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('follow_ups_customer_idx').on(t.tenantId, t.customerId, t.at),
  ],
);
