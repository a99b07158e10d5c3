import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Where each customer stands in its account lifecycle (first contact → POC → in use → expansion).
 * No row: no stage yet. Written only by the lifecycle feature, together with its history.
 */
export const customerLifecycles = pgTable(
  'customer_lifecycles',
  {
    tenantId: uuid('tenant_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** first_contact / poc / in_use / expansion. */
    stage: text('stage').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.customerId] })],
);

/** Every move of a customer's lifecycle stage: by a deal event or by hand, with who and why. */
export const customerLifecycleChanges = pgTable(
  'customer_lifecycle_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** Null for the first stage a customer gets. */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    /** deal / manual. */
    source: text('source').notNull(),
    /** The deal whose event moved it (source `deal`). */
    dealId: uuid('deal_id'),
    /** The user who moved it, or whose deal change did; null for API keys. */
    actorUserId: uuid('actor_user_id'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_lifecycle_changes_customer_idx').on(t.tenantId, t.customerId, t.at),
  ],
);
