import { boolean, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
