import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per tenant: its warehouse rules (stock age by value tier, return reason weights) as validated JSON. */
export const warehouseSettings = pgTable('warehouse_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
