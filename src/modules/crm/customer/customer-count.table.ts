import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/** A group's columns and its count, the same in both tables (fresh builders for each table). */
const groupColumns = () => ({
  tenantId: uuid('tenant_id').notNull(),
  kind: text('kind').notNull(),
  intentTier: text('intent_tier').notNull(),
  ownerUserId: uuid('owner_user_id').notNull(),
  teamId: uuid('team_id').notNull(),
  poolId: uuid('pool_id').notNull(),
  n: integer('n').notNull(),
});

/**
 * Kept counts of customers per group: kind, intent tier, owner, team and pool, the columns the
 * summary filters and the data scope read. A row trigger on `customers` appends a delta for every
 * change of those columns (`customer_count_deltas`); a periodic fold moves the deltas in here. A read
 * sums both, so it is exact at every moment. No column is null, so the group is a primary key: an
 * unset tier is `''` and a missing owner, team or pool the nil uuid (`COUNT_NONE`).
 */
export const customerCounts = pgTable('customer_counts', groupColumns(), (t) => [
  primaryKey({
    name: 'customer_counts_pkey',
    columns: [t.tenantId, t.kind, t.intentTier, t.ownerUserId, t.teamId, t.poolId],
  }),
]);

/**
 * Changes to `customer_counts` not folded in yet: +1 for a row entering a group, -1 for one leaving
 * it. Appended by the trigger only, so concurrent writers never wait on one counter row.
 */
export const customerCountDeltas = pgTable('customer_count_deltas', groupColumns(), (t) => [
  index('customer_count_deltas_tenant_idx').on(t.tenantId),
]);
