import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per tenant: its CRM rules (tiers, pools, recall, duplicates, custom fields) as validated JSON. */
export const crmSettings = pgTable('crm_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
