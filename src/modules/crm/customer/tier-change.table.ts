import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every change of any tier of a customer: from, to, who, when, why, and whether it was suggested. */
export const tierChanges = pgTable(
  'customer_tier_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** intent / satisfaction / value / persona. */
    dimension: text('dimension').notNull(),
    fromTier: text('from_tier'),
    toTier: text('to_tier'),
    /** manual / suggested (a person accepted a rule's suggestion) / import / merge. */
    source: text('source').notNull(),
    reason: text('reason').notNull(),
    changedByUserId: uuid('changed_by_user_id'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_tier_changes_customer_idx').on(t.tenantId, t.customerId, t.changedAt),
  ],
);
