/**
 * The pool log: every move of a customer between owners and pools. Part of a customer's ownership,
 * so only customer/ownership.service.ts writes it.
 */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
