import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Public pools (公海) customers sit in while nobody owns them; a tenant may have several. */
export const pools = pgTable(
  'customer_pools',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** Customers of this region are released to this pool; null for the catch-all. */
    region: text('region'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('customer_pools_name_key').on(t.tenantId, t.name),
  ],
);

/** Every move of a customer between owners and pools, with its cause. */
export const poolMoves = pgTable(
  'customer_pool_moves',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** create / claim / assign / transfer / release / recall / recall_warning / merge / import. */
    action: text('action').notNull(),
    fromUserId: uuid('from_user_id'),
    toUserId: uuid('to_user_id'),
    fromPoolId: uuid('from_pool_id'),
    toPoolId: uuid('to_pool_id'),
    /** Who did it; null for the recall job. */
    actorUserId: uuid('actor_user_id'),
    cause: text('cause'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_pool_moves_customer_idx').on(t.tenantId, t.customerId, t.at),
    index('customer_pool_moves_to_user_idx').on(t.tenantId, t.toUserId, t.action, t.at),
    index('customer_pool_moves_from_user_idx').on(t.tenantId, t.fromUserId, t.customerId, t.at),
  ],
);
